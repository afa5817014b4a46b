"""Makes the vendored country outlines (world-atlas TopoJSON) ready to draw on a flat map:
each ring that crosses the antimeridian (Fiji, Chukotka) gets its longitudes made
continuous by the route's own rule (`itinerary.route.continuous`), so that neither the
browser nor the static image has to mend them, and neither draws a band across the world.
A ring around a pole (Antarctica) spans the whole world either way and is left as it is.

The ring's arcs are replaced by one new arc of its own (a neighbour may share the old
ones); everything else in the file stays as world-atlas made it. Run after vendor.sh:
python scripts/outlines.py
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itinerary.route import continuous  # noqa: E402

VENDOR = ROOT / "itinerary" / "render" / "static" / "vendor"
FILES = ("countries-110m.json", "countries-50m.json")


def decoded(topology: dict) -> list[list[list[float]]]:
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([x * scale[0] + translate[0], y * scale[1] + translate[1]])
        arcs.append(points)
    return arcs


def ring_points(arcs: list, ring: list[int]) -> list[list[float]]:
    points: list[list[float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]  # each arc starts where the last ended
    return points


def encoded(points: list[list[float]], topology: dict) -> list[list[int]]:
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    found, x0, y0 = [], 0, 0
    for lon, lat in points:
        x, y = round((lon - translate[0]) / scale[0]), round((lat - translate[1]) / scale[1])
        found.append([x - x0, y - y0])
        x0, y0 = x, y
    return found


def mend(topology: dict) -> int:
    arcs = decoded(topology)
    mended = 0
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = ([geometry.get("arcs", [])] if geometry.get("type") == "Polygon"
                    else geometry.get("arcs", []) if geometry.get("type") == "MultiPolygon"
                    else [])
        for polygon in polygons:
            for at, ring in enumerate(polygon):
                points = ring_points(arcs, ring)
                if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(points)):
                    continue  # no jump: drawn as it is
                lons = continuous([p[0] for p in points])
                if max(lons) - min(lons) >= 360:
                    continue  # around a pole
                topology["arcs"].append(encoded([[lon, p[1]] for lon, p in
                                                 zip(lons, points, strict=True)], topology))
                polygon[at] = [len(topology["arcs"]) - 1]
                mended += 1
    return mended


def main() -> None:
    for name in FILES:
        path = VENDOR / name
        topology = json.loads(path.read_text(encoding="utf-8"))
        count = mend(topology)
        path.write_text(json.dumps(topology, separators=(",", ":")), encoding="utf-8")
        print(f"{name}: {count} rings made continuous across the antimeridian")


if __name__ == "__main__":
    main()
