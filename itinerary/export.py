"""Exports: stops back to CSV (with coordinates), safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from itinerary.model import Stop

COLUMNS = ("stop_id", "place", "country", "start_date", "end_date", "lat", "lon",
           "precision", "geocoder", "summary")
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """Prefix a formula-like cell with a quote so spreadsheets show it as text.

    Plain numbers (a longitude such as -74.08) are left alone. A cell that already starts
    with quotes before a formula character gets one more, so that reading the file back
    (which removes one) restores every cell exactly.
    """
    bare = cell.lstrip("'")
    if bare.startswith(FORMULA_START) and not (bare == cell and _is_number(cell)):
        return "'" + cell
    return cell


def rows_to_csv(rows: Sequence[dict[str, str]], columns: Sequence[str]) -> str:
    """Rows of text as CSV, formula-like cells neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralize(row.get(column, "")) for column in columns])
    return out.getvalue()


def stops_to_csv(stops: Sequence[Stop]) -> str:
    extras = list(dict.fromkeys(k for s in stops for k in s.extra))
    return rows_to_csv([_stop_row(stop) for stop in stops], [*COLUMNS, *extras])


def _stop_row(stop: Stop) -> dict[str, str]:
    return {
        "stop_id": stop.stop_id, "place": stop.place, "country": stop.country,
        "start_date": stop.start.isoformat(),
        "end_date": "" if stop.end == stop.start else stop.end.isoformat(),
        "lat": _coordinate(stop.lat), "lon": _coordinate(stop.lon),
        "precision": stop.precision, "geocoder": stop.geocoder, "summary": stop.summary,
        **stop.extra,
    }


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def write_stops(stops: Sequence[Stop], path: Path) -> None:
    path.write_text(stops_to_csv(stops), encoding="utf-8")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
