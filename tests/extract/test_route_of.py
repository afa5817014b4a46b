"""Stops and their days from an article's sentences."""

from datetime import date

import pytest

from itinerary.extract.places import PlaceFinder
from itinerary.extract.route_of import RouteReader
from itinerary.extract.sentences import sentences

REF = date(2013, 5, 17)


def route(gazetteer, text, reference=REF):
    visits = RouteReader(PlaceFinder(gazetteer, text), reference).read(sentences(text))
    return [(v.mention.text, v.first.isoformat(), v.last.isoformat(), tuple(v.stated))
            for v in visits]


def test_a_return_visit_is_a_second_stop_and_home_is_none(gazetteer):
    text = ("Kerry will travel May 21 to Muscat. On May 22, he will visit Amman.\n\n"
            "On May 26, he will depart Muscat and return to Amman. He will depart Amman "
            "and return to Washington on May 27.")
    assert [r[:3] for r in route(gazetteer, text)] == [
        ("Muscat", "2013-05-21", "2013-05-26"), ("Amman", "2013-05-22", "2013-05-22"),
        ("Amman", "2013-05-26", "2013-05-27")]


def test_a_country_with_a_town_is_that_town_and_lends_its_days(gazetteer):
    text = ("Blinken will travel to Colombia, Chile, and Peru.\n\nColombia: October 3–4\n\n"
            "Petro’s meeting with Blinken in Bogotá was cordial.\n\nChile: October 5\n\n"
            "Meeting with President Boric in Santiago, Blinken praised trade.")
    assert route(gazetteer, text, date(2022, 10, 8)) == [
        ("Bogotá", "2022-10-03", "2022-10-04", (True, True)),
        ("Santiago", "2022-10-05", "2022-10-05", (True, True)),
        ("Peru", "2022-10-05", "2022-10-05", (False, False))]


def test_an_overview_bounds_the_trip_and_undated_stops_are_inferred(gazetteer):
    text = ("Blinken will travel to Israel, the West Bank, Morocco, and Algeria March 26-30."
            "\n\nHe will start his trip in Israel.\n\nHe will then travel to Algiers.")
    assert route(gazetteer, text, date(2022, 3, 24)) == [
        ("Israel", "2022-03-26", "2022-03-26", (False, False)),
        ("West Bank", "2022-03-26", "2022-03-26", (False, False)),
        ("Morocco", "2022-03-26", "2022-03-26", (False, False)),
        ("Algiers", "2022-03-26", "2022-03-30", (False, False))]


@pytest.mark.parametrize("text", [
    "He will discuss the crisis in Syria.",
    "He will leave Washington.",
    "This follows his travel to Japan and his visit next week to Europe.",
    "Boric, while in New York in September, spoke. He travels to Lima on October 6.",
])
def test_places_only_mentioned_are_not_stops(gazetteer, text):
    assert [r[0] for r in route(gazetteer, text, date(2022, 10, 1))] in ([], ["Lima"])


def test_stops_told_out_of_order_are_put_in_the_order_of_their_days(gazetteer):
    text = ("Biden will travel to Rome, Italy on October 30-31. He will also visit "
            "Vatican City on October 29.")
    assert [r[0] for r in route(gazetteer, text, date(2021, 10, 14))] == [
        "Vatican City", "Rome"]


def test_a_day_earlier_across_the_date_line_keeps_its_place(gazetteer):
    text = "He travels to Suva, Fiji on May 12. He travels to Honolulu on May 11."
    assert [r[0] for r in route(gazetteer, text)] == ["Suva", "Honolulu"]


def test_a_month_alone_dates_every_stop_in_it(gazetteer):
    text = "Harris will travel to Singapore and Vietnam next month."
    assert route(gazetteer, text, date(2021, 7, 30)) == [
        ("Singapore", "2021-08-01", "2021-08-31", (False, False)),
        ("Vietnam", "2021-08-01", "2021-08-31", (False, False))]


@pytest.mark.parametrize(("text", "expected"), [
    # Windsor is larger in Canada; on a trip to London it is the English town, each time.
    ("Biden will travel to London on June 10. On June 13, he will travel to Windsor. In "
     "Windsor, he will also meet Prince Charles. On June 14 he will visit Windsor again.",
     [("London", "GB"), ("Windsor", "GB")]),
    # Its country written beside it: Santiago stays in Chile after a stop in Colombia.
    ("Ortega will travel to Bogotá, Colombia, on October 3, then to Santiago, Chile, on "
     "October 5.", [("Bogotá", "CO"), ("Santiago", "CL")]),
])
def test_a_town_stays_the_one_its_first_mention_or_its_country_says(gazetteer, text,
                                                                    expected):
    visits = RouteReader(PlaceFinder(gazetteer, text), REF).read(sentences(text))
    assert [(v.mention.text, v.mention.country_code) for v in visits] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A day told before any place, then a stop with days of its own: the stop keeps them.
    ("Released on May 14, 2013. Kerry will travel May 21 to Muscat.",
     [("Muscat", "2013-05-21", "2013-05-21", (True, True))]),
    # A stop whose sentence gives no day takes the day told before it, marked inferred.
    ("On May 21, the Secretary will set out. He will travel to Muscat.",
     [("Muscat", "2013-05-21", "2013-05-21", (False, False))]),
])
def test_a_day_before_the_first_stop_is_its_day_only_when_it_has_none(gazetteer, text,
                                                                      expected):
    assert route(gazetteer, text) == expected
