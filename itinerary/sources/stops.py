"""Itinerary CSV files to a validated Trip: the stops file and the optional meetings file.

`load_trip` returns a `Trip`, or raises `DataError` holding every problem found, each naming
the file, row and column. Nothing is dropped: a row that cannot be used is a problem, never
silently skipped. The files' shape is checked by `table`; here their values are.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Collection, Iterable, Sequence
from datetime import date

from itinerary.dates import iso_date
from itinerary.errors import DataError, DateError, Problem
from itinerary.model import TRAVELLER, Meeting, Stop, Trip
from itinerary.points import decimal
from itinerary.sources.table import Row, Source, Table, is_formula, read_table
from itinerary.text import shorten

# The formats' columns, in the order files are written. Other columns of a stops file are
# kept with the stop (`Stop.extra`) and written back after these.
STOP_COLUMNS = ("stop_id", "place", "country", "start_date", "end_date", "lat", "lon",
                "precision", "geocoder", "summary")
STOP_REQUIRED = ("place", "country", "start_date")
MEETING_COLUMNS = ("stop_id", "date", "with", "topics", "summary", "quote", "quote_by")
MEETING_REQUIRED = ("stop_id", "with")
NUMBER_COLUMNS = ("lat", "lon")  # the stops file's numbers; every other cell is text

NAME_MAX = 200  # characters in a stop id, place or country
UNNAMED = "No traveller named"  # the part of the stops that name none, beside others that do


def load_trip(
    stops: Source,
    meetings: Source | None = None,
    *,
    stops_name: str | None = None,
    meetings_name: str | None = None,
    title: str = "",
) -> Trip:
    """Read and validate a stops file and an optional meetings file.

    The problems of both files are reported together, so that fixing one does not reveal
    the other's only then.
    """
    # Both files are read first, then their values checked; the problems are listed file
    # by file, the stops' first.
    of_stops: list[Problem] = []
    of_meetings: list[Problem] = []
    stop_table = _read(stops, stops_name, STOP_REQUIRED, NUMBER_COLUMNS, of_stops)
    meeting_table = (_read(meetings, meetings_name, MEETING_REQUIRED, (), of_meetings)
                     if meetings is not None else None)
    stop_list: list[Stop] = []
    named: set[str] = set()  # every id the stops file names, its rows good or not
    if stop_table is not None:
        stop_list, named = _checked_stops(stop_table, of_stops)
    meeting_list: list[Meeting] = []
    if meeting_table is not None:
        meeting_list = _checked_meetings(meeting_table, stop_list, named, of_meetings,
                                         check_ids=bool(named))
    if of_stops or of_meetings:
        raise DataError([*of_stops, *of_meetings])
    parts, part_of = by_traveller(stop_list)
    return Trip(tuple(stop_list), tuple(meeting_list), title=title, parts=parts,
                part_of=part_of)


def by_traveller(stops: Sequence[Stop]) -> tuple[tuple[str, ...], dict[str, int] | None]:
    """The trip's parts when its `traveler` column names two travellers or more: each
    traveller's stops are a trip of their own, drawn as a route of its own."""
    names = list(dict.fromkeys(s.extra.get(TRAVELLER, "").strip() for s in stops))
    if len([n for n in names if n]) < 2:
        return (), None
    index = {name: i for i, name in enumerate(names)}
    return (tuple(n or UNNAMED for n in names),
            {s.stop_id: index[s.extra.get(TRAVELLER, "").strip()] for s in stops})


def _read(source: Source, name: str | None, required: tuple[str, ...],
          numbers: tuple[str, ...], problems: list[Problem]) -> Table | None:
    """The file as a table, or None with its problems added when its shape is unusable."""
    try:
        return read_table(source, name, required=required, numbers=numbers)
    except DataError as exc:
        problems += exc.problems
        return None


def _checked_stops(table: Table, problems: list[Problem]) -> tuple[list[Stop], set[str]]:
    """The file's good stops in trip order, and every id it names; problems are added to
    `problems`."""
    stops: list[Stop] = []
    seen: dict[str, int] = {}
    has_ids = "stop_id" in table.header
    for row, record in table.take():
        check = _RowCheck(table.name, row, problems)
        check.plain(table.formulas.get(row, ()))
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
    return sorted(stops, key=lambda s: (s.start, s.row or 0)), set(seen)


def _checked_meetings(table: Table, stops: list[Stop], named: Collection[str],
                      problems: list[Problem], *, check_ids: bool) -> list[Meeting]:
    """The file's good meetings, checked against the stops they must refer to.

    A meeting at a stop in `named`, whose row had problems of its own, is not blamed for
    them; with `check_ids` off (the stops file could not be read) no stop id is.
    """
    by_id = {s.stop_id: s for s in stops}
    meetings: list[Meeting] = []
    for row, record in table.take():
        check = _RowCheck(table.name, row, problems)
        check.plain(table.formulas.get(row, ()))
        stop_id = record["stop_id"].strip()
        stop = by_id.get(stop_id)
        if stop is None and check_ids and stop_id not in named:
            check.fail("stop_id", f'unknown stop "{stop_id}"; '
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
            extra={h: record[h] for h in table.header if h not in MEETING_COLUMNS},
        ))
    return meetings


def name_problem(value: str) -> str | None:
    """Why `value` cannot be a stop id, place or country, or None when it can.

    The record importer asks the same, so that what it writes always loads.
    """
    if len(value) > NAME_MAX:
        return f"expected at most {NAME_MAX} characters, found {len(value):,}"
    return None


def formula_problem(value: str) -> str | None:
    """Why a text from outside cannot be taken as it is written: a spreadsheet would run it
    as a formula (it starts with =, +, -, @, a tab or a carriage return). A CSV cell may
    say it means the text by a leading quote ("'=x"), as spreadsheets write it."""
    if is_formula(value):
        return f'"{shorten(value, 40)}" looks like a spreadsheet formula; expected plain text'
    return None


class _RowCheck:
    """Collects the problems of one row, so every cell is checked, not just the first."""

    def __init__(self, file: str, row: int, problems: list[Problem]) -> None:
        self.file, self.row, self.problems = file, row, problems
        self.failed = False

    def fail(self, column: str, message: str) -> None:
        self.failed = True
        self.problems.append(Problem(self.file, message, row=self.row, column=column))

    def plain(self, formulas: Iterable[tuple[str, str]]) -> None:
        """Every text cell that a spreadsheet would run as a formula is a problem."""
        for column, cell in formulas:
            self.fail(column, formula_problem(cell))  # type: ignore[arg-type]

    def date(self, column: str, value: str, *, required: bool) -> date | None:
        value = value.strip()
        if not value:
            if required:
                self.fail(column, "expected a date like 2022-10-05, found an empty cell")
            return None
        try:
            return iso_date(value)
        except DateError as exc:
            self.fail(column, f"{exc}, found {exc.shown}")
            return None

    def name(self, column: str, value: str) -> str:
        """A short plain-text name: a stop id, place or country."""
        value = value.strip()
        problem = name_problem(value)
        if problem:
            self.fail(column, problem)
        return value

    def number(self, column: str, value: str, low: float, high: float) -> float | None:
        value = value.strip()
        try:
            number = decimal(value)
        except ValueError:
            self.fail(column, f'expected a number, found "{shorten(value, 40)}"')
            return None
        if not math.isfinite(number) or not low <= number <= high:
            self.fail(column, f"expected a number from {low:g} to {high:g}, found "
                      f"{shorten(value, 40)}")
            return None
        return number


def _parse_stop(record: Row, stop_id: str, row: int, header: list[str],
                check: _RowCheck) -> Stop | None:
    # Interned: the many stops at one place share its name's one copy in memory.
    place = sys.intern(check.name("place", record["place"]))
    country = sys.intern(check.name("country", record["country"]))
    if not place and not country:
        check.fail("place", "expected a place or a country, found both empty")
    start = check.date("start_date", record["start_date"], required=True)
    end = check.date("end_date", record.get("end_date", ""), required=False)
    if start is not None and end is not None and end < start:
        check.fail("end_date", f"{end.isoformat()} is before start_date {start.isoformat()}")
    lat, lon = _coordinates(record, check)
    if check.failed or start is None:
        return None
    extra = {h: record[h] for h in header if h not in STOP_COLUMNS}
    return Stop(
        stop_id=stop_id, place=place, country=country, start=start, end=end or start,
        summary=record.get("summary", "").strip(), lat=lat, lon=lon,
        # A file written by `itinerary geocode` says how its coordinates were found.
        precision=(record.get("precision", "").strip() or "given") if lat is not None else "",
        geocoder=(record.get("geocoder", "").strip() or "file") if lat is not None else "",
        extra=extra, row=row,
    )


def _coordinates(record: Row, check: _RowCheck) -> tuple[float | None, float | None]:
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


def _split_topics(value: str) -> tuple[str, ...]:
    topics = (t.strip().lower() for t in value.split(";"))
    return tuple(dict.fromkeys(t for t in topics if t))

