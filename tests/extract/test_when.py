"""Dates in sentences."""

from datetime import date

import pytest

from itinerary.extract.when import dates_in, latest_year, nearest_year

REF = date(2022, 5, 2)


@pytest.mark.parametrize(("text", "first", "last", "day"), [
    ("on May 21", date(2022, 5, 21), date(2022, 5, 21), True),
    ("On May 23-24,", date(2022, 5, 23), date(2022, 5, 24), True),
    ("March 30 to April 2", date(2022, 3, 30), date(2022, 4, 2), True),
    ("from March 3 to 8, 2022", date(2022, 3, 3), date(2022, 3, 8), True),
    ("May 23rd through May 26th", date(2022, 5, 23), date(2022, 5, 26), True),
    ("May 21st and 22nd", date(2022, 5, 21), date(2022, 5, 22), True),
    ("from May 5 – May 9, 2022", date(2022, 5, 5), date(2022, 5, 9), True),
    ("Friday, 12 March", date(2022, 3, 12), date(2022, 3, 12), True),
    ("on 12-14 March 2021", date(2021, 3, 12), date(2021, 3, 14), True),
    ("on Monday", date(2022, 5, 2), date(2022, 5, 2), True),
    ("on Friday", date(2022, 5, 6), date(2022, 5, 6), True),
    ("in June 2021", date(2021, 6, 1), date(2021, 6, 30), False),
    ("next month", date(2022, 6, 1), date(2022, 6, 30), False),
    ("During the week of October 4", date(2022, 10, 4), date(2022, 10, 10), False),
    ("December 30 to January 2, 2023", date(2022, 12, 30), date(2023, 1, 2), True),
    ("tomorrow", date(2022, 5, 3), date(2022, 5, 3), True),
])
def test_dates_are_read(text, first, last, day):
    (when,) = dates_in(text, REF)
    assert (when.first, when.last, when.day) == (first, last, day)


def test_a_bare_ordinal_takes_the_month_in_hand():
    assert [w.first for w in dates_in("on May 12 and again on the 13th.", REF)] == [
        date(2022, 5, 12), date(2022, 5, 13)]


@pytest.mark.parametrize("text", ["February 30", "the 26th Conference", "you may see",
                                  "5 per cent", "May 5 and 25 other leaders in 2022"])
def test_what_is_not_a_date_is_not_read_as_one(text):
    assert [w.text for w in dates_in(text, REF) if w.day and w.first.month == 2] == []
    assert all(w.last.month != 5 or w.first.day in (5,) for w in dates_in(text, REF))


def test_a_year_left_out_is_the_one_nearest_publication():
    assert nearest_year(date(2021, 12, 20), 1, 3) == 2022
    assert nearest_year(date(2022, 2, 1), 11, 30) == 2021
    assert latest_year("in 2003 and in August 2022") == 2022
    assert latest_year("no years") is None


def test_a_long_text_costs_linear_time():
    text = "May 5 " * 200_000
    assert len(dates_in(text, REF)) == 200_000
