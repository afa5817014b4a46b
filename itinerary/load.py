"""Loading and validating itinerary CSV files.

`load_trip` reads a stops file and an optional meetings file and returns a `Trip`, or raises
`DataError` holding every problem found, each naming the file, row and column. Nothing is
dropped: a row that cannot be used is a problem, never silently skipped.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from itinerary.errors import DataError, Problem
from itinerary.export import FORMULA_START
from itinerary.model import Meeting, Stop, Trip

STOP_REQUIRED = ("place", "country", "start_date")
STOP_KNOWN = ("stop_id", "place", "country", "start_date", "end_date", "lat", "lon",
              "summary", "precision", "geocoder")
MEETING_REQUIRED = ("stop_id", "with")
MEETING_KNOWN = ("stop_id", "date", "with", "topics", "summary", "quote", "quote_by")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Travel outside these years is a typo (0202 for 2022), not a trip.
EARLIEST, LATEST = date(1800, 1, 1), date(2100, 12, 31)
NOT_ISO = "expected an ISO date like 2022-10-05"
OUT_OF_RANGE = f"expected a date between {EARLIEST.isoformat()} and {LATEST.isoformat()}"
NAME_MAX = 200  # characters in a stop id, place or country
_FIELD_MAX = csv.field_size_limit()
_OTHER_DELIMITERS = {";": "semicolon", "\t": "tab", "|": "vertical bar"}

Source = str | Path | bytes


@dataclass
class Table:
    """A CSV file as its header and records, each record with its spreadsheet row number."""

    name: str
    header: list[str]
    records: list[tuple[int, dict[str, str]]]


def load_trip(
    stops: Source,
    meetings: Source | None = None,
    *,
    stops_name: str | None = None,
    meetings_name: str | None = None,
    title: str = "",
) -> Trip:
    """Read and validate a stops file and an optional meetings file."""
    stop_list = read_stops(stops, name=stops_name)
    meeting_list: list[Meeting] = []
    if meetings is not None:
        meeting_list = read_meetings(meetings, stop_list, name=meetings_name)
    return Trip(tuple(stop_list), tuple(meeting_list), title=title)


def read_stops(source: Source, *, name: str | None = None) -> list[Stop]:
    """Parse and validate stops, returned in trip order (by start date, then file order)."""
    table = read_table(source, name, required=STOP_REQUIRED)
    problems: list[Problem] = []
    stops: list[Stop] = []
    seen: dict[str, int] = {}
    has_ids = "stop_id" in table.header
    for row, record in table.records:
        check = _RowCheck(table.name, row, problems)
        stop_id = check.name("stop_id", record["stop_id"]) if has_ids else f"s{row - 1}"
        if has_ids and not stop_id:
            check.fail("stop_id", "expected a stop id, found an empty cell")
        elif stop_id in seen:
            check.fail("stop_id",
                       f'duplicate stop_id "{stop_id}" (first used in row {seen[stop_id]})')
        else:
            seen[stop_id] = row
        stop = _parse_stop(record, stop_id, row, table.header, check)
        if stop is not None:
            stops.append(stop)
    if problems:
        raise DataError(problems)
    return sorted(stops, key=lambda s: (s.start, s.row or 0))


def read_meetings(source: Source, stops: list[Stop], *, name: str | None = None) -> list[Meeting]:
    """Parse and validate meetings against the stops they must refer to."""
    table = read_table(source, name, required=MEETING_REQUIRED)
    by_id = {s.stop_id: s for s in stops}
    problems: list[Problem] = []
    meetings: list[Meeting] = []
    for row, record in table.records:
        check = _RowCheck(table.name, row, problems)
        stop = by_id.get(record["stop_id"].strip())
        if stop is None:
            check.fail("stop_id", f'unknown stop "{record["stop_id"].strip()}"; '
                       f"expected one of the stop ids in the stops file")
        when = check.date("date", record.get("date", ""), required=False)
        if stop is not None and when is not None and not stop.overlaps(when, when):
            check.fail("date", f"{when.isoformat()} is outside stop {stop.stop_id}'s dates "
                       f"{stop.start.isoformat()} to {stop.end.isoformat()}")
        with_ = record["with"].strip()
        if not with_:
            check.fail("with", "expected who was met, found an empty cell")
        if stop is None or check.failed:
            continue
        meetings.append(Meeting(
            stop_id=stop.stop_id,
            date=when,
            with_=with_,
            topics=_split_topics(record.get("topics", "")),
            summary=record.get("summary", "").strip(),
            quote=record.get("quote", "").strip(),
            quote_by=record.get("quote_by", "").strip(),
        ))
    if problems:
        raise DataError(problems)
    return meetings


def read_table(source: Source, name: str | None, *, required: tuple[str, ...]) -> Table:
    """Decode and parse a CSV file, checking its shape but not its values."""
    name = name or (str(source) if isinstance(source, (str, Path)) else "upload.csv")
    text = _decode(source, name)
    rows = _parse_csv(text, name)
    header = [h.strip() for h in rows[0]]
    _check_header(header, name, required)
    problems: list[Problem] = []
    records: list[tuple[int, dict[str, str]]] = []
    for index, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue  # blank lines carry no data; spreadsheets often end with some
        if len(cells) != len(header):
            problems.append(Problem(name, f"expected {len(header)} fields as in the header, "
                                    f"found {len(cells)}", row=index))
            continue
        records.append((index, dict(zip(header, map(_unneutralize, cells), strict=True))))
    if problems:
        raise DataError(problems)
    if not records:
        raise DataError([Problem(name, "has a header but no rows; expected at least one row")])
    return Table(name, header, records)


def read_file(path: Path, name: str | None = None) -> bytes:
    """A file's bytes, or a DataError naming it: the one place input files are opened."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(name or str(path),
                                 f"cannot be read: {exc.strerror or exc}")]) from exc


def _decode(source: Source, name: str) -> str:
    data = read_file(Path(source), name) if isinstance(source, (str, Path)) else source
    if not data.strip():
        raise DataError([Problem(name, "is empty; expected a CSV file with a header row")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError([Problem(name, "is UTF-16 text; save it as UTF-8 CSV")])
    if b"\x00" in data:
        raise DataError([Problem(name, "is not a CSV text file (it contains NUL bytes, as "
                                 "binary or UTF-16 files do); expected UTF-8 CSV")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(name, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at "
                                 f"offset {exc.start}); save it as UTF-8 CSV")]) from exc


def _parse_csv(text: str, name: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        for cells in reader:
            rows.append(cells)
    except csv.Error as exc:
        why = str(exc)
        if "end of data" in why:
            why = "a quoted field is never closed"
        elif "field larger than field limit" in why:
            why = f"a field is longer than {_FIELD_MAX:,} characters"
        raise DataError([Problem(name, f"is not valid CSV: {why}", row=len(rows) + 1)]) from exc
    if not rows:
        raise DataError([Problem(name, "is empty; expected a CSV file with a header row")])
    return rows


def _check_header(header: list[str], name: str, required: tuple[str, ...]) -> None:
    if len(header) == 1:
        for delimiter, word in _OTHER_DELIMITERS.items():
            if delimiter in header[0]:
                raise DataError([Problem(name, f"uses the {word} as its delimiter; expected "
                                         "comma-separated values", row=1)])
    blanks = [i + 1 for i, h in enumerate(header) if not h]
    if blanks:
        raise DataError([Problem(name, f"header cell {blanks[0]} is empty; every column needs "
                                 "a name", row=1)])
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise DataError([Problem(name, f"column {dupes[0]} appears more than once", row=1)])
    missing = [c for c in required if c not in header]
    if missing:
        listed = ", ".join(missing)
        raise DataError([Problem(name, f"missing required column{'s' if len(missing) > 1 else ''}"
                                 f" {listed}; found {', '.join(header)}", row=1)])


class _RowCheck:
    """Collects the problems of one row, so every cell is checked, not just the first."""

    def __init__(self, file: str, row: int, problems: list[Problem]) -> None:
        self.file, self.row, self.problems = file, row, problems
        self.failed = False

    def fail(self, column: str, message: str) -> None:
        self.failed = True
        self.problems.append(Problem(self.file, message, row=self.row, column=column))

    def date(self, column: str, value: str, *, required: bool) -> date | None:
        value = value.strip()
        if not value:
            if required:
                self.fail(column, "expected a date like 2022-10-05, found an empty cell")
            return None
        try:
            return iso_date(value)
        except ValueError as exc:
            found = value if str(exc) == OUT_OF_RANGE else f'"{_short(value)}"'
            self.fail(column, f"{exc}, found {found}")
            return None

    def name(self, column: str, value: str) -> str:
        """A short plain-text name: a stop id, place or country."""
        value = value.strip()
        if len(value) > NAME_MAX:
            self.fail(column, f"expected at most {NAME_MAX} characters, found {len(value):,}")
        elif value.startswith("="):
            self.fail(column, f'"{_short(value)}" looks like a spreadsheet formula; expected '
                      "plain text")
        return value

    def number(self, column: str, value: str, low: float, high: float) -> float | None:
        value = value.strip()
        try:
            number = float(value)
        except ValueError:
            self.fail(column, f'expected a number, found "{_short(value)}"')
            return None
        if not math.isfinite(number) or not low <= number <= high:
            self.fail(column, f"expected a number from {low:g} to {high:g}, found {_short(value)}")
            return None
        return number


def _parse_stop(record: dict[str, str], stop_id: str, row: int, header: list[str],
                check: _RowCheck) -> Stop | None:
    place, country = check.name("place", record["place"]), check.name("country",
                                                                        record["country"])
    if not place and not country:
        check.fail("place", "expected a place or a country, found both empty")
    start = check.date("start_date", record["start_date"], required=True)
    end = check.date("end_date", record.get("end_date", ""), required=False)
    if start is not None and end is not None and end < start:
        check.fail("end_date", f"{end.isoformat()} is before start_date {start.isoformat()}")
    lat, lon = _coordinates(record, check)
    if check.failed or start is None:
        return None
    extra = {h: record[h] for h in header if h not in STOP_KNOWN}
    return Stop(
        stop_id=stop_id, place=place, country=country, start=start, end=end or start,
        summary=record.get("summary", "").strip(), lat=lat, lon=lon,
        # A file written by `itinerary geocode` says how its coordinates were found.
        precision=(record.get("precision", "").strip() or "given") if lat is not None else "",
        geocoder=(record.get("geocoder", "").strip() or "file") if lat is not None else "",
        extra=extra, row=row,
    )


def _coordinates(record: dict[str, str], check: _RowCheck) -> tuple[float | None, float | None]:
    raw_lat, raw_lon = record.get("lat", "").strip(), record.get("lon", "").strip()
    if not raw_lat and not raw_lon:
        return None, None
    if not raw_lat or not raw_lon:
        given, missing = ("lat", "lon") if raw_lat else ("lon", "lat")
        check.fail(missing, f"expected both lat and lon, found only {given}")
        return None, None
    lat = check.number("lat", raw_lat, -90, 90)
    lon = check.number("lon", raw_lon, -180, 180)
    return lat, lon


def iso_date(value: str) -> date:
    """A YYYY-MM-DD date within EARLIEST..LATEST; ValueError(NOT_ISO or OUT_OF_RANGE)."""
    if _ISO_DATE.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if EARLIEST <= day <= LATEST:
                return day
            raise ValueError(OUT_OF_RANGE)
    raise ValueError(NOT_ISO)


def _unneutralize(cell: str) -> str:
    """Undo export's guard: "'=x" was written for "=x" so spreadsheets would not run it."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_START):
        return cell[1:]
    return cell


def _split_topics(value: str) -> tuple[str, ...]:
    topics = (t.strip().lower() for t in value.split(";"))
    return tuple(dict.fromkeys(t for t in topics if t))


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
