"""The record as tables: travellers, a traveller's trips, and visits per country."""

from dataclasses import replace
from datetime import date

import pytest

from itinerary.dashboard import tables
from itinerary.model import Stop, Trip
from itinerary.sources.records import import_travels, read_path
from tests.paths import TRAVELS

PLACES = {"Cairo": (30.06, 31.25), "Alexandria": (31.2, 29.92), "Mumbai (Bombay)": (19.07, 72.88),
          "Windsor (Ontario)": (42.3, -83.02), "Yalta": (44.5, 34.17), "": (41.9, 12.45)}


@pytest.fixture(scope="module")
def record():
    found = import_travels([read_path(TRAVELS / "cases.xml")])
    return found.placed([replace(s, lat=PLACES[s.place][0], lon=PLACES[s.place][1])
                         for s in found.stops])


def test_every_traveller_with_years_trips_countries_and_km(record):
    frame = tables.travellers(record)
    assert list(frame.columns) == tables.TRAVELLER_COLUMNS
    assert list(frame.index) == ["other-person", "test-traveller"]
    assert frame.loc["test-traveller"].to_dict() == {
        "Traveller": "Test Traveller", "Years": "1959", "Trips": 2, "Countries": 4,
        "Km": 12_110}  # Cairo-Alexandria-Mumbai, 4,684, and Rome-Windsor: never Mumbai-Rome
    assert frame.loc["other-person", "Countries"] == 1  # Yalta, U.S.S.R.: Ukraine


def test_a_travellers_trips_with_days_countries_stops_and_km(record):
    frame = tables.trips(record, "test-traveller")
    assert list(frame.columns) == tables.TRIP_COLUMNS
    assert list(frame.index) == ["1959-05-11", "1959-05-20"]
    first = frame.loc["1959-05-11"].to_dict()
    assert first == {"First day": date(1959, 5, 11), "Last day": date(1959, 5, 14),
                     "Trip": "Egypt and India", "Countries": "Egypt, India", "Stops": 3,
                     "Km": first["Km"]}
    assert first["Km"] == 4_684
    assert tables.trips(record, "nobody").empty


def test_visits_per_country_by_the_outlines_ids(record):
    trip = record.trip("test-traveller", None)
    frame = tables.country_visits(trip)
    assert frame.to_dict("records") == [
        {"id": "818", "code": "EG", "Country": "Egypt", "Visits": 2},
        {"id": "124", "code": "CA", "Country": "Canada", "Visits": 1},
        {"id": "356", "code": "IN", "Country": "India", "Visits": 1},
        {"id": "336", "code": "VA", "Country": "Vatican", "Visits": 1}]


@pytest.mark.parametrize(("numeric", "places"), [
    ("818", ["Cairo, Egypt", "Alexandria, Egypt"]),
    ("124", ["Windsor (Ontario), Canada"]),
    ("250", []),
])
def test_the_visits_in_one_country(record, numeric, places):
    trip = record.trip("test-traveller", None)
    frame = tables.visits_in(trip, numeric)
    assert list(frame.columns) == tables.VISIT_COLUMNS
    assert list(frame["Place"]) == places
    if places:
        assert set(frame["Trip"]) <= set(trip.parts)


def test_unknown_countries_are_left_out():
    stop = Stop("x", "Atlantis", "Atlantis", date(2000, 1, 1), date(2000, 1, 1), lat=1, lon=1)
    assert tables.country_visits(Trip((stop,))).empty
