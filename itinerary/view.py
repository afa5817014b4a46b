"""The dashboard's view: which dates are shown and which stop is selected.

Kept apart from Streamlit so that the rules (the date filter, matching a map click to a
stop, reading and writing the URL's query parameters) are plain functions with tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from itinerary.model import Stop, Trip

# A click reports the marker's own position; this only absorbs float noise.
_CLICK_TOLERANCE_DEG = 1e-4


@dataclass(frozen=True)
class View:
    start: date
    end: date
    stop_id: str | None = None


def filter_stops(stops: Sequence[Stop], start: date, end: date) -> list[Stop]:
    """The stops whose dates overlap [start, end], in their original order."""
    return [s for s in stops if s.overlaps(start, end)]


def stop_at(stops: Sequence[Stop], lat: float, lng: float) -> Stop | None:
    """The located stop at a clicked marker's position, if any.

    Longitudes are compared modulo 360, since markers of a trip that crosses the
    antimeridian are drawn on a neighbouring copy of the world.
    """
    for stop in stops:
        if not stop.located:
            continue
        dlon = (lng - stop.lon + 180) % 360 - 180  # type: ignore[operator]
        if abs(lat - stop.lat) < _CLICK_TOLERANCE_DEG and abs(dlon) < _CLICK_TOLERANCE_DEG:  # type: ignore[operator]
            return stop
    return None


def view_from_query(params: Mapping[str, str], trip: Trip) -> tuple[View, list[str]]:
    """The view a link asks for, clamped to the trip, and a warning for each bad part."""
    warnings: list[str] = []
    first, last = trip.first_day, trip.last_day
    start = _query_date(params, "start", first, warnings)
    end = _query_date(params, "end", last, warnings)
    start, end = min(max(start, first), last), max(min(end, last), first)
    if end < start:
        warnings.append(f"The link's end date {end.isoformat()} is before its start date; "
                        "showing the whole trip.")
        start, end = first, last
    stop_id = params.get("stop") or None
    if stop_id is not None:
        stop = trip.stop(stop_id)
        if stop is None:
            warnings.append(f'The link names a stop "{stop_id}" that is not in this trip.')
            stop_id = None
        elif not stop.overlaps(start, end):
            warnings.append(f'The link\'s stop "{stop_id}" is outside its dates.')
            stop_id = None
    return View(start, end, stop_id), warnings


def view_to_query(view: View) -> dict[str, str]:
    query = {"start": view.start.isoformat(), "end": view.end.isoformat()}
    if view.stop_id:
        query["stop"] = view.stop_id
    return query


def _query_date(params: Mapping[str, str], name: str, default: date,
                warnings: list[str]) -> date:
    value = params.get(name)
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        warnings.append(f'The link\'s {name} date "{value[:40]}" is not an ISO date like '
                        "2022-10-05; ignoring it.")
        return default
