"""The one presentation of a stop and a meeting: the same card in Markdown, HTML and text,
each escaped only for where it lands."""

import re
from dataclasses import replace
from datetime import date

import pytest

from itinerary.dashboard import cards
from itinerary.model import Meeting, Stop, Trip

D = date(2022, 10, 3)
EVIL = '<b>x</b> **y** $z$ & "q"'


def seen(markdown):
    return re.sub(r"\\(.)", r"\1", markdown)


def test_a_stop_card_tells_the_same_in_every_format(located_trip):
    card = cards.Cards(located_trip).stop(located_trip.stop("lima"))
    assert (card.title, card.dates) == ("3. Lima, Peru", "6–7 Oct 2022")
    assert card.reached == "From Santiago: about 2,459 km, the next day"
    castillo = next(m for m in card.meetings if m.who.startswith("Pedro Castillo"))
    assert (castillo.when, castillo.topics) == ("6 Oct 2022", "migration, drug policy, "
                                                               "diplomacy")
    for told in (seen(cards.markdown(card)), cards.html(card), cards.text(card)):
        assert "From Santiago: about 2,459 km, the next day" in told
        assert "“very productive” — Pedro Castillo" in told
        assert "6 Oct 2022" in told


@pytest.mark.parametrize(("writer", "safe", "unsafe"), [
    (lambda c: cards.markdown(c), r"\<b\>x\</b\> \*\*y\*\* \$z\$", "**y**"),
    (lambda c: cards.html(c), "&lt;b&gt;x&lt;/b&gt; **y** $z$ &amp; &quot;q&quot;", "<b>x</b>"),
    (lambda c: cards.text(c), EVIL, None),
])
def test_each_format_escapes_for_its_place(writer, safe, unsafe):
    stop = Stop("a", "Lima", "Peru", D, D, summary=EVIL, lat=-12.0, lon=-77.0)
    trip = Trip((stop,), (Meeting("a", None, EVIL, summary=EVIL, quote=EVIL),))
    told = writer(cards.Cards(trip).stop(stop))
    assert safe in told
    if unsafe:
        assert unsafe not in told


@pytest.mark.parametrize(("precision", "located", "note", "placing"), [
    ("city", True, "", ""),
    ("region", True, "", "Map position placed at the region, not the exact place"),
    ("country", True, '"Xyz" was not found in Peru',
     'Map position placed at the country\'s centre: "Xyz" was not found in Peru'),
    ("country", True, "", "Map position placed at the country's centre: the place itself "
                          "was not found"),
    ("", False, 'the country "Atlantis" is not recognised',
     'Not on the map: the country "Atlantis" is not recognised'),
    ("", False, "", "Not on the map: the place could not be found"),
])
def test_a_card_says_what_its_position_on_the_map_is(precision, located, note, placing):
    stop = Stop("a", "Xyz", "Peru", D, D, lat=-12.0 if located else None,
                lon=-77.0 if located else None, precision=precision, note=note)
    assert cards.Cards(Trip((stop,))).stop(stop).placing == placing


def test_other_visits_to_one_place_are_named_and_counted():
    stops = tuple(Stop(f"s{i}", "Bogotá", "Colombia", date(2022, 1, 1 + i),
                       date(2022, 1, 1 + i), lat=4.6, lon=-74.1) for i in range(13))
    trip = Trip(stops)
    card = cards.Cards(trip).stop(stops[0])
    assert card.visits.startswith("2 (2 Jan 2022), 3 (3 Jan 2022)")
    assert card.visits.endswith(" and 2 more")
    assert cards.Cards(trip).stop(replace(stops[0], lat=None, lon=None)).visits == ""


def test_a_record_stop_names_its_traveller_and_source_but_not_its_own_columns():
    stop = Stop("4089", "Bogota", "Colombia", D, D, extra={
        "traveler": "Antony John Blinken", "role": "secretary", "trip": "2022-10",
        "source_id": "4089", "host": "Petro"})
    card = cards.Cards(Trip((stop,))).stop(stop)
    assert card.traveller == "Antony John Blinken, Secretary of State"
    assert card.fields == (("host", "Petro"),)
    assert card.source == "Record 4089 of the Office of the Historian's travels."


@pytest.mark.parametrize(("stops", "meetings", "tally"), [
    (1, 0, "1 stop in 1 country"), (3, 1, "3 stops in 1 country · 1 meeting"),
    (2, 10, "2 stops in 1 country · 10 meetings"),
])
def test_the_tally_of_what_is_shown(stops, meetings, tally):
    trip = Trip(tuple(Stop(f"s{i}", "Lima", "Peru", D, D) for i in range(stops)),
                tuple(Meeting("s0", None, "Someone") for _ in range(meetings)))
    assert cards.tally(trip) == tally


def test_the_cards_of_a_long_trip_are_made_in_linear_time():
    import time

    stops = tuple(Stop(f"s{i}", "Lima", "Peru", D, D, lat=-12.0, lon=-77.0)
                  for i in range(20_000))  # every one a visit to the same place
    started = time.perf_counter()
    made = cards.each(Trip(stops))
    assert len(made) == 20_000 and time.perf_counter() - started < 60
