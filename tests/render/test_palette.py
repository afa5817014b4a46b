"""The colours of trips compared: distinct, and repeating in order past eight."""

import re

import pytest

from itinerary.render.palette import PART_COLORS, part_color


def test_eight_distinct_colours():
    assert len(set(PART_COLORS)) == 8
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in PART_COLORS)


@pytest.mark.parametrize(("index", "color"), [(0, "#0072b2"), (1, "#d55e00"), (8, "#0072b2"),
                                              (9, "#d55e00"), (7, "#f0e442")])
def test_colours_repeat_in_order(index, color):
    assert part_color(index) == color
