"""Trips back to files: stops and meetings as CSV in the input format, so they read back
in, each on its own or both in a zip.

Coordinates and how they were found (`precision`, `geocoder`) are written with the stops;
columns the input had beyond the known ones follow them. Cells are guarded against
spreadsheet formulas by `table`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from itinerary.model import Meeting, Stop, Trip
from itinerary.output import write_text
from itinerary.points import DECIMALS
from itinerary.sources.stops import MEETING_COLUMNS, NUMBER_COLUMNS, STOP_COLUMNS
from itinerary.sources.table import rows_to_csv

STOPS_FILE, MEETINGS_FILE = "stops.csv", "meetings.csv"  # their names inside a zip


def stops_to_csv(stops: Sequence[Stop]) -> str:
    extras = list(dict.fromkeys(k for s in stops for k in s.extra))
    return rows_to_csv([stop_row(stop) for stop in stops], [*STOP_COLUMNS, *extras],
                       numbers=NUMBER_COLUMNS)


def stop_row(stop: Stop) -> dict[str, str]:
    return {
        "stop_id": stop.stop_id, "place": stop.place, "country": stop.country,
        "start_date": stop.start.isoformat(),
        "end_date": "" if stop.end == stop.start else stop.end.isoformat(),
        "lat": _coordinate(stop.lat), "lon": _coordinate(stop.lon),
        "precision": stop.precision, "geocoder": stop.geocoder, "summary": stop.summary,
        **stop.extra,
    }


def meetings_to_csv(meetings: Sequence[Meeting]) -> str:
    extras = list(dict.fromkeys(k for m in meetings for k in m.extra))
    return rows_to_csv([meeting_row(m) for m in meetings], [*MEETING_COLUMNS, *extras])


def meeting_row(meeting: Meeting) -> dict[str, str]:
    return {"stop_id": meeting.stop_id,
            "date": meeting.date.isoformat() if meeting.date else "",
            "with": meeting.with_, "topics": ";".join(meeting.topics),
            "summary": meeting.summary, "quote": meeting.quote, "quote_by": meeting.quote_by,
            **meeting.extra}


def csv_zip(trip: Trip) -> bytes:
    """The trip's stops and meetings, each a CSV file, in one zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(STOPS_FILE, stops_to_csv(trip.stops))
        archive.writestr(MEETINGS_FILE, meetings_to_csv(trip.meetings))
    return out.getvalue()


def write_stops(stops: Sequence[Stop], path: Path) -> None:
    write_text(path, stops_to_csv(stops))


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
