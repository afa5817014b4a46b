"""Plain numbers and places on the map: what a file, a service or a cache may give."""

from __future__ import annotations

import math

import pytest

from itinerary.points import decimal, point_problem


@pytest.mark.parametrize(("text", "number"), [
    ("4.6", 4.6), ("-74.08", -74.08), ("+1", 1.0), (" 12 ", 12.0), (".5", 0.5), ("5.", 5.0),
    ("1e3", 1000.0), ("-2.5E-2", -0.025), ("0", 0.0),
])
def test_plain_numbers_are_read(text, number):
    assert decimal(text) == number


@pytest.mark.parametrize("text", [
    "-1_2.04", "1_000", "nan", "NaN", "inf", "-Infinity", "0x1F", "1,5", "", "-", ".", "e3",
    "1e", "١٢", "1 2", "12°",
])
def test_anything_else_is_not_a_number(text):
    with pytest.raises(ValueError, match="not a plain number"):
        decimal(text)


@pytest.mark.parametrize(("lat", "lon"), [
    (4.6, -74.1), ("4.6", "-74.1"), (-90, 180), (0, 1e-6), (0, 6e-7), (0.0, -0.5), (90, 0),
])
def test_places(lat, lon):
    assert point_problem(lat, lon) is None


@pytest.mark.parametrize(("lat", "lon", "problem"), [
    (None, None, "None, None are not numbers"),
    ("abc", "1", "'abc', '1' are not numbers"),
    ("1_2", "3", "'1_2', '3' are not numbers"),
    ("x" * 60, "1", "'" + "x" * 38 + "…, '1' are not numbers"),
    (True, 1, "True, 1 are not numbers"),
    ({"a": 1}, 2, "{'a': 1}, 2 are not numbers"),
    (math.inf, 3, "inf, 3.0 are not finite"),
    (math.nan, 3, "nan, 3.0 are not finite"),
    (95, 10, "95, 10 lie outside -90..90, -180..180"),
    (10, "1000", "10, 1000 lie outside -90..90, -180..180"),
    (0, 0, "0, 0 is where nothing is placed"),
    ("0", "-0.0", "0, 0 is where nothing is placed"),
    # Files write six decimals: these are written 0, 0, and are 0, 0.
    (1e-9, 1e-9, "0, 0 is where nothing is placed"),
    (0, 4e-7, "0, 0 is where nothing is placed"),
    ("-0.0000001", "0.0000004", "0, 0 is where nothing is placed"),
])
def test_not_places(lat, lon, problem):
    assert point_problem(lat, lon) == problem
