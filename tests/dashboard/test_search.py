"""Search: meetings and stops found by any word, accents and case aside."""

from datetime import date

import pytest

from itinerary.dashboard.search import SearchIndex, describe


@pytest.fixture(scope="module")
def index(trip):
    return SearchIndex(trip)


def found(trip, index, query, shown=None):
    return [describe(trip, hit) for hit in index.find(query, shown)]


@pytest.mark.parametrize(("query", "first", "count"), [
    ("Petro", "1. Bogotá · 3–4 Oct 2022 · Gustavo Petro, President of Colombia", 2),
    ("PETRO", "1. Bogotá · 3–4 Oct 2022 · Gustavo Petro, President of Colombia", 2),
    ("genéus", "3. Lima · 6–7 Oct 2022 · Jean Victor Généus, Foreign Minister of Haiti", 1),
    ("geneus", "3. Lima · 6–7 Oct 2022 · Jean Victor Généus, Foreign Minister of Haiti", 1),
    ("migration", "1. Bogotá · 3–4 Oct 2022 · Gustavo Petro, President of Colombia", 4),
    ("migra", "1. Bogotá · 3–4 Oct 2022 · Gustavo Petro, President of Colombia", 4),
    ("foreign minister", "1. Bogotá · 3–4 Oct 2022 · Álvaro Leyva, Foreign Minister of "
                         "Colombia", 5),
    ("lima castillo", "3. Lima · 6 Oct 2022 · Pedro Castillo, President of Peru", 1),
    ("240 million", "3. Lima · 6–7 Oct 2022 · OAS General Assembly, foreign ministers of the "
                    "Americas", 1),
])
def test_meetings_are_found_by_person_role_topic_place_or_summary(trip, index, query, first,
                                                                  count):
    results = found(trip, index, query)
    assert (results[0], len(results)) == (first, count)


@pytest.mark.parametrize("query", ["", "   ", "zzz", "etro"])
def test_nothing_is_found_for_nothing_or_the_middle_of_a_word(trip, index, query):
    assert found(trip, index, query) == []


def test_a_stop_without_matching_meetings_is_found_by_itself(trip):
    from dataclasses import replace

    plain = replace(trip, meetings=())
    assert found(plain, SearchIndex(plain), "santiago") == ["2. Santiago · 5 Oct 2022"]


def test_search_keeps_to_the_chosen_dates(trip, index):
    shown = trip.between(date(2022, 10, 7), date(2022, 10, 7))
    # Castillo's meeting was on 6 Oct; Lima's own summary still names him.
    assert found(trip, index, "castillo", shown) == ["3. Lima · 6–7 Oct 2022"]
    assert len(found(trip, index, "migration", shown)) == 2  # the undated ones at Lima
