"""Reading a rendered map page back: the data its trip layer is drawn from."""

from __future__ import annotations

import json
import re

_DRAW_TRIP = re.compile(r"itinerary\.drawTrip\(\w+, (\{.*?\})\);\n")


def trip_data(page: str) -> dict:
    """The data a page passes to `itinerary.drawTrip` (see trip-layer.js)."""
    return json.loads(_DRAW_TRIP.search(page).group(1))


def marker_titles(data: dict) -> list[str]:
    """Each stop's marker by its tooltip's first line, as trip-layer.js writes it:
    "1. Bogotá, Colombia"."""
    return [data["text"][title] for title in data["stops"]["title"]]


def points(data: dict) -> list[list[float]]:
    """Each drawn stop's [lat, lon], in order."""
    return [[lat, lon] for lat, lon in zip(data["stops"]["lat"], data["stops"]["lon"],
                                           strict=True)]
