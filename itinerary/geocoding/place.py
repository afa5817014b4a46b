"""Placing a whole trip on the map: the one call the app and the command line both make.

It opens the answer cache, adds the online geocoder when asked, fills in the stops'
coordinates with `resolve.locate`, and returns the placed trip with what the user should be
told about it, one message a line. A stop that could not be placed comes back without
coordinates (`Stop.located` is false), never dropped.
"""

from __future__ import annotations

from dataclasses import replace

from itinerary.geocoding import online as online_geocoder
from itinerary.geocoding.cache import GeocodeCache
from itinerary.geocoding.gazetteer import Gazetteer
from itinerary.geocoding.resolve import Progress, locate
from itinerary.model import Trip


def place_trip(trip: Trip, *, online: bool = False, progress: Progress | None = None,
               gazetteer: Gazetteer | None = None) -> tuple[Trip, list[str]]:
    """The trip with every stop that can be placed given coordinates, and the messages.

    `progress(done, total)` is called after each distinct place is looked up.
    """
    with GeocodeCache() as cache:
        result = locate(trip.stops, cache=cache, gazetteer=gazetteer, progress=progress,
                        online=online_geocoder.configured() if online else None)
    return replace(trip, stops=tuple(result.stops)), result.messages()
