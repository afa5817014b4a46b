"""The record's trips as the app and the command line open them: titled, parts named."""

from datetime import date

import pytest

from itinerary.config import BUNDLED_TRAVELS_DIR
from itinerary.dashboard.choices import RecordChoice
from itinerary.dashboard.record_trips import compare, open_trip
from itinerary.sources.records import import_folder


@pytest.fixture(scope="module")
def bundled():
    return import_folder(BUNDLED_TRAVELS_DIR)


@pytest.mark.parametrize(("who", "first", "title", "parts"), [
    ("rubio-marco", date(2025, 2, 1), "Rubio · Central America, Feb 2025", 0),
    ("rubio-marco", None, "Rubio · 2 trips, 2025", 2),
    ("blinken-antony-j", date(2022, 10, 3), "Blinken · Colombia, Chile and Peru, Oct 2022", 0),
])
def test_a_trip_or_a_whole_record_opens_titled(bundled, who, first, title, parts):
    trip = open_trip(bundled, who, first)
    assert trip.title == title and len(trip.parts) == parts


def test_a_trip_the_record_lacks_is_none(bundled):
    assert open_trip(bundled, "rubio-marco", date(1999, 1, 1)) is None
    assert open_trip(bundled, "nobody", None) is None


def test_trips_compared_are_titled_and_their_parts_name_the_travellers(bundled):
    trip = compare(bundled, [RecordChoice("blinken-antony-j", "2022-10-03"),
                             RecordChoice("rubio-marco", "2025-02-01")])
    assert trip.title == "Blinken and Rubio · 2 trips, 2022–2025"
    assert trip.parts == ("Blinken · Oct 2022 · Colombia, Chile and Peru",
                          "Rubio · Feb 2025 · Central America")
    assert compare(bundled, [RecordChoice("nobody", "2022-10-03")]) is None
