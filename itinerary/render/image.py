"""The static map: the trip on the country outlines as a PNG or SVG, drawn with matplotlib
on the server, for slides and the printed brief.

No browser and no network: the outlines are the package's Natural Earth files, the fonts
matplotlib's own. The projection is equirectangular, stretched by the cosine of the
middle latitude so that shapes look right, and centred on the trip, so that a trip across
the Pacific is drawn whole. It reads in black and white: light land, dark route, dark
numbered markers with white numbers.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import numpy as np
from matplotlib import rc_context
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure

from itinerary.config import IMAGE_NUMBERED_MAX, ROUTE_POINTS_MAX
from itinerary.dates import format_range
from itinerary.model import Stop, Trip
from itinerary.render import palette
from itinerary.render.topology import FINE_SPAN_DEG, country_rings
from itinerary.route import arcs

_MIN_SPAN_DEG = 12.0
_PAD = 0.12


def map_image(trip: Trip, fmt: str = "png", *, size: tuple[float, float] = (10.0, 6.0),
              dpi: int = 150, title: bool = True) -> bytes:
    """The trip's located stops and routes as an image file, `png` or `svg`."""
    located = [s for s in trip.stops if s.located]
    centre = _centre(located)
    figure = Figure(figsize=size, dpi=dpi, facecolor="white")
    share = 0.93 if title else 1.0  # of the figure's height, for the map
    axes = figure.add_axes((0, 0, 1, share))
    west, east, south, north = _bounds(located, centre, size[0] / (size[1] * share))
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    axes.set_facecolor(palette.PAPER_SEA)
    axes.set_xticks([])
    axes.set_yticks([])
    _outlines(axes, (west, east, south, north), fine=east - west < FINE_SPAN_DEG)
    for index, stops in enumerate(trip.by_part()):
        color = palette.part_color(index) if trip.parts else palette.ROUTE
        _route(axes, [s for s in stops if s.located], centre, color)
    _markers(axes, trip, located, centre)
    if title:
        figure.text(0.01, 0.985, trip.title or "Itinerary", va="top", fontsize=13,
                    fontweight="bold")
        if located:
            figure.text(0.99, 0.985, format_range(trip.first_day, trip.last_day), va="top",
                        ha="right", fontsize=11, color=palette.INK)
    out = io.BytesIO()
    # A fixed salt for the SVG's ids: the same trip gives the same file.
    with rc_context({"svg.hashsalt": "itinerary"}):
        figure.savefig(out, format=fmt, dpi=dpi, metadata=_metadata(fmt))
    return out.getvalue()


def _metadata(fmt: str) -> dict:
    # Without a date the same trip gives the same file.
    return {"Date": None} if fmt == "svg" else {}


def _centre(stops: Sequence[Stop]) -> float:
    """The longitude the view is centred on: the middle of the shortest arc holding every
    stop, so that a trip from Tokyo to Honolulu is not drawn across the whole world."""
    lons = sorted({round(s.lon % 360, 4) for s in stops})  # type: ignore[operator]
    if not lons:
        return 0.0
    gaps = [(lons[(i + 1) % len(lons)] - lons[i]) % 360 or 360 for i in range(len(lons))]
    widest = max(range(len(gaps)), key=gaps.__getitem__)
    start = lons[(widest + 1) % len(lons)]
    span = 360 - gaps[widest] if len(lons) > 1 else 0
    middle = (start + span / 2) % 360
    return middle - 360 if middle > 180 else middle


def _near(lon: float, centre: float) -> float:
    return centre + (lon - centre + 180) % 360 - 180


def _bounds(stops: Sequence[Stop], centre: float, ratio: float
            ) -> tuple[float, float, float, float]:
    """West, east, south and north of a view of the stops with a margin, of the shape
    `ratio` (width over height) once stretched."""
    if not stops:
        return -180.0, 180.0, -60.0, 80.0
    lons = [_near(s.lon, centre) for s in stops]  # type: ignore[arg-type]
    lats = [s.lat for s in stops]
    west, east = min(lons), max(lons)
    south, north = min(lats), max(lats)  # type: ignore[type-var]
    width = max(east - west, _MIN_SPAN_DEG) * (1 + 2 * _PAD)
    height = max(north - south, _MIN_SPAN_DEG / 2) * (1 + 2 * _PAD)  # type: ignore[operator]
    middle_lat = (south + north) / 2  # type: ignore[operator]
    # Widen one side so the box has the figure's shape on the stretched projection.
    stretch = 1 / math.cos(math.radians(max(-70.0, min(70.0, middle_lat))))
    if width / (height * stretch) < ratio:
        width = height * stretch * ratio
    else:
        height = width / (stretch * ratio)
    middle_lon = (west + east) / 2
    south, north = middle_lat - height / 2, middle_lat + height / 2
    # Past the poles the view slides, keeping its shape, rather than shrinking.
    shift = max(0.0, -85.0 - south) - max(0.0, north - 85.0)
    return middle_lon - width / 2, middle_lon + width / 2, south + shift, north + shift


def _outlines(axes: object, view: tuple[float, float, float, float], *, fine: bool) -> None:
    """The countries' outlines that reach into the view (west, east, south, north): only
    those, so that an SVG of a small trip does not carry the whole world."""
    west, east, south, north = view
    rings = country_rings(fine)
    # Rings unwrapped past ±180 (Fiji) and views across it need the copies either side.
    shifts = [shift for shift in (-360, 0, 360) if west < 200 + shift and east > -200 + shift]
    # Each ring's bounds once, for every copy of the world it may be drawn in.
    inside = [(ring, low[0], high[0]) for ring in rings
              for low, high in [(ring.min(axis=0), ring.max(axis=0))]
              if low[1] < north and high[1] > south]
    polygons = [ring + np.array((shift, 0.0)) for shift in shifts
                for ring, west_of, east_of in inside
                if west_of + shift < east and east_of + shift > west]
    axes.add_collection(PolyCollection(polygons, facecolors=palette.LAND,  # type: ignore[attr-defined]
                                       edgecolors=palette.BORDER,
                                       linewidths=0.4, zorder=1))


def _route(axes: object, stops: Sequence[Stop], centre: float, color: str) -> None:
    """The route's arcs (see `route`), each moved to the world the view is centred on; as
    coarse as the map's past `ROUTE_POINTS_MAX` points (a trip of a few hundred legs is
    drawn a degree at a time)."""
    lines = []
    for arc in arcs(stops, ROUTE_POINTS_MAX):
        shift = _near(arc[0][1], centre) - arc[0][1]
        lines.append([(lon + shift, lat) for lat, lon in arc])
    if lines:
        axes.add_collection(LineCollection(lines, colors=color, linewidths=2,  # type: ignore[attr-defined]
                                           alpha=0.9, zorder=2))


def _markers(axes: object, trip: Trip, stops: Sequence[Stop], centre: float) -> None:
    """A marker per place, numbered with its stops' numbers ("1, 4" for a place visited
    twice) while there are few; small dots past `IMAGE_NUMBERED_MAX`."""
    places: dict[tuple[float, float], list[Stop]] = {}
    for stop in stops:
        places.setdefault((stop.lat, stop.lon), []).append(stop)  # type: ignore[arg-type]
    if len(places) > IMAGE_NUMBERED_MAX:
        # One call for every dot: a call each would take minutes at tens of thousands.
        xs = [_near(lon, centre) for _, lon in places]
        ys = [lat for lat, _ in places]
        colors = [_color(trip, here[0]) for here in places.values()]
        axes.scatter(xs, ys, s=10, c=colors, linewidths=0, zorder=3)  # type: ignore[attr-defined]
        return
    for (lat, lon), here in places.items():
        x = _near(lon, centre)
        color = _color(trip, here[0])
        label = ", ".join(str(trip.number(s.stop_id)) for s in here[:3])
        label += "…" if len(here) > 3 else ""
        axes.annotate(label, (x, lat), ha="center", va="center", fontsize=8,  # type: ignore[attr-defined]
                      fontweight="bold", color="white", zorder=4,
                      bbox={"boxstyle": "circle,pad=0.3" if len(label) <= 2
                            else "round,pad=0.3", "facecolor": color, "edgecolor": "white",
                            "linewidth": 1.2})


def _color(trip: Trip, stop: Stop) -> str:
    return palette.part_color(trip.part(stop.stop_id)) if trip.parts else palette.STOP
