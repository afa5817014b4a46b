"""How the pickers name stops, travellers and trips."""

from datetime import date

import pytest

from itinerary.config import BUNDLED_TRAVELS_DIR
from itinerary.dashboard.choices import RecordChoice
from itinerary.dashboard.labels import (
    PICKER_MAX,
    compare_title,
    part_name,
    record_title,
    shown_title,
    stop_choices,
    surname,
    traveller,
    travellers,
    trip_choices,
    when,
    where,
)
from itinerary.model import Stop
from itinerary.sources.records import Traveller, import_folder, import_travels, read_path
from tests.paths import TRAVELS


def test_stops_are_listed_with_number_place_and_dates(trip):
    assert stop_choices(trip) == {"bogota": "1. Bogotá, Colombia (3–4 Oct 2022)",
                                  "santiago": "2. Santiago, Chile (5 Oct 2022)",
                                  "lima": "3. Lima, Peru (6–7 Oct 2022)"}
    shown = trip.between(date(2022, 10, 6), date(2022, 10, 7))
    assert stop_choices(shown) == {"lima": "3. Lima, Peru (6–7 Oct 2022)"}


@pytest.mark.parametrize(("name", "first", "last", "trips", "label"), [
    ("Marco Rubio", 2025, 2025, 2, "Rubio (2025, 2 trips)"),
    ("One Year", 1990, 1990, 1, "Year (1990, 1 trip)"),
    ("William Henry Seward", 1866, 1866, 2, "Seward (1866, 2 trips)"),
    ("Robert Lansing", 1918, 1919, 1, "Lansing (1918–19, 1 trip)"),
    ("Antony John Blinken", 2021, 2025, 85, "Blinken (2021–25, 85 trips)"),
    ("Henry A. (Heinz Alfred) Kissinger", 1973, 1976, 38, "Kissinger (1973–76, 38 trips)"),
    ("Warren Minor Christopher", 1993, 1996, 58, "Christopher (1993–96, 58 trips)"),
    ("Madeleine Korbel Albright", 1997, 2001, 71, "Albright (1997–01, 71 trips)"),
])
def test_every_traveller_is_named_in_one_style(name, first, last, trips, label):
    person = Traveller("x", name, date(first, 1, 1), date(last, 12, 31), trips)
    assert traveller(person) == label


def test_travellers_who_share_a_surname_are_told_apart_by_initials():
    people = [Traveller("a", "John Quincy Adams", date(1817, 1, 1), date(1825, 1, 1), 3),
              Traveller("b", "Charles Francis Adams", date(1861, 1, 1), date(1868, 1, 1), 1),
              Traveller("c", "Antony John Blinken", date(2021, 1, 1), date(2025, 1, 1), 85)]
    assert travellers(people) == {"a": "J. Q. Adams (1817–25, 3 trips)",
                                  "b": "C. F. Adams (1861–68, 1 trip)",
                                  "c": "Blinken (2021–25, 85 trips)"}


def test_a_travellers_trips_are_listed_by_first_day_after_all_of_them():
    record = import_travels([read_path(TRAVELS / "cases.xml")])
    assert trip_choices(record, "test-traveller") == {
        "all": "All trips", "1959-05-11": "May 1959 · Egypt and India",
        "1959-05-20": "May 1959 · 2 countries"}  # "Vatican and Canada" is too long


@pytest.fixture(scope="module")
def bundled():
    return import_folder(BUNDLED_TRAVELS_DIR)


@pytest.mark.parametrize(("who", "first", "title"), [
    ("rubio-marco", date(2025, 2, 1), "Rubio · Central America, Feb 2025"),
    ("blinken-antony-j", date(2022, 10, 3), "Blinken · Colombia, Chile and Peru, Oct 2022"),
    ("blinken-antony-j", None, "Blinken · 85 trips, 2021–2025"),
    ("kissinger-henry-a", date(1976, 12, 7), "Kissinger · Belgium and United Kingdom, Dec 1976"),
])
def test_record_trips_have_short_titles(bundled, who, first, title):
    trip = bundled.trip(who, first)
    trips = len(bundled.journeys_of(who)) if first is None else 1
    assert record_title(bundled.journeys_of(who)[0].traveller, trip, trips) == title


def test_no_trip_label_is_longer_than_a_picker_shows(bundled):
    longest = max((label for who in {j.who for j in bundled.journeys}
                   for label in trip_choices(bundled, who).values()), key=len)
    assert len(longest) <= PICKER_MAX


@pytest.mark.parametrize(("name", "short"), [
    ("Antony John Blinken", "Blinken"), ("Henry A. (Heinz Alfred) Kissinger", "Kissinger"),
    ("Martin Luther King, Jr.", "King"), ("Cher", "Cher"),
])
def test_surnames(name, short):
    assert surname(name) == short


@pytest.mark.parametrize(("countries", "names"), [
    (["Colombia"], ["Colombia", "South America", "1 country"]),
    (["Panama", "Guatemala", "Costa Rica", "El Salvador", "Dominican Republic"],
     ["Central America", "North America", "5 countries"]),
    (["Korea, Republic of", "Japan", "Germany", "France"], ["4 countries"]),
])
def test_where_a_trip_went_from_precise_to_broad(countries, names):
    stops = [Stop(f"s{i}", "", c, date(2022, 1, 1), date(2022, 1, 1))
             for i, c in enumerate(countries)]
    assert where(stops, 40) == names


@pytest.mark.parametrize(("first", "last", "text"), [
    (date(2022, 10, 3), date(2022, 10, 7), "Oct 2022"),
    (date(2022, 9, 30), date(2022, 10, 2), "Sep–Oct 2022"),
    (date(2022, 12, 30), date(2023, 1, 2), "Dec 2022 – Jan 2023"),
    (date(2021, 3, 15), date(2025, 1, 10), "2021–2025"),
])
def test_when_a_trip_was(first, last, text):
    assert when([Stop("a", "", "", first, first), Stop("b", "", "", last, last)]) == text


@pytest.mark.parametrize(("who", "first", "with_traveller", "name"), [
    ("blinken-antony-j", date(2022, 10, 3), False, "Oct 2022 · Colombia, Chile and Peru"),
    ("blinken-antony-j", date(2022, 10, 3), True,
     "Blinken · Oct 2022 · Colombia, Chile and Peru"),
    ("rubio-marco", date(2025, 2, 1), True, "Rubio · Feb 2025 · Central America"),
])
def test_compared_trips_are_named_in_the_legend(bundled, who, first, with_traveller, name):
    journey = next(j for j in bundled.journeys_of(who) if j.first_day == first)
    assert part_name(journey, with_traveller=with_traveller) == name


@pytest.mark.parametrize(("choices", "title"), [
    ([("blinken-antony-j", "2022-10-03"), ("rubio-marco", "2025-02-01")],
     "Blinken and Rubio · 2 trips, 2022–2025"),
    ([("blinken-antony-j", "2022-10-03"), ("blinken-antony-j", "2022-10-27")],
     "Blinken · 2 trips, 2022"),
    ([("blinken-antony-j", "2022-10-03"), ("rubio-marco", "2025-02-01"),
      ("kissinger-henry-a", "1976-12-07"), ("pompeo-michael-r", "2018-04-27")],
     "4 travellers · 4 trips, 1976–2025"),
])
def test_comparisons_have_short_titles(bundled, choices, title):
    assert compare_title(bundled, [RecordChoice(w, t) for w, t in choices]) == title


D = date


@pytest.mark.parametrize(("title", "start", "end", "shown"), [
    ("Blinken · Colombia, Chile and Peru, Oct 2022", D(2022, 10, 3), D(2022, 10, 7),
     "Blinken · Colombia, Chile and Peru, Oct 2022"),  # the whole trip: as it was titled
    ("Blinken · Colombia, Chile and Peru, Oct 2022", D(2022, 10, 5), D(2022, 10, 7),
     "Blinken · Chile and Peru, Oct 2022"),  # the dates: what they show
    ("Blinken · Colombia, Chile and Peru, Oct 2022", D(2022, 10, 6), D(2022, 10, 6),
     "Blinken · Peru, Oct 2022"),
    ("good.csv", D(2022, 10, 3), D(2022, 10, 7), "Colombia, Chile and Peru, Oct 2022"),
    ("Itinerary: stops.csv", D(2022, 10, 5), D(2022, 10, 5), "Chile, Oct 2022"),
    ("", D(2022, 10, 3), D(2022, 10, 4), "Colombia, Oct 2022"),
])
def test_one_title_rule_for_what_is_shown(trip, title, start, end, shown):
    from dataclasses import replace

    whole = replace(trip, title=title)
    assert shown_title(whole, whole.between(start, end)) == shown


@pytest.mark.parametrize(("title", "shown"), [("Blinken · Peru", "Blinken · Peru"),
                                              ("", "Itinerary")])
def test_a_view_with_no_stops_keeps_the_trips_title(trip, title, shown):
    from dataclasses import replace

    whole = replace(trip, title=title)
    assert shown_title(whole, whole.between(D(2023, 1, 1), D(2023, 1, 2))) == shown
