"""A trip of the record as a link names it: a value that compares and hashes by its words."""

import dataclasses

import pytest

from itinerary.dashboard.choices import ALL, RecordChoice


def test_choices_are_equal_by_traveller_and_day_and_can_key_a_cache():
    one, same = RecordChoice("rubio-marco", "2025-02-01"), RecordChoice("rubio-marco",
                                                                         "2025-02-01")
    assert one == same and hash(one) == hash(same)
    assert {one: 1}[same] == 1
    assert RecordChoice("rubio-marco", ALL) != one


def test_a_choice_cannot_change_once_made():
    with pytest.raises(dataclasses.FrozenInstanceError):
        RecordChoice("rubio-marco", ALL).trip = "2025-02-01"  # type: ignore[misc]


def test_every_trip_is_named_all_in_a_link():
    assert ALL == "all"
