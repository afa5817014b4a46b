"""Trips for the tests, read as the loader reads them."""

from __future__ import annotations

from itinerary.model import Stop
from itinerary.sources.stops import load_trip
from itinerary.sources.table import Source


def stops_of(source: Source, *, name: str | None = None) -> list[Stop]:
    """The stops of a stops file, validated, in trip order."""
    return list(load_trip(source, stops_name=name).stops)
