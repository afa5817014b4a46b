"""Trips back to files: stops as CSV in the input format, so they read back in.

Coordinates and how they were found (`precision`, `geocoder`) are written with the stops;
columns the input had beyond the known ones follow them. Cells are guarded against
spreadsheet formulas by `table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from itinerary.model import Stop
from itinerary.output import write_text
from itinerary.sources.stops import STOP_COLUMNS
from itinerary.sources.table import rows_to_csv


def stops_to_csv(stops: Sequence[Stop]) -> str:
    extras = list(dict.fromkeys(k for s in stops for k in s.extra))
    return rows_to_csv([stop_row(stop) for stop in stops], [*STOP_COLUMNS, *extras])


def stop_row(stop: Stop) -> dict[str, str]:
    return {
        "stop_id": stop.stop_id, "place": stop.place, "country": stop.country,
        "start_date": stop.start.isoformat(),
        "end_date": "" if stop.end == stop.start else stop.end.isoformat(),
        "lat": _coordinate(stop.lat), "lon": _coordinate(stop.lon),
        "precision": stop.precision, "geocoder": stop.geocoder, "summary": stop.summary,
        **stop.extra,
    }


def write_stops(stops: Sequence[Stop], path: Path) -> None:
    write_text(path, stops_to_csv(stops))


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")
