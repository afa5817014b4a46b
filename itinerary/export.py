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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """Prefix a formula-like cell with a quote so spreadsheets show it as text.

    Plain negative numbers (a longitude such as -74.08) are left alone.
    """
    if cell.startswith(_FORMULA_START) and not _is_number(cell):
        return "'" + cell
    return cell


def stops_to_csv(stops: Sequence[Stop]) -> str:
    extras = list(dict.fromkeys(k for s in stops for k in s.extra))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *extras])
    for stop in stops:
        row = [stop.stop_id, stop.place, stop.country, stop.start.isoformat(),
               "" if stop.end == stop.start else stop.end.isoformat(),
               "" if stop.lat is None else f"{stop.lat:.6f}".rstrip("0").rstrip("."),
               "" if stop.lon is None else f"{stop.lon:.6f}".rstrip("0").rstrip("."),
               stop.precision, stop.geocoder, stop.summary,
               *(stop.extra.get(k, "") for k in extras)]
        writer.writerow([neutralize(cell) for cell in row])
    return out.getvalue()


def write_stops(stops: Sequence[Stop], path: Path) -> None:
    path.write_text(stops_to_csv(stops), encoding="utf-8")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
