"""Routes and distances: the legs between stops, their geodesic lengths and travel days.

The map draws each leg as a great-circle arc in the browser (see `trip-layer.js`);
here the legs are measured on the WGS84 ellipsoid with geopy. Distances are memoised,
since a trip of thousands of stops is measured again on every rerun of the app.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from geopy.distance import geodesic

from itinerary.model import Stop, Trip

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


@dataclass(frozen=True)
class Leg:
    """How a stop was reached: from which stop, how far, and how many days after leaving."""

    origin: Stop
    km: float
    days: int


def leg_to(trip: Trip, stop: Stop) -> Leg | None:
    """The leg that arrives at a stop from the located stop before it in the trip, if any."""
    if not stop.located:
        return None
    at = next(i for i, s in enumerate(trip.stops) if s.stop_id == stop.stop_id)
    origin = next((s for s in reversed(trip.stops[:at]) if s.located), None)
    if origin is None:
        return None
    return Leg(origin, distance_km(origin, stop), max(0, (stop.start - origin.end).days))
