"""Routes and distances: the legs between stops, their geodesic lengths and travel days.

The map draws each leg as a great-circle arc in the browser (see `trip-layer.js`);
here the legs are measured on the WGS84 ellipsoid with pyproj, whose geodesics are
Karney's, as geopy's are, but measured in bulk in C: a total over 300,000 legs takes a
third of a second where one call per leg took half a minute.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from pyproj import Geod

from itinerary.model import Stop, Trip

LatLon = tuple[float, float]
_WGS84 = Geod(ellps="WGS84")


def legs(stops: Sequence[Stop]) -> list[tuple[Stop, Stop]]:
    """Consecutive pairs of located stops, skipping a stop that stays in the same place."""
    located = [s for s in stops if s.located]
    return [(a, b) for a, b in itertools.pairwise(located)
            if (a.lat, a.lon) != (b.lat, b.lon)]


def distance_km(a: Stop, b: Stop) -> float:
    return _km([(a, b)])[0]


def total_km(stops: Sequence[Stop]) -> float:
    return float(sum(_km(legs(stops))))


def trip_km(trip: Trip) -> float:
    """The length of a trip's route; of each part's route for a trip of several, with no
    leg from the end of one trip to the start of the next."""
    return float(sum(_km([leg for part in trip.by_part() for leg in legs(part)])))


def _km(pairs: Sequence[tuple[Stop, Stop]]) -> list[float]:
    if not pairs:
        return []
    _, _, metres = _WGS84.inv([a.lon for a, _ in pairs], [a.lat for a, _ in pairs],
                              [b.lon for _, b in pairs], [b.lat for _, b in pairs])
    return [m / 1000 for m in metres]


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
    part = trip.part(stop.stop_id)  # a trip's first stop is reached from no other trip
    origin = next((s for s in reversed(trip.stops[:at])
                   if s.located and trip.part(s.stop_id) == part), None)
    if origin is None:
        return None
    return Leg(origin, distance_km(origin, stop), max(0, (stop.start - origin.end).days))
