"""The dashboard's view: clicks to stops, and links to and from what is shown."""

from datetime import date

import pytest

from itinerary.dashboard.view import (
    RecordChoice,
    View,
    drawn,
    records_from_query,
    shown_between,
    step,
    stop_at,
    view_from_query,
    view_to_query,
)
from itinerary.sources.records import import_travels, read_path
from tests.paths import TRAVELS

D = date


@pytest.mark.parametrize(("limit", "kept", "notice"), [
    (3, ["bogota", "santiago", "lima"], ""),
    (100, ["bogota", "santiago", "lima"], ""),
    (2, ["santiago", "lima"], "The map shows the 2 newest of 3 stops, from 2022-10-05 to "
                              "2022-10-07. Narrow the dates to see the earlier ones."),
    (1, ["lima"], "The map shows the 1 newest of 3 stops, from 2022-10-06 to 2022-10-07. "
                  "Narrow the dates to see the earlier ones."),
])
def test_a_map_draws_the_newest_stops_up_to_its_limit(trip, limit, kept, notice):
    shown, told = drawn(trip, limit)
    assert [s.stop_id for s in shown.stops] == kept
    assert told == notice


@pytest.mark.parametrize(("start", "end", "shown", "empty"), [
    (D(2022, 10, 3), D(2022, 10, 7), ["bogota", "santiago", "lima"], ""),
    (D(2022, 10, 5), D(2022, 10, 5), ["santiago"], ""),
    (D(2030, 1, 1), D(2030, 1, 2), [], "the start 2030-01-01 is after the trip's last day, "
                                       "2022-10-07"),
    (D(2030, 1, 1), D(2022, 10, 4), [], "the start 2030-01-01 is after the trip's last day, "
                                        "2022-10-07"),
    (D(2020, 1, 1), D(2022, 10, 1), [], "the end 2022-10-01 is before the trip's first day, "
                                        "2022-10-03"),
    (D(2022, 10, 6), D(2022, 10, 4), [], "the start 2022-10-06 is after the end 2022-10-04"),
])
def test_the_dates_shown_and_why_nothing_is_there(trip, start, end, shown, empty):
    view = shown_between(trip, start, end, limit=2)
    assert [s.stop_id for s in view.dated.stops] == shown
    assert [s.stop_id for s in view.drawn.stops] == shown[-2:]
    assert view.empty == empty
    assert view.notice.startswith("The map shows the 2 newest of 3") == (len(shown) == 3)


def test_the_limit_holds_at_two_hundred_thousand_stops():
    from itinerary.model import Stop, Trip
    stops = tuple(Stop(f"s{i}", "Lima", "Peru", D(2000, 1, 1), D(2000, 1, 1))
                  for i in range(200_000))
    shown, notice = drawn(Trip(stops), 20_000)
    assert len(shown.stops) == 20_000 and shown.number("s199999") == 200_000
    assert notice.startswith("The map shows the 20,000 newest of 200,000 stops")


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
    ({"end": "0202-10-05"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ["The link's end date 0202-10-05 is not between 1800-01-01 and 2100-12-31; ignoring it."]),
    ({"start": "2022-10-06", "end": "2022-10-04"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ["The link's end date 2022-10-04 is before its start date; showing the whole trip."]),
    ({"stop": "paris"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ['The link names a stop "paris" that is not in this trip.']),
    ({"start": "2022-10-05", "end": "2022-10-05", "stop": "lima"},
     View(D(2022, 10, 5), D(2022, 10, 5)), ['The link\'s stop "lima" is outside its dates.']),
    ({"day": "2022-10-05"}, View(D(2022, 10, 3), D(2022, 10, 7), None, D(2022, 10, 5)), []),
    ({"day": "2022-10-09"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ["The link's day 2022-10-09 is outside its dates; ignoring it."]),
    ({"start": "2022-10-06", "day": "2022-10-05"}, View(D(2022, 10, 6), D(2022, 10, 7)),
     ["The link's day 2022-10-05 is outside its dates; ignoring it."]),
    ({"day": "5 Oct"}, View(D(2022, 10, 3), D(2022, 10, 7)),
     ['The link\'s day "5 Oct" is not an ISO date like 2022-10-05; ignoring it.']),
])
def test_links_restore_a_view(trip, params, view, warnings):
    assert view_from_query(params, trip) == (view, warnings)


@pytest.mark.parametrize(("view", "query"), [
    (View(D(2022, 10, 3), D(2022, 10, 7)), {}),
    (View(D(2022, 10, 3), D(2022, 10, 7), "lima"), {"stop": "lima"}),
    (View(D(2022, 10, 5), D(2022, 10, 7)), {"start": "2022-10-05"}),
    (View(D(2022, 10, 5), D(2022, 10, 6), "lima"),
     {"start": "2022-10-05", "end": "2022-10-06", "stop": "lima"}),
    (View(D(2022, 10, 3), D(2022, 10, 7), "santiago", D(2022, 10, 5)),
     {"stop": "santiago", "day": "2022-10-05"}),
])
def test_a_link_names_only_what_differs_from_the_overview(trip, view, query):
    assert view_to_query(view, trip) == query
    assert view_from_query(query, trip) == (view, [])


@pytest.mark.parametrize(("records", "query"), [
    ([RecordChoice("rubio-marco", "2025-02-01")],
     {"who": "rubio-marco", "trip": "2025-02-01", "stop": "lima"}),
    ([RecordChoice("rubio-marco", "all")], {"who": "rubio-marco", "stop": "lima"}),
    ([RecordChoice("blinken-antony-j", "2022-10-03"), RecordChoice("rubio-marco", "2025-02-01")],
     {"who": ["blinken-antony-j", "rubio-marco"], "trip": ["2022-10-03", "2025-02-01"],
      "stop": "lima"}),
])
def test_a_record_trips_link_names_them_first(trip, records, query):
    view = View(D(2022, 10, 3), D(2022, 10, 7), "lima")
    assert view_to_query(view, trip, records) == query


@pytest.mark.parametrize(("current", "by", "expected"), [
    (None, 1, "bogota"), (None, -1, "lima"),
    ("bogota", 1, "santiago"), ("santiago", 1, "lima"), ("lima", 1, "lima"),
    ("lima", -1, "santiago"), ("bogota", -1, None),
    ("gone", 1, "bogota"),
])
def test_stepping_goes_through_the_stops_like_slides(trip, current, by, expected):
    assert step(trip, current, by) == expected


def test_stepping_keeps_to_the_stops_shown(trip):
    shown = trip.between(D(2022, 10, 5), D(2022, 10, 7))
    assert step(shown, None, 1) == "santiago"
    assert step(shown, "santiago", -1) is None
    assert step(trip.between(D(2023, 1, 1), D(2023, 1, 1)), None, 1) is None


@pytest.fixture(scope="module")
def record():
    return import_travels([read_path(TRAVELS / "cases.xml")])


T = "test-traveller"
OTHER = "other-person"


@pytest.mark.parametrize(("params", "choices", "warnings"), [
    ({}, [], []),
    ({"start": ["2022-10-05"]}, [], []),
    ({"who": [T], "trip": ["1959-05-11"]}, [RecordChoice(T, "1959-05-11")], []),
    ({"who": [T], "trip": ["all"]}, [RecordChoice(T, "all")], []),
    ({"who": [T]}, [RecordChoice(T, "all")], []),  # alone: the traveller's whole record
    ({"who": [T], "trip": ["1959-05-12"]}, [RecordChoice(T, "1959-05-20")],
     ['The link names a trip of Test Traveller starting "1959-05-12", which the record does '
      "not hold; showing their latest trip."]),
    ({"who": ["nobody"], "trip": ["1959-05-11"]}, [],
     ['The link names a traveller "nobody" who is not in the record.']),
    ({"who": [T, OTHER], "trip": ["1959-05-11", "1945-02-04"]},
     [RecordChoice(T, "1959-05-11"), RecordChoice(OTHER, "1945-02-04")], []),
    ({"who": [T], "trip": ["1959-05-11", "1959-05-20"]},
     [RecordChoice(T, "1959-05-11"), RecordChoice(T, "1959-05-20")], []),
    ({"who": [T, T], "trip": ["1959-05-11", "1959-05-11"]}, [RecordChoice(T, "1959-05-11")], []),
    ({"who": [T, "nobody"], "trip": ["1959-05-11", "1959-05-20"]},
     [RecordChoice(T, "1959-05-11")],
     ['The link names a traveller "nobody" who is not in the record.']),
    ({"who": [T, OTHER], "trip": ["1959-05-11"]}, [RecordChoice(T, "1959-05-11")],
     ["The link names 2 travellers but 1 trips; each traveller needs one trip."]),
])
def test_a_link_names_record_trips(record, params, choices, warnings):
    assert records_from_query(params, record) == (choices, warnings)
