"""Stops, meetings and trips: dates shared, numbering, narrowing by date."""

from datetime import date

import pytest

from itinerary.model import TOPICS, Meeting, Stop, Trip


def stop(stop_id, start, end, **kw):
    return Stop(stop_id, kw.pop("place", "X"), kw.pop("country", "Y"), start, end, **kw)


@pytest.mark.parametrize(("start", "end", "overlaps"), [
    (date(2022, 10, 1), date(2022, 10, 2), False),
    (date(2022, 10, 1), date(2022, 10, 3), True),
    (date(2022, 10, 4), date(2022, 10, 4), True),
    (date(2022, 10, 5), date(2022, 10, 9), True),
    (date(2022, 10, 6), date(2022, 10, 9), False),
])
def test_overlaps_counts_shared_days_inclusively(start, end, overlaps):
    assert stop("a", date(2022, 10, 3), date(2022, 10, 5)).overlaps(start, end) is overlaps


def test_trip_numbers_and_bounds():
    trip = Trip((stop("a", date(2022, 10, 3), date(2022, 10, 4)),
                 stop("b", date(2022, 10, 5), date(2022, 10, 5))))
    assert trip.first_day == date(2022, 10, 3)
    assert trip.last_day == date(2022, 10, 5)
    assert trip.number("b") == 2
    assert trip.stop("zz") is None


def test_label_skips_missing_parts():
    assert stop("a", date(2022, 1, 1), date(2022, 1, 1), place="", country="Peru").label == "Peru"
    assert stop("a", date(2022, 1, 1), date(2022, 1, 1), place="Lima",
                country="Peru").label == "Lima, Peru"


def test_topic_vocabulary_is_small_and_lower_case():
    assert all(t == t.lower() for t in TOPICS)
    assert len(TOPICS) == len(set(TOPICS)) <= 12


def test_between_keeps_the_stops_and_meetings_of_those_days_numbered_as_before():
    trip = Trip((stop("a", date(2022, 10, 1), date(2022, 10, 31)),
                 stop("b", date(2022, 10, 2), date(2022, 10, 2)),
                 stop("c", date(2022, 10, 20), date(2022, 10, 21))),
                (Meeting("b", None, "B's host"), Meeting("c", date(2022, 10, 21), "C's host"),
                 Meeting("a", date(2022, 10, 1), "A, early"), Meeting("a", None, "A, any day")),
                title="T")
    shown = trip.between(date(2022, 10, 15), date(2022, 10, 25))
    assert [s.stop_id for s in shown.stops] == ["a", "c"]
    assert [shown.number(s.stop_id) for s in shown.stops] == [1, 3]
    # A dated meeting outside the days is left out; one without a date stays with its stop.
    assert [m.with_ for m in shown.meetings] == ["C's host", "A, any day"]
    assert shown.title == "T" and shown.first_day == date(2022, 10, 1)
    assert trip.between(date(2023, 1, 1), date(2023, 1, 2)).stops == ()


@pytest.mark.parametrize(("count", "kept"), [(1, ["c"]), (2, ["b", "c"]), (3, ["a", "b", "c"]),
                                            (9, ["a", "b", "c"])])
def test_newest_keeps_the_last_stops_their_meetings_and_their_numbers(count, kept):
    trip = Trip((stop("a", date(2022, 10, 1), date(2022, 10, 1)),
                 stop("b", date(2022, 10, 2), date(2022, 10, 2)),
                 stop("c", date(2022, 10, 3), date(2022, 10, 3))),
                (Meeting("a", None, "A's host"), Meeting("c", None, "C's host")), title="T")
    newest = trip.newest(count)
    assert [s.stop_id for s in newest.stops] == kept
    assert [newest.number(i) for i in kept] == [ord(i) - ord("a") + 1 for i in kept]
    assert [m.with_ for m in newest.meetings] == [m.with_ for m in trip.meetings
                                                  if m.stop_id in kept]
    assert newest.title == "T"


def test_meetings_at_a_stop_come_in_date_order_undated_first():
    trip = Trip((stop("a", date(2022, 10, 1), date(2022, 10, 3)),),
                (Meeting("a", date(2022, 10, 3), "late"), Meeting("a", None, "any day"),
                 Meeting("a", date(2022, 10, 1), "early")))
    assert [m.with_ for m in trip.meetings_at("a")] == ["any day", "early", "late"]
    assert trip.meetings_at("zz") == []


# Property: the filter keeps exactly the stops that share a day with the range.
from datetime import timedelta  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 3, 1))


@st.composite
def stops_and_range(draw):
    stops = []
    for i in range(draw(st.integers(0, 20))):
        start = draw(DAYS)
        end = start + timedelta(days=draw(st.integers(0, 10)))
        stops.append(Stop(f"s{i}", "P", "C", start, end))
    a, b = sorted([draw(DAYS), draw(DAYS)])
    return stops, a, b


@given(stops_and_range())
def test_filter_never_keeps_a_stop_outside_nor_drops_one_inside(case):
    stops, start, end = case
    kept = list(Trip(tuple(stops)).between(start, end).stops)
    for stop in stops:
        shares_a_day = any(start <= stop.start + timedelta(days=k) <= end
                           for k in range((stop.end - stop.start).days + 1))
        assert (stop in kept) == shares_a_day
    assert kept == [s for s in stops if s in kept]  # order kept
