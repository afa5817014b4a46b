"""itinerary: put a trip on a map.

The package holds all logic: the data model, reading itineraries and the official travel
record, geocoding, routes, the map and its exports, and the command line. It knows nothing
of the page that shows it: the dashboard's Streamlit code is `itinerary_app`, which calls
this package, never the other way round.
"""

__version__ = "0.1.0"
