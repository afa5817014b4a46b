"""A trip as two tables to edit, and edited tables back to a trip, with the loader's
messages at the rows the tables show."""

from datetime import date

import pandas as pd
import pytest

from itinerary.config import SEED_MEETINGS, SEED_STOPS
from itinerary.errors import DataError
from itinerary.sources.frames import frames_trip, trip_frames
from itinerary.sources.stops import load_trip


@pytest.fixture
def tables():
    return trip_frames(load_trip(SEED_STOPS, SEED_MEETINGS, title="Seed"))


def test_the_tables_read_back_as_the_trip(tables):
    stops, meetings = tables
    assert list(stops.index) == [1, 2, 3] and list(meetings.index)[:2] == [1, 2]
    assert list(stops["stop_id"]) == ["bogota", "santiago", "lima"]
    assert stops.loc[2, "end_date"] == "" and (stops.dtypes == "string").all()
    trip = load_trip(SEED_STOPS, SEED_MEETINGS, title="Seed")
    assert frames_trip(stops, meetings, title="Seed") == trip


def test_an_edited_date_reorders_the_trip(tables):
    stops, meetings = tables
    stops.loc[2, "start_date"] = "2022-10-09"
    trip = frames_trip(stops, meetings)
    assert [s.stop_id for s in trip.stops] == ["bogota", "lima", "santiago"]
    assert trip.stop("santiago").start == date(2022, 10, 9)


def test_rows_added_and_removed(tables):
    stops, meetings = tables
    added = pd.DataFrame([{"stop_id": "quito", "place": "Quito", "country": "Ecuador",
                           "start_date": "2022-10-08"}], index=[4])
    stops = pd.concat([stops.drop(index=2), added])  # a new row has empty cells as <NA>
    meetings = meetings[meetings["stop_id"] != "santiago"]
    trip = frames_trip(stops, meetings)
    assert [s.stop_id for s in trip.stops] == ["bogota", "lima", "quito"]
    assert all(m.stop_id != "santiago" for m in trip.meetings)


def test_formula_like_cells_are_text(tables):
    stops, meetings = tables
    stops.loc[1, "summary"] = "=HYPERLINK(1)"
    assert frames_trip(stops, meetings).stop("bogota").summary == "=HYPERLINK(1)"


BAD = [
    ("stops", 2, "start_date", "2022-13-01",
     'the stops table, row 2, column start_date: expected an ISO date like 2022-10-05, '
     'found "2022-13-01"'),
    ("stops", 3, "end_date", "2022-10-01",
     "the stops table, row 3, column end_date: 2022-10-01 is before start_date 2022-10-06"),
    ("meetings", 4, "stop_id", "nowhere",
     'the meetings table, row 4, column stop_id: unknown stop "nowhere"; expected one of '
     'the stop ids in the stops file'),
    ("meetings", 1, "with", "",
     "the meetings table, row 1, column with: expected who was met, found an empty cell"),
]


@pytest.mark.parametrize(("table", "row", "column", "value", "message"), BAD)
def test_a_broken_rule_is_told_at_the_row_the_table_shows(tables, table, row, column,
                                                           value, message):
    stops, meetings = tables
    (stops if table == "stops" else meetings).loc[row, column] = value
    with pytest.raises(DataError) as caught:
        frames_trip(stops, meetings)
    assert [str(p) for p in caught.value.problems] == [message]


def test_rows_keep_their_numbers_after_a_row_is_removed(tables):
    stops, meetings = tables
    stops.loc[3, "start_date"] = "soon"
    with pytest.raises(DataError) as caught:
        frames_trip(stops.drop(index=1), meetings[meetings["stop_id"] != "bogota"])
    assert str(caught.value).startswith("the stops table, row 3, column start_date:")


def test_a_table_without_stops(tables):
    stops, meetings = tables
    with pytest.raises(DataError) as caught:
        frames_trip(stops.iloc[0:0], meetings.iloc[0:0])
    assert str(caught.value) == ("the stops table: has a header but no rows; expected at "
                                 "least one row")
