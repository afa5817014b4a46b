"""Playback's frames: a day at a time, every stop once at least, trips on one clock."""

from datetime import date

import pytest

from itinerary.dashboard.playback import Frame, frame_of, frames, start_at
from itinerary.model import Stop, Trip


def trip(*spans: tuple[str, str, str]) -> Trip:
    return Trip(tuple(Stop(i, i, "", date.fromisoformat(a), date.fromisoformat(b))
                      for i, a, b in spans))


def days(found: list[Frame]) -> list[tuple[str, str]]:
    return [(f.day.isoformat()[5:], f.stop_id) for f in found]


@pytest.mark.parametrize(("spans", "expected"), [
    # The built-in trip's shape: a day each, a stop of one day between two of two.
    ([("bogota", "2022-10-03", "2022-10-04"), ("santiago", "2022-10-05", "2022-10-05"),
      ("lima", "2022-10-06", "2022-10-07")],
     [("10-03", "bogota"), ("10-04", "bogota"), ("10-05", "santiago"), ("10-06", "lima"),
      ("10-07", "lima")]),
    # Two stops begun on one day: a frame each, in trip order; none skipped.
    ([("a", "2022-01-01", "2022-01-01"), ("b", "2022-01-01", "2022-01-02")],
     [("01-01", "a"), ("01-01", "b"), ("01-02", "b")]),
    # A long stop that outlasts the next one: the days run on under the last begun.
    ([("a", "2022-01-01", "2022-01-04"), ("b", "2022-01-02", "2022-01-02")],
     [("01-01", "a"), ("01-02", "b"), ("01-03", "b"), ("01-04", "b")]),
    # Two trips a year apart: the days between them are left out.
    ([("a", "2021-01-01", "2021-01-02"), ("b", "2022-01-01", "2022-01-01")],
     [("01-01", "a"), ("01-02", "a"), ("01-01", "b")]),
    ([], []),
])
def test_frames(spans, expected):
    assert days(frames(trip(*spans))) == expected


def test_trips_compared_run_on_one_clock():
    # A comparison's stops come trip after trip; playing them interleaves them by day.
    joined = trip(("x1", "2022-01-01", "2022-01-01"), ("x2", "2022-01-03", "2022-01-03"),
                  ("y1", "2022-01-02", "2022-01-02"))
    assert days(frames(joined)) == [("01-01", "x1"), ("01-02", "y1"), ("01-03", "x2")]


def test_frames_grow_with_the_days_covered_not_the_span():
    # A record of trips over 150 years: frames only for the days its stops cover.
    spans = [(str(y), f"{y}-06-01", f"{y}-06-03") for y in range(1870, 2020)]
    assert len(frames(trip(*spans))) == 150 * 3


SEED = trip(("bogota", "2022-10-03", "2022-10-04"), ("santiago", "2022-10-05", "2022-10-05"),
            ("lima", "2022-10-06", "2022-10-07"))


@pytest.mark.parametrize(("stop_id", "day", "at"), [
    (None, None, 0),  # from the first
    ("santiago", None, 2),  # from the selected stop
    ("lima", None, 3),
    (None, date(2022, 10, 4), 1),  # from the day a link names
    ("bogota", date(2022, 10, 6), 3),  # the day wins over the stop
    ("gone", None, 0),
])
def test_play_starts_from_the_selected_stop_or_the_day(stop_id, day, at):
    assert start_at(frames(SEED), stop_id, day) == at


@pytest.mark.parametrize(("day", "stop_id"), [
    (date(2022, 10, 5), "santiago"),
    (date(2022, 10, 7), "lima"),
    (date(2022, 10, 9), "lima"),  # after the last day: the last frame
    (date(2022, 10, 1), None),  # before the first: none
])
def test_a_day_names_its_frame(day, stop_id):
    found = frame_of(frames(SEED), day)
    assert (found.stop_id if found else None) == stop_id
