"""Natural Earth's country outlines read from the world-atlas TopoJSON in Python, for
drawing them without a browser (the static map image), and which of the two files a view
needs. The files' rings across the antimeridian are continuous already (scripts/outlines.py).

TopoJSON stores each shared border once, as a delta-encoded, quantized arc; a ring is a
list of arcs (a negative index, ~i, is arc i reversed). Decoding is a cumulative sum and a
scale per arc, once per file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

import numpy as np

from itinerary.render import assets

Ring = np.ndarray  # (n, 2): longitude, latitude
# A view that spans less than this many degrees is close enough for the fine outlines.
FINE_SPAN_DEG = 60.0


def fine_outlines(points: Sequence[tuple[float | None, float | None]]) -> bool:
    """Whether a view of these points (lat, lon) wants the fine outlines (50m)."""
    if not points:
        return False
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return max(max(lats) - min(lats), max(lons) - min(lons)) < FINE_SPAN_DEG  # type: ignore[operator]


@cache
def country_rings(fine: bool = False) -> tuple[Ring, ...]:
    """Every country's rings (outer and holes alike), as arrays of [lon, lat]."""
    topology = json.loads(assets.read("outlines_fine" if fine else "outlines_coarse"))
    arcs = _arcs(topology)
    rings: list[Ring] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = ([geometry["arcs"]] if kind == "Polygon"
                    else geometry["arcs"] if kind == "MultiPolygon" else [])
        rings += [_ring(arcs, ring) for polygon in polygons for ring in polygon]
    return tuple(rings)


def _arcs(topology: dict) -> list[np.ndarray]:
    transform = topology.get("transform")
    found = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float)
        if transform:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        found.append(points)
    return found


def _ring(arcs: list[np.ndarray], indexes: list[int]) -> Ring:
    parts = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        parts.append(arc if not parts else arc[1:])  # each arc starts where the last ended
    return np.concatenate(parts)
