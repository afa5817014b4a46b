import pytest

from itinerary.errors import (
    AssetError,
    DataError,
    GeocodeError,
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
    (DataError, ValueError), (GeocodeError, LookupError), (ServiceError, ConnectionError),
    (AssetError, FileNotFoundError),
])
def test_every_error_is_also_a_builtin(cls, builtin):
    assert issubclass(cls, ItineraryError)
    assert issubclass(cls, builtin)
