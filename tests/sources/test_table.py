"""CSV bytes to rows and back: the file's shape, encodings, and the formula guard."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itinerary.errors import DataError, ItineraryError
from itinerary.sources.table import neutralize, read_table, rows_to_csv, unneutralize
from tests.paths import BAD

REQUIRED = ("place", "country", "start_date")

BAD_TABLES = [
    ("missing_column.csv",
     "missing_column.csv, row 1: missing required column country; found stop_id, place, "
     "start_date"),
    ("empty.csv", "empty.csv: is empty; expected a CSV file with a header row"),
    ("header_only.csv", "header_only.csv: has a header but no rows; expected at least one row"),
    ("semicolons.csv", "semicolons.csv, row 1: uses the semicolon as its delimiter; expected "
                       "comma-separated values"),
    ("ragged.csv", "ragged.csv, row 2: expected 4 fields as in the header, found 5"),
    ("unclosed_quote.csv", "unclosed_quote.csv, row 2: is not valid CSV: a quoted field is "
                           "never closed"),
    ("latin1.csv", "latin1.csv: is not UTF-8 text (byte 0xe1 at offset 40); save it as UTF-8 "
                   "CSV"),
    ("utf16.csv", "utf16.csv: is UTF-16 text; save it as UTF-8 CSV"),
    ("binary.csv", "binary.csv: is not a CSV text file (it contains NUL bytes, as binary or "
                   "UTF-16 files do); expected UTF-8 CSV"),
]


@pytest.mark.parametrize(("name", "message"), BAD_TABLES)
def test_a_badly_shaped_file_gets_an_exact_message(name, message):
    with pytest.raises(DataError) as caught:
        read_table(BAD / name, name, required=REQUIRED)
    assert str(caught.value.problems[0]) == message


def test_rows_are_numbered_as_in_a_spreadsheet_and_blank_lines_skipped():
    text = "\ufeffstop_id,place,country,start_date\n\na,Lima,Peru,2022-10-06\n,,,\n"
    table = read_table(text.encode(), "bom.csv", required=REQUIRED)
    assert table.header == ["stop_id", "place", "country", "start_date"]
    assert table.records == [(3, {"stop_id": "a", "place": "Lima", "country": "Peru",
                                  "start_date": "2022-10-06"})]


def test_an_unreadable_path_is_a_data_error(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(DataError) as caught:
        read_table(missing, None, required=REQUIRED)
    assert str(caught.value) == f"{missing}: cannot be read: No such file or directory"


def test_a_duplicate_column_is_named():
    with pytest.raises(DataError) as caught:
        read_table(b"place,country,start_date,place\nA,B,2022-01-01,C\n", "d.csv",
                   required=REQUIRED)
    assert str(caught.value) == "d.csv, row 1: column place appears more than once"


def test_a_very_wide_header_is_checked_in_linear_time():
    # 80,000 columns once took 90 s (a count of each name over the whole header).
    header = ",".join([*REQUIRED, *(f"c{i}" for i in range(80_000))])
    started = time.perf_counter()
    with pytest.raises(DataError):
        read_table(f"{header}\n".encode(), "wide.csv", required=REQUIRED)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"),
    ("+5", "+5"),
    ("+cmd", "'+cmd"),
    ("-74.08", "-74.08"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("'=x", "''=x"),
    ("Lima", "Lima"),
])
def test_formula_cells_are_neutralised_and_read_back(cell, safe):
    assert neutralize(cell) == safe
    assert unneutralize(safe) == cell


def test_written_rows_read_back_the_same():
    rows = [{"place": "=cmd", "country": "Peru", "start_date": "2022-10-06"}]
    text = rows_to_csv(rows, REQUIRED)
    assert text == "place,country,start_date\n'=cmd,Peru,2022-10-06\n"
    assert read_table(text.encode(), "x.csv", required=REQUIRED).records[0][1] == rows[0]


# Property: whatever bytes arrive, the reader answers with the package's own error or a table.
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_table_or_a_package_error(data):
    try:
        read_table(data, "fuzz.csv", required=REQUIRED)
    except ItineraryError as exc:
        assert str(exc).startswith("fuzz.csv")
