"""Natural Earth's country outlines read from the world-atlas TopoJSON in Python, for
drawing them without a browser (the static map image).

TopoJSON stores each shared border once, as a delta-encoded, quantized arc; a ring is a
list of arcs (a negative index, ~i, is arc i reversed). Decoding is a cumulative sum and a
scale per arc, once per file.
"""

from __future__ import annotations

import json
from functools import cache

import numpy as np

from itinerary.render import assets

Ring = np.ndarray  # (n, 2): longitude, latitude


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
        rings += [_unwrapped(_ring(arcs, ring)) for polygon in polygons for ring in polygon]
    return tuple(rings)


def _unwrapped(ring: Ring) -> Ring:
    """A ring that crosses the antimeridian (Fiji, Chukotka) made continuous, so that it is
    not drawn as a band across the world; one around a pole (Antarctica) stays as it is."""
    steps = np.diff(ring[:, 0])
    if not (np.abs(steps) > 180).any():
        return ring
    lons = np.concatenate([[ring[0, 0]], ring[0, 0] + np.cumsum(steps - 360 * np.round(
        steps / 360))])
    if lons.max() - lons.min() >= 360:
        return ring
    return np.column_stack([lons, ring[:, 1]])


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
