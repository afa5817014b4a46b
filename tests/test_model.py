from datetime import date

import pytest

from itinerary.model import TOPICS, Stop, Trip, format_range


@pytest.mark.parametrize(("start", "end", "text"), [
    (date(2022, 10, 5), date(2022, 10, 5), "5 Oct 2022"),
    (date(2022, 10, 3), date(2022, 10, 4), "3–4 Oct 2022"),
    (date(2022, 9, 30), date(2022, 10, 2), "30 Sep – 2 Oct 2022"),
    (date(2022, 12, 30), date(2023, 1, 2), "30 Dec 2022 – 2 Jan 2023"),
])
def test_format_range(start, end, text):
    assert format_range(start, end) == text


def stop(stop_id, start, end, **kw):
    return Stop(stop_id, kw.pop("place", "X"), kw.pop("country", "Y"), start, end, **kw)


@pytest.mark.parametrize(("start", "end", "overlaps"), [
    (date(2022, 10, 1), date(2022, 10, 2), False),
    (date(2022, 10, 1), date(2022, 10, 3), True),
    (date(2022, 10, 4), date(2022, 10, 4), True),
    (date(2022, 10, 5), date(2022, 10, 9), True),
    (date(2022, 10, 6), date(2022, 10, 9), False),
])
def test_overlaps_counts_shared_days_inclusively(start, end, overlaps):
    assert stop("a", date(2022, 10, 3), date(2022, 10, 5)).overlaps(start, end) is overlaps


def test_trip_numbers_and_bounds():
    trip = Trip((stop("a", date(2022, 10, 3), date(2022, 10, 4)),
                 stop("b", date(2022, 10, 5), date(2022, 10, 5))))
    assert trip.first_day == date(2022, 10, 3)
    assert trip.last_day == date(2022, 10, 5)
    assert trip.number("b") == 2
    assert trip.stop("zz") is None


def test_label_skips_missing_parts():
    assert stop("a", date(2022, 1, 1), date(2022, 1, 1), place="", country="Peru").label == "Peru"
    assert stop("a", date(2022, 1, 1), date(2022, 1, 1), place="Lima",
                country="Peru").label == "Lima, Peru"


def test_topic_vocabulary_is_small_and_lower_case():
    assert all(t == t.lower() for t in TOPICS)
    assert len(TOPICS) == len(set(TOPICS)) <= 12
