"""The one error tree: every error is an ItineraryError and a fitting builtin."""

import pytest

from itinerary.errors import (
    AssetError,
    DataError,
    DateError,
    ItineraryError,
    Problem,
    ServiceError,
)


@pytest.mark.parametrize(("problem", "text"), [
    (Problem("a.csv", "is empty"), "a.csv: is empty"),
    (Problem("a.csv", "too many fields", row=3), "a.csv, row 3: too many fields"),
    (Problem("a.csv", "bad date", row=2, column="start_date"),
     "a.csv, row 2, column start_date: bad date"),
])
def test_problem_names_file_row_and_column(problem, text):
    assert str(problem) == text


def test_data_error_counts_the_other_problems():
    error = DataError([Problem("a.csv", "one", row=2), Problem("a.csv", "two", row=3),
                       Problem("a.csv", "three", row=4)])
    assert str(error) == "a.csv, row 2: one (and 2 more problems)"
    assert str(DataError([Problem("a.csv", "x")])) == "a.csv: x"


def test_data_error_needs_a_problem():
    with pytest.raises(ValueError, match="at least one problem"):
        DataError([])


@pytest.mark.parametrize(("cls", "builtin"), [
    (DataError, ValueError), (DateError, ValueError), (ServiceError, ConnectionError),
    (AssetError, FileNotFoundError),
])
def test_every_error_is_also_a_builtin(cls, builtin):
    assert issubclass(cls, ItineraryError)
    assert issubclass(cls, builtin)


@pytest.mark.parametrize(("reason", "value", "shown"), [
    (DateError.NOT_ISO, "Oct 5", '"Oct 5"'),
    (DateError.NOT_ISO, "x" * 50, '"' + "x" * 39 + '…"'),
    (DateError.OUT_OF_RANGE, "0202-10-05", "0202-10-05"),
])
def test_a_date_error_says_what_it_found_by_its_reason(reason, value, shown):
    error = DateError(reason, value, "expected a date")
    assert (error.reason, error.value, error.shown, str(error)) == (
        reason, value, shown, "expected a date")
