"""How the pickers name stops, travellers and trips."""

from datetime import date

import pytest

from itinerary.dashboard.labels import stop_choices, traveller, trip_choices
from itinerary.sources.records import Traveller, import_travels, read_path
from tests.paths import TRAVELS


def test_stops_are_listed_with_number_place_and_dates(trip):
    assert stop_choices(trip) == {"bogota": "1. Bogotá, Colombia (3–4 Oct 2022)",
                                  "santiago": "2. Santiago, Chile (5 Oct 2022)",
                                  "lima": "3. Lima, Peru (6–7 Oct 2022)"}
    shown = trip.between(date(2022, 10, 6), date(2022, 10, 7))
    assert stop_choices(shown) == {"lima": "3. Lima, Peru (6–7 Oct 2022)"}


@pytest.mark.parametrize(("person", "label"), [
    (Traveller("b", "Antony John Blinken", date(2021, 3, 15), date(2025, 1, 10), 56),
     "Antony John Blinken (2021–2025, 56 trips)"),
    (Traveller("x", "One Year", date(1990, 1, 1), date(1990, 5, 1), 1), "One Year (1990, 1 trip)"),
])
def test_travellers_are_named_with_their_years_and_trips(person, label):
    assert traveller(person) == label


def test_a_travellers_trips_are_listed_by_first_day_after_all_of_them():
    record = import_travels([read_path(TRAVELS / "cases.xml")])
    assert trip_choices(record, "test-traveller") == {
        "all": "All trips", "1959-05-11": "1959-05 Egypt, India",
        "1959-05-20": "1959-05 Vatican City, Canada"}
