"""Errors as the page shows them: one problem as it is, several listed, past fifty counted,
and every word from outside escaped."""

import pytest
from streamlit.testing.v1 import AppTest

from itinerary.errors import DataError, ItineraryError, Problem


def shown(exc: ItineraryError) -> str:
    def page(exc):
        from itinerary_app.messages import show_error

        show_error(exc)

    at = AppTest.from_function(page, args=(exc,)).run()
    (error,) = at.error
    return error.value


@pytest.mark.parametrize(("exc", "expected"), [
    (DataError([Problem("a*b*.csv", "expected a date", 2, "start_date")]),
     r"a\*b\*\.csv, row 2, column start\_date\: expected a date"),
    (DataError([Problem("x.csv", "one", 2), Problem("x.csv", "two", 3)]),
     "This itinerary has 2 problems:\n\n- x\\.csv, row 2\\: one\n- x\\.csv, row 3\\: two"),
])
def test_problems_are_listed_and_escaped(exc, expected):
    assert shown(exc) == expected


def test_past_fifty_problems_are_counted():
    text = shown(DataError([Problem("x.csv", "bad", row) for row in range(2, 62)]))
    assert text.count("\n- ") == 50 and text.endswith("…and 10 more.")
