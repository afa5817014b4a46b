from datetime import date

import pytest

from itinerary.view import View, filter_stops, stop_at, view_from_query, view_to_query

D = date


@pytest.mark.parametrize(("start", "end", "ids"), [
    (D(2022, 10, 3), D(2022, 10, 7), ["bogota", "santiago", "lima"]),
    (D(2022, 10, 5), D(2022, 10, 5), ["santiago"]),
    (D(2022, 10, 4), D(2022, 10, 6), ["bogota", "santiago", "lima"]),
    (D(2022, 10, 7), D(2022, 10, 7), ["lima"]),
    (D(2022, 10, 8), D(2022, 10, 9), []),
])
def test_filter_keeps_stops_that_overlap(trip, start, end, ids):
    assert [s.stop_id for s in filter_stops(trip.stops, start, end)] == ids


def test_click_finds_the_stop_at_that_marker(located_trip):
    lima = located_trip.stop("lima")
    assert stop_at(located_trip.stops, lima.lat, lima.lon).stop_id == "lima"
    assert stop_at(located_trip.stops, lima.lat, lima.lon + 360).stop_id == "lima"
    assert stop_at(located_trip.stops, lima.lat + 1, lima.lon) is None


@pytest.mark.parametrize(("params", "view", "warnings"), [
    ({}, View(D(2022, 10, 3), D(2022, 10, 7)), []),
    ({"start": "2022-10-05", "end": "2022-10-05"}, View(D(2022, 10, 5), D(2022, 10, 5)), []),
    ({"stop": "lima"}, View(D(2022, 10, 3), D(2022, 10, 7), "lima"), []),
    ({"start": "2022-01-01", "end": "2023-01-01"}, View(D(2022, 10, 3), D(2022, 10, 7)), []),
    ({"start": "soon"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ['The link\'s start date "soon" is not an ISO date like 2022-10-05; ignoring it.']),
    ({"start": "2022-10-06", "end": "2022-10-04"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ["The link's end date 2022-10-04 is before its start date; showing the whole trip."]),
    ({"stop": "paris"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ['The link names a stop "paris" that is not in this trip.']),
    ({"start": "2022-10-05", "end": "2022-10-05", "stop": "lima"},
     View(D(2022, 10, 5), D(2022, 10, 5)), ['The link\'s stop "lima" is outside its dates.']),
])
def test_links_restore_a_view(trip, params, view, warnings):
    assert view_from_query(params, trip) == (view, warnings)


def test_view_round_trips_through_the_query():
    view = View(D(2022, 10, 5), D(2022, 10, 6), "lima")
    assert view_to_query(view) == {"start": "2022-10-05", "end": "2022-10-06", "stop": "lima"}
    assert "stop" not in view_to_query(View(D(2022, 10, 5), D(2022, 10, 6)))


# Property: the filter keeps exactly the stops that share a day with the range.
from datetime import timedelta  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from itinerary.model import Stop  # noqa: E402

DAYS = st.dates(min_value=D(2000, 1, 1), max_value=D(2000, 3, 1))


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
    kept = filter_stops(stops, start, end)
    for stop in stops:
        shares_a_day = any(start <= stop.start + timedelta(days=k) <= end
                           for k in range((stop.end - stop.start).days + 1))
        assert (stop in kept) == shares_a_day
    assert kept == [s for s in stops if s in kept]  # order kept
