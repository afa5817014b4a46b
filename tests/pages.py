"""Reading a rendered map page back: the data its trip layer is drawn from."""

from __future__ import annotations

import json
import re

_DRAW_TRIP = re.compile(r"itinerary\.drawTrip\(\w+, (\{.*?\})\);\n")


def trip_data(page: str) -> dict:
    """The data a page passes to `itinerary.drawTrip` (see trip-layer.js)."""
    return json.loads(_DRAW_TRIP.search(page).group(1))


def marker_titles(data: dict) -> list[str]:
    """Each marker's first tooltip line, as trip-layer.js writes it: "1. Bogotá, Colombia",
    or the place alone for a place visited more than once."""
    titles = []
    for _, _, visits in data["places"]:
        number, label = data["stops"][visits[0]][:2]
        text = data["text"][label]
        titles.append(f"{number}. {text}" if len(visits) == 1 else text)
    return titles
