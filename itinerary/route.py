"""Routes and distances: the legs between stops as great-circle arcs.

A straight line on a Web Mercator map is not the path a plane flies; each leg is sampled
along the WGS84 geodesic (geographiclib, which geopy uses) so the map draws the real arc.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from itinerary.model import Stop

LatLon = tuple[float, float]
STEP_KM = 100.0


def legs(stops: Sequence[Stop]) -> list[tuple[Stop, Stop]]:
    """Consecutive pairs of located stops, skipping a stop that stays in the same place."""
    located = [s for s in stops if s.located]
    return [(a, b) for a, b in itertools.pairwise(located)
            if (a.lat, a.lon) != (b.lat, b.lon)]


def distance_km(a: Stop, b: Stop) -> float:
    return float(geodesic((a.lat, a.lon), (b.lat, b.lon)).km)


def total_km(stops: Sequence[Stop]) -> float:
    return sum(distance_km(a, b) for a, b in legs(stops))


def arc(start: LatLon, end: LatLon, step_km: float = STEP_KM) -> list[LatLon]:
    """Points along the geodesic from start to end, about every `step_km`.

    Longitudes are unwrapped (they may pass ±180) so a leg across the Pacific is drawn as
    one short arc, not a line back across the whole map.
    """
    line = Geodesic.WGS84.InverseLine(start[0], start[1], end[0], end[1])
    steps = max(1, int(line.s13 / 1000 / step_km))
    points: list[LatLon] = []
    for i in range(steps + 1):
        pos = line.Position(line.s13 * i / steps,
                            Geodesic.STANDARD | Geodesic.LONG_UNROLL)
        points.append((round(pos["lat2"], 5), round(pos["lon2"], 5)))
    return points


def route_path(stops: Sequence[Stop], step_km: float = STEP_KM) -> list[LatLon]:
    """The whole route as one continuous line of points, in trip order."""
    path: list[LatLon] = []
    for a, b in legs(stops):
        points = arc((a.lat, a.lon), (b.lat, b.lon), step_km)  # type: ignore[arg-type]
        if path:
            # Keep longitudes continuous with the previous leg.
            shift = round((path[-1][1] - points[0][1]) / 360) * 360
            points = [(lat, lon + shift) for lat, lon in points]
            points = points[1:]
        path.extend(points)
    return path
