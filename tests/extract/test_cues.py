"""Which place names are stops, by the words around them."""

import pytest

from itinerary.extract.cues import Role, Times, continues_list, other_time, role


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("Secretary Kerry will travel May 21 to ", ", where", Role.STOP),
    ("In ", ", Blinken joined", Role.STOP),
    ("While in ", " President Biden", Role.STOP),
    ("She will visit ", " on May 21st", Role.STOP),
    ("he will meet with leaders in ", ".", Role.STOP),
    ("departing ", ", D.C., on May 20th", Role.DEPART),
    ("will depart ", " and return", Role.DEPART),
    ("and return to ", ", where", Role.RETURN),
    ("From ", ", President Biden will travel", Role.FROM),
    ("a solution to the crisis in ", ".", Role.NONE),
    ("the Crown Prince of ", " Sheikh", Role.NONE),
    ("only in the ", " Agreement", Role.NONE),
    ("participate in the ", " Jubilee", Role.NONE),
    ("planning for the MSS to ", " and", Role.NONE),
    ("will travel from the United States to the ", " on June 12", Role.STOP),
    ("will fly from Rome to ", ".", Role.STOP),
    ("a rail network that starts in ", " and", Role.NONE),
    ("the U.S.", "-China relationship", Role.NONE),
    ("express his appreciation to ", " for", Role.NONE),
])
def test_the_words_around_a_place_say_what_it_is(before, after, expected):
    assert role(before, after, other_time(before + "X" + after)) is expected


@pytest.mark.parametrize("clause", [
    "his hosting of the Summit of the Americas last week in X",
    "his visit next week to X",
    "the first visit by a Secretary of State to X since 1985",
    "will also separately travel to X",
])
def test_other_travel_is_not_a_stop(clause):
    before = clause.split("X")[0]
    assert role(before, "", other_time(clause)) is Role.NONE


def test_following_other_travel_is_not_a_stop():
    before = "This visit follows the President’s meeting with leaders and his travel to "
    assert role(before, ".", other_time(before)) is Role.NONE


def test_a_header_with_dates_is_a_stop():
    assert role("", ": October 3–4", False, header=True) is Role.STOP


def test_an_abbreviation_as_adjective_is_not_a_stop():
    assert role("events at ", ". military", False, abbreviation=True) is Role.NONE


@pytest.mark.parametrize(("gap", "expected"), [
    (", ", True), (", and ", True), (" and ", True), (" on ; ", True), (", the ", True),
    (" with ", False), (" to discuss ", False),
])
def test_lists_go_on(gap, expected):
    assert continues_list(gap) is expected


@pytest.mark.parametrize(("low", "high", "expected"), [
    (0, 60, True), (0, 20, False), (24, 60, False), (10, 33, True),
])
def test_other_times_are_found_once_and_looked_up_by_clause(low, high, expected):
    text = "He will visit Lima; last week in Quito; and Cusco."
    assert text.index("last week") == 20
    assert Times(text).within(low, high) is expected
