"""What counts as a number and a place on the map.

A place is a finite latitude and longitude, each in range, and not (0, 0) at the precision
files write (`DECIMALS`), which broken services, spreadsheets and caches put where they
have nothing. Whatever comes from outside
the gazetteer (a file's cells, an online answer, a cache row) is checked here before a stop
is placed by it.

Numbers are written plainly: Python's `float` also takes `1_2.04`, `nan` and `infinity`,
which no itinerary means.
"""

from __future__ import annotations

import math
import re

from itinerary.text import shorten

# Coordinates are written with this many decimals (about 0.1 m), in every file the package
# makes; a point that rounds to 0, 0 there is 0, 0.
DECIMALS = 6
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def decimal(text: str) -> float:
    """The number `text` writes, such as -12.04 or 1e3; ValueError for anything else."""
    text = text.strip()
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"not a plain number: {text!r}")
    return float(text)


def point_problem(lat: object, lon: object) -> str | None:
    """Why (lat, lon) is not a place, or None when it is one."""
    try:
        lat_f, lon_f = _number(lat), _number(lon)
    except (TypeError, ValueError):
        return f"{shorten(repr(lat), 40)}, {shorten(repr(lon), 40)} are not numbers"
    if not (math.isfinite(lat_f) and math.isfinite(lon_f)):
        return f"{lat_f}, {lon_f} are not finite"
    if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        return f"{lat_f:g}, {lon_f:g} lie outside -90..90, -180..180"
    if is_zero(lat_f, lon_f):
        return "0, 0 is where nothing is placed"
    return None


def is_zero(lat: float, lon: float) -> bool:
    """Whether the point is 0, 0 as files write it: 1e-9, 1e-9 is written as 0, 0."""
    return round(lat, DECIMALS) == 0 and round(lon, DECIMALS) == 0


def _number(value: object) -> float:
    if isinstance(value, bool):
        raise TypeError("a truth value is not a coordinate")
    if isinstance(value, str):
        return decimal(value)
    return float(value)  # type: ignore[arg-type]
