"""Place names found with the gazetteer and the country names."""

import pytest

from itinerary.extract.places import PlaceFinder


@pytest.fixture(scope="module")
def finder(gazetteer):
    return PlaceFinder(gazetteer, "A trip to the United Kingdom and Colombia. A summit.")


@pytest.mark.parametrize(("sentence", "found"), [
    ("He will visit Addis Ababa and Port Moresby.", [("Addis Ababa", "ET", "city"),
                                                    ("Port Moresby", "PG", "city")]),
    ("She travels to the Republic of Korea.", [("Republic of Korea", "KR", "country")]),
    ("In Bogotá, Petro", [("Bogotá", "CO", "city")]),
    ("at Windsor", [("Windsor", "GB", "city")]),
    ("the Summit in Lima", [("Lima", "PE", "city")]),
    ("the Middle East and Southeast Asia", []),
    ("the NATO and OAS leaders", []),
])
def test_places_are_found_longest_first(finder, sentence, found):
    assert [(m.text, m.country_code, m.kind) for m in finder.mentions(sentence)] == found


def test_a_town_in_a_given_country(finder):
    (cornwall,) = finder.mentions("in Cornwall")
    assert finder.in_country(cornwall, "GB").country_code == "GB"
    assert finder.in_country(cornwall, "ZZ") is None


def test_a_long_text_costs_linear_time(finder):
    sentence = "He went to Lima, Peru and then Quito. " * 20_000
    assert len(finder.mentions(sentence)) == 60_000
