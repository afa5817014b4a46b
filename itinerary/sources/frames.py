"""A trip as two tables of text to edit (pandas), and the edited tables back to a trip.

The tables have the input format's columns, and a row per stop and per meeting. They are
read back through the loader, as a file would be, so an edit that breaks a rule (a bad
date, an end before a start, an unknown stop id) is told in the loader's own words, its
row the one the table shows (the tables are numbered from 1).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from itinerary.errors import DataError, Problem
from itinerary.model import Trip
from itinerary.sources.export import meeting_row, stop_row
from itinerary.sources.stops import MEETING_COLUMNS, NUMBER_COLUMNS, STOP_COLUMNS, load_trip
from itinerary.sources.table import rows_to_csv

STOPS_TABLE, MEETINGS_TABLE = "the stops table", "the meetings table"
FIRST_ROW = 1  # the tables' first row, as they show it


def trip_frames(trip: Trip) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The trip's stops and meetings as tables of text, in trip order."""
    stop_extras = list(dict.fromkeys(k for s in trip.stops for k in s.extra))
    meeting_extras = list(dict.fromkeys(k for m in trip.meetings for k in m.extra))
    return (_frame([stop_row(s) for s in trip.stops], [*STOP_COLUMNS, *stop_extras]),
            _frame([meeting_row(m) for m in trip.meetings], [*MEETING_COLUMNS,
                                                             *meeting_extras]))


def _frame(rows: list[dict[str, str]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns, dtype="string")
    frame.index = pd.RangeIndex(FIRST_ROW, FIRST_ROW + len(frame))
    return frame.fillna("")


def frames_trip(stops: pd.DataFrame, meetings: pd.DataFrame, *, title: str = "") -> Trip:
    """The trip the tables hold, checked as files are; `DataError` names each problem's
    table, row (as the table numbers it) and column."""
    stop_csv, meeting_csv = _csv(stops, NUMBER_COLUMNS), _csv(meetings, ())
    try:
        return load_trip(stop_csv, meeting_csv if len(meetings) else None,
                         stops_name=STOPS_TABLE, meetings_name=MEETINGS_TABLE, title=title)
    except DataError as exc:
        rows = {STOPS_TABLE: list(stops.index), MEETINGS_TABLE: list(meetings.index)}
        raise DataError([_in_table(p, rows.get(p.file, [])) for p in exc.problems]) from None


def _csv(frame: pd.DataFrame, numbers: Sequence[str]) -> bytes:
    text = frame.astype("string").fillna("").astype(str)
    return rows_to_csv(text.to_dict("records"), [str(c) for c in frame.columns],
                       numbers=numbers).encode("utf-8")


def _in_table(problem: Problem, labels: list) -> Problem:
    """The problem at the row the table shows: the CSV's row 2 is the table's first."""
    if problem.row is None or not 0 <= problem.row - 2 < len(labels):
        return problem
    label = labels[problem.row - 2]
    row = int(label) if isinstance(label, (int, float)) and not pd.isna(label) else \
        problem.row - 2 + FIRST_ROW
    return Problem(problem.file, problem.message, row, problem.column)
