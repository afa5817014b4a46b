"""Geocoding: turning place names into coordinates.

Follows geopy's interface (`geocode(query, exactly_one=True, ...)` returning
`geopy.location.Location`) with several adapters:

- `gazetteer.Gazetteer`: offline: GeoNames towns, regions and airfields (`index`), with
  record-style country text read as hints (`countries`), names normalised (`itinerary.names`) and
  a few landmarks mapped to their towns (`aliases`);
- `online.OnlineGeocoder`: Nominatim through geopy, opt-in;
- `cache.GeocodeCache`: answers on disk in the user's cache directory;
- `resolve.locate`: fills in stops' missing coordinates using the above, falls back to
  the country when unsure, and checks coordinates the file gave;
- `place.place_trip`: the one entry point: a Trip in, the placed Trip and its messages out.
"""

from itinerary.geocoding.gazetteer import Gazetteer
from itinerary.geocoding.place import place_trip

__all__ = ["Gazetteer", "place_trip"]
