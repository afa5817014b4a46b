"""Geocoding: turning place names into coordinates.

Follows geopy's interface (`geocode(query, exactly_one=True, ...)` returning
`geopy.location.Location`) with several adapters:

- `gazetteer.Gazetteer`: offline: GeoNames towns, regions and airfields (`index`), with
  record-style country text read as hints (`countries`), names normalised (`names`) and
  a few landmarks mapped to their towns (`aliases`);
- `online.OnlineGeocoder`: Nominatim through geopy, opt-in;
- `cache.GeocodeCache`: answers on disk in the user's cache directory (`paths`);
- `resolve.locate`: fills in a trip's missing coordinates using the above, falls back to
  the country when unsure, and checks coordinates the file gave.
"""

from itinerary.geocoding.cache import GeocodeCache
from itinerary.geocoding.gazetteer import Gazetteer
from itinerary.geocoding.resolve import Resolution, locate

__all__ = ["Gazetteer", "GeocodeCache", "Resolution", "locate"]
