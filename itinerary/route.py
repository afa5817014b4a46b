"""Routes and distances: the legs between stops and their geodesic lengths.

The map draws each leg as a great-circle arc in the browser (see `layers.TripLayer`);
here the legs are measured on the WGS84 ellipsoid with geopy. Distances are memoised,
since a trip of thousands of stops is measured again on every rerun of the app.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache

from geopy.distance import geodesic

from itinerary.model import Stop

LatLon = tuple[float, float]


def legs(stops: Sequence[Stop]) -> list[tuple[Stop, Stop]]:
    """Consecutive pairs of located stops, skipping a stop that stays in the same place."""
    located = [s for s in stops if s.located]
    return [(a, b) for a, b in itertools.pairwise(located)
            if (a.lat, a.lon) != (b.lat, b.lon)]


def distance_km(a: Stop, b: Stop) -> float:
    return _km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(geodesic((lat1, lon1), (lat2, lon2)).km)


def total_km(stops: Sequence[Stop]) -> float:
    return sum(distance_km(a, b) for a, b in legs(stops))
