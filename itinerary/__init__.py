"""itinerary: put a trip on a map.

The package holds all logic: the data model, CSV loading and validation, geocoding, routes,
the folium map, exports and the command line. It never imports streamlit; `app.py` is the
only Streamlit code.
"""

__version__ = "0.1.0"
