"""The dashboard's view: which trip is shown, which dates, which stop is selected.

Kept apart from Streamlit so that the rules (matching a map click to a stop, reading and
writing the link's query parameters) are plain functions with tests. A link holds:

| parameter | meaning |
| --- | --- |
| `who` | a traveller of the record by slug (`rubio-marco`); alone, their whole record |
| `trip` | with `who`: the trip's first day (`2025-02-01`), or `all` for every trip |

`who` and `trip` may repeat, in pairs, to compare trips on one map:
`?who=blinken-antony-j&trip=2022-10-03&who=rubio-marco&trip=2025-02-01`.
| `start`, `end` | the dates shown, when not the whole trip |
| `stop` | the selected stop's id |
| `day` | the day the trip is played to (`2022-10-05`), paused there |

The built-in trip needs none of them, and a link names only what differs from the whole
trip's overview, so that opening the page adds nothing to the browser's history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from itinerary import config
from itinerary.dashboard import labels
from itinerary.dashboard.choices import ALL, RecordChoice
from itinerary.dates import EARLIEST, LATEST, iso_date
from itinerary.errors import DateError
from itinerary.model import Stop, Trip
from itinerary.sources.records import Imported
from itinerary.text import shorten

# A click reports the marker's own position; this only absorbs float noise.
_CLICK_TOLERANCE_DEG = 1e-4
_NOT_A_DATE = {DateError.NOT_ISO: "is not an ISO date like 2022-10-05",
               DateError.OUT_OF_RANGE: f"is not between {EARLIEST} and {LATEST}"}


@dataclass(frozen=True)
class View:
    start: date
    end: date
    stop_id: str | None = None
    day: date | None = None  # played to this day (see playback)


@dataclass(frozen=True)
class Shown:
    """What a view of a trip between two dates shows: its stops and meetings, what a map
    draws of them, and why the map leaves some out or nothing is there."""

    dated: Trip  # the stops that share a day with the dates, and their meetings
    drawn: Trip  # what a map draws of them: at most the draw limit, the newest
    notice: str = ""  # "The map shows the 20,000 newest of …", or ""
    empty: str = ""  # why no stop is there, or ""


def shown_between(trip: Trip, start: date, end: date, limit: int | None = None) -> Shown:
    """The trip between `start` and `end` as the app and the command line show it, titled
    by what it shows (`labels.shown_title`)."""
    dated = trip.between(start, end)
    if not dated.stops:
        return Shown(dated, dated, empty=_empty(trip, start, end))
    dated = replace(dated, title=labels.shown_title(trip, dated))
    kept, notice = drawn(dated, config.DRAW_LIMIT if limit is None else limit)
    return Shown(dated, kept, notice)


def _empty(trip: Trip, start: date, end: date) -> str:
    if not trip.stops:
        return "the trip has no stops"
    if start > trip.last_day:
        return f"the start {start} is after the trip's last day, {trip.last_day}"
    if end < trip.first_day:
        return f"the end {end} is before the trip's first day, {trip.first_day}"
    if start > end:
        return f"the start {start} is after the end {end}"
    return f"no stops between {start} and {end}"


def drawn(shown: Trip, limit: int) -> tuple[Trip, str]:
    """The stops a map draws: at most `limit`, the newest, and a notice when some are left
    out. Past some tens of thousands of markers a browser stalls for minutes."""
    if len(shown.stops) <= limit:
        return shown, ""
    kept = shown.newest(limit)
    return kept, (f"The map shows the {limit:,} newest of {len(shown.stops):,} stops, from "
                  f"{kept.stops[0].start} to {kept.last_day}. Narrow the dates to see the "
                  "earlier ones.")


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
    start = _query_date(params, "start", warnings) or first
    end = _query_date(params, "end", warnings) or last
    start, end = min(max(start, first), last), max(min(end, last), first)
    if end < start:
        warnings.append(f"The link's end date {end.isoformat()} is before its start date; "
                        "showing the whole trip.")
        start, end = first, last
    stop_id = params.get("stop") or None
    if stop_id is not None:
        stop = trip.stop(stop_id)
        if stop is None:
            warnings.append(f'The link names a stop "{shorten(stop_id, 60)}" that is not in '
                            "this trip.")
            stop_id = None
        elif not stop.overlaps(start, end):
            warnings.append(f'The link\'s stop "{shorten(stop_id, 60)}" is outside its dates.')
            stop_id = None
    day = _query_date(params, "day", warnings)
    if day is not None and not start <= day <= end:
        warnings.append(f"The link's day {day.isoformat()} is outside its dates; ignoring it.")
        day = None
    return View(start, end, stop_id, day), warnings


Query = dict[str, str | list[str]]  # a link's parameters; a list for one that repeats


def view_to_query(view: View, trip: Trip, records: Sequence[RecordChoice] = ()) -> Query:
    """The link's parameters for a view of a trip, or of record trips compared: only what
    differs from its overview."""
    query: Query = {}
    if len(records) == 1:
        query["who"] = records[0].who
        if records[0].trip != ALL:
            query["trip"] = records[0].trip
    elif records:
        query["who"] = [r.who for r in records]
        query["trip"] = [r.trip for r in records]
    if view.start != trip.first_day:
        query["start"] = view.start.isoformat()
    if view.end != trip.last_day:
        query["end"] = view.end.isoformat()
    if view.stop_id:
        query["stop"] = view.stop_id
    if view.day:
        query["day"] = view.day.isoformat()
    return query


def step(shown: Trip, current: str | None, by: int) -> str | None:
    """The stop `by` places after (or before) the current one among those shown, like the
    next slide of a story; from the overview, the first stop (or the last, going back).
    Going back from the first stop returns to the overview; the last stop stays the last."""
    ids = [s.stop_id for s in shown.stops]
    if not ids:
        return None
    if current not in ids:
        return ids[0] if by > 0 else ids[-1]
    at = ids.index(current) + by
    if at < 0:
        return None
    return ids[min(at, len(ids) - 1)]


def records_from_query(params: Mapping[str, Sequence[str]], record: Imported
                       ) -> tuple[list[RecordChoice], list[str]]:
    """The record trips a link names, in pairs of `who` and `trip`, and a warning for each
    it names that the record does not hold. A traveller alone is their whole record; a
    traveller with trips it lacks, their latest trip."""
    people, days = list(params.get("who") or []), list(params.get("trip") or [])
    if not people:
        return [], []
    if len(people) == 1 and len(days) > 1:
        people = people * len(days)  # ?who=x&trip=a&trip=b: two trips of one traveller
    warnings: list[str] = []
    if len(days) not in (0, len(people)):
        warnings.append(f"The link names {len(people)} travellers but {len(days)} trips; "
                        "each traveller needs one trip.")
    pairs = zip(people, days or [ALL] * len(people), strict=False)
    found = [choice for who, day in pairs
             if (choice := _record_choice(who, day, record, warnings)) is not None]
    return list(dict.fromkeys(found)), warnings


def _record_choice(who: str, day: str, record: Imported, warnings: list[str]
                   ) -> RecordChoice | None:
    journeys = record.journeys_of(who)
    if not journeys:
        warnings.append(f'The link names a traveller "{shorten(who, 60)}" who is not in the '
                        "record.")
        return None
    if day != ALL and day not in {j.first_day.isoformat() for j in journeys}:
        warnings.append(f"The link names a trip of {journeys[0].traveller} starting "
                        f'"{shorten(day, 60)}", which the record does not hold; showing their '
                        "latest trip.")
        return RecordChoice(who, journeys[-1].first_day.isoformat())
    return RecordChoice(who, day)


def _query_date(params: Mapping[str, str], name: str, warnings: list[str]) -> date | None:
    """The link's date `name`, or none when it names none or one that is not a date."""
    value = params.get(name)
    if not value:
        return None
    try:
        return iso_date(value)
    except DateError as exc:
        what = name if name == "day" else f"{name} date"
        warnings.append(f"The link's {what} {exc.shown} {_NOT_A_DATE[exc.reason]}; "
                        "ignoring it.")
        return None
