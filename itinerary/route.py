"""The trip's route: its legs, their lengths and travel days, and their one geometry.

A leg joins two consecutive located stops that stand at different places: a stop that stays
where the one before it was is no leg. Its geometry is the great circle between them, the
shortest way on the globe, as points about a degree apart (`arcs`). Each leg's longitudes
run on from its start without a jump, so that a leg from Fiji to Samoa goes on past 180°
rather than back across the whole world. Every drawing of the route is made from these:

- the map (`map_lines`): each arc, and its copy a world to the side where it runs past
  ±180°, so that it reaches markers drawn on the main copy of the world at both ends;
- the static image, which shifts each arc to the world its view is centred on;
- GeoJSON (`pieces`): the route cut where it crosses the antimeridian, as RFC 7946
  (section 3.1.9) asks, by the `antimeridian` package;
- KML (`places`): the stops along the route, which Google Earth joins by great circles
  itself.

Lengths are geodesics on the WGS84 ellipsoid with pyproj (Karney's algorithm, as geopy's),
measured in bulk in C: a total over 300,000 legs takes a third of a second where one call
per leg took half a minute.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import antimeridian
from pyproj import Geod
from shapely.geometry import LineString, mapping

from itinerary.model import Stop, Trip

Point = tuple[float, float]  # latitude, longitude
_WGS84 = Geod(ellps="WGS84")
_KM_PER_DEGREE = 111.195  # of a great circle on a sphere of the Earth's mean radius
STEP_DEG = 1.0  # between the points of an arc


def legs(stops: Sequence[Stop]) -> list[tuple[Stop, Stop]]:
    """Consecutive pairs of located stops, skipping a stop that stays in the same place."""
    located = [s for s in stops if s.located]
    return [(a, b) for a, b in itertools.pairwise(located)
            if (a.lat, a.lon) != (b.lat, b.lon)]


def places(stops: Sequence[Stop]) -> list[Stop]:
    """The stops the route passes through, in order, each place once in a row."""
    pairs = legs(stops)
    return [pairs[0][0], *(b for _, b in pairs)] if pairs else []


def arcs(stops: Sequence[Stop], most: int | None = None) -> list[list[Point]]:
    """Each leg as points along its great circle, a degree apart (further apart when the
    whole route would otherwise take more than `most` points), its longitudes continuous
    from its start."""
    return _arcs(legs(stops), most)


def _arcs(pairs: list[tuple[Stop, Stop]], most: int | None) -> list[list[Point]]:
    if not pairs:
        return []
    kms = _km(pairs)
    step = STEP_DEG
    if most:
        step = max(step, sum(kms) / _KM_PER_DEGREE / max(1, most - 2 * len(pairs)))
    return [_arc(a, b, km, step) for (a, b), km in zip(pairs, kms, strict=True)]


def _arc(a: Stop, b: Stop, km: float, step: float) -> list[Point]:
    between = max(0, math.ceil(km / _KM_PER_DEGREE / step) - 1)
    lons_lats = _WGS84.npts(a.lon, a.lat, b.lon, b.lat, between) if between else []
    points = [(a.lon, a.lat), *lons_lats, (b.lon, b.lat)]
    lons = continuous([lon for lon, _ in points])
    return [(lat, lon) for lon, (_, lat) in zip(lons, points, strict=True)]


def continuous(lons: Sequence[float]) -> list[float]:
    """Longitudes made to run on without a jump: each one is taken within 180° of the one
    before it, so a line across the antimeridian goes on past ±180° instead of back across
    the world. The one rule for every line drawn on a flat map: routes and outlines."""
    found = [float(lons[0])] if lons else []
    for lon in lons[1:]:
        previous = found[-1]
        found.append(float(lon) if abs(lon - previous) <= 180
                     else previous + (lon - previous + 180) % 360 - 180)
    return found


def map_lines(stops: Sequence[Stop], most: int | None = None) -> list[tuple[list[Point], Stop]]:
    """The arcs as a map draws them, each with the stop it arrives at (playback draws the
    route as far as the day has reached): an arc that runs past ±180° is drawn again a
    world to the side, so that it reaches the markers at both of its ends."""
    lines = []
    pairs = legs(stops)
    for (_, arrival), arc in zip(pairs, _arcs(pairs, most), strict=True):
        lines.append((arc, arrival))
        end = arc[-1][1]
        if abs(end) > 180:
            shift = -360.0 if end > 180 else 360.0
            lines.append(([(lat, lon + shift) for lat, lon in arc], arrival))
    return lines


def pieces(stops: Sequence[Stop]) -> list[list[tuple[float, float]]]:
    """The route as lines of [longitude, latitude] that never cross ±180°: one line when it
    does not cross, more when it does."""
    points = [(_wrapped(lon), lat) for arc in arcs(stops) for lat, lon in arc]
    points = [p for p, q in itertools.zip_longest(points, points[1:]) if p != q]
    if len(points) < 2:
        return []
    shape = mapping(antimeridian.fix_line_string(LineString(points), great_circle=False))
    lines = [shape["coordinates"]] if shape["type"] == "LineString" else shape["coordinates"]
    return [[(float(lon), float(lat)) for lon, lat in line] for line in lines]


def _wrapped(lon: float) -> float:
    return (lon + 180) % 360 - 180 if abs(lon) > 180 else lon


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


def arrivals(trip: Trip) -> dict[str, Leg]:
    """How each located stop was reached from the located stop before it in its part (the
    first stop of a trip is reached from no other), by stop id: in one pass."""
    pairs: list[tuple[Stop, Stop]] = []
    last: dict[int, Stop] = {}
    for stop in trip.stops:
        if not stop.located:
            continue
        part = trip.part(stop.stop_id)
        if part in last:
            pairs.append((last[part], stop))
        last[part] = stop
    return {b.stop_id: Leg(a, km, max(0, (b.start - a.end).days))
            for (a, b), km in zip(pairs, _km(pairs), strict=True)}


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
