"""CSV bytes to rows and back: the file's shape, encodings, bounded reads, and the formula
guard."""

import os
import stat
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itinerary.config import INPUT_MAX_BYTES
from itinerary.errors import DataError, ItineraryError
from itinerary.sources.table import (
    neutralize,
    read_file,
    read_table,
    rows_to_csv,
    unneutralize,
)
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
    ("utf32.csv", "utf32.csv: is UTF-32 text; save it as UTF-8 CSV"),
    ("zero_width_header.csv", "zero_width_header.csv, row 1: header cell 2 holds an invisible "
                              "character, U+200B ZERO WIDTH SPACE; delete it"),
    ("excel_sep_line.csv", "excel_sep_line.csv, row 1: starts with Excel's \"sep=,\" line, not "
                           "a header; delete that line so the header comes first"),
    ("semicolons_and_comma.csv", "semicolons_and_comma.csv, row 1: uses the semicolon as its "
                                 "delimiter; expected comma-separated values"),
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


@pytest.mark.parametrize("marks", [1, 2, 3])
def test_byte_order_marks_are_not_part_of_the_first_column(marks):
    data = b"\xef\xbb\xbf" * marks + b"stop_id,place,country,start_date\na,Lima,Peru,2022-10-06\n"
    assert read_table(data, "bom.csv", required=REQUIRED).header[0] == "stop_id"


@pytest.mark.parametrize(("header", "message"), [
    ("place,country,start\u00a0date", "header cell 3 holds an invisible character, U+00A0 "
                                        "NO-BREAK SPACE; delete it"),
    ("place,country\u00a0,start_date\u2003", None),  # spaces around a name are trimmed
    ("place,coun\u200dtry,start_date", "header cell 2 holds an invisible character, U+200D "
                                       "ZERO WIDTH JOINER; delete it"),
    ("place,country,start_date,no\ufefftes", "header cell 4 holds an invisible character, "
                                             "U+FEFF ZERO WIDTH NO-BREAK SPACE; delete it"),
    ("place,country,start\x1b_date", "header cell 3 holds an invisible character, U+001B a "
                                     "control character; delete it"),
    ("sep=;", 'starts with Excel\'s "sep=;" line, not a header; delete that line so the header '
              "comes first"),
    ("place|country|start_date", "uses the vertical bar as its delimiter; expected "
                                 "comma-separated values"),
])
def test_header_problems_are_named(header, message):
    data = f"{header}\nLima,Peru,2022-10-06\n".encode()
    if message is None:
        assert read_table(data, "h.csv", required=REQUIRED).header == list(REQUIRED)
        return
    with pytest.raises(DataError) as caught:
        read_table(data, "h.csv", required=REQUIRED)
    assert str(caught.value) == f"h.csv, row 1: {message}"


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


@pytest.mark.parametrize(("cell", "number", "safe"), [
    ("=HYPERLINK(\"http://x\")", False, "'=HYPERLINK(\"http://x\")"),
    ("+1+1", False, "'+1+1"),
    ("+1+1", True, "'+1+1"),
    ("+5", True, "+5"),  # a number, in a number column
    ("+5", False, "'+5"),  # in a text column, as OWASP asks
    ("+cmd", False, "'+cmd"),
    ("-74.08", True, "-74.08"),
    ("-74.08", False, "'-74.08"),
    ("-cmd", True, "'-cmd"),
    ("@SUM(A1)", False, "'@SUM(A1)"),
    ("\t=1+1", False, "'\t=1+1"),
    ("\r=1+1", False, "'\r=1+1"),
    ("  =1+1", False, "'  =1+1"),
    ("'=x", False, "''=x"),
    ("Lima", False, "Lima"),
    ("a-b", False, "a-b"),
])
def test_formula_cells_are_neutralised_and_read_back(cell, number, safe):
    assert neutralize(cell, number=number) == safe
    assert unneutralize(safe) == cell


def test_every_column_is_guarded_but_numbers_in_number_columns():
    text = rows_to_csv([{"lat": "-12.04", "lon": "-77.03", "summary": "-5 degrees",
                         "with": "@someone", "quote": "+1"}],
                       ["lat", "lon", "summary", "with", "quote"], numbers=("lat", "lon"))
    assert text.splitlines()[1] == "-12.04,-77.03,'-5 degrees,'@someone,'+1"


@pytest.mark.parametrize(("cells", "formulas"), [
    ("Lima,Peru,-12.04", []),
    ("=1+1,Peru,-12.04", [("place", "=1+1")]),
    ("'=1+1,Peru,-12.04", []),  # guarded: the text "=1+1"
    ("Lima,@Peru,=1", [("country", "@Peru")]),  # a number column's cell is a number or not
    ("\"\tLima\",\" +x\",-x", [("place", "\tLima"), ("country", " +x")]),
])
def test_unguarded_formulas_are_named_by_column(cells, formulas):
    table = read_table(f"place,country,lat\n{cells}\n".encode(), "f.csv",
                       required=("place",))
    assert table.records[0][1].formulas(numbers=("lat",)) == formulas


# Nodes the tests make in their own folder: /dev/zero and /dev/urandom are 1:5 and 1:9.
@pytest.mark.parametrize("number", [os.makedev(1, 5), os.makedev(1, 9)])
def test_an_endless_input_is_read_no_further_than_its_first_nul_byte(tmp_path, number):
    endless = tmp_path / "endless.csv"
    os.mknod(endless, stat.S_IFCHR | 0o444, number)
    data = read_file(endless)
    assert b"\x00" in data and len(data) <= 1 << 20
    with pytest.raises(DataError) as caught:
        read_table(endless, None, required=REQUIRED)
    assert str(caught.value) == (
        f"{endless}: is not a CSV text file (it contains NUL bytes, as binary or UTF-16 "
        "files do); expected UTF-8 CSV")


def test_an_input_over_the_upload_limit_is_refused(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"place,country,start_date\n" + b"a" * INPUT_MAX_BYTES)
    with pytest.raises(DataError) as caught:
        read_file(big)
    assert str(caught.value) == f"{big}: is larger than 20 MB; expected at most 20 MB"


def test_written_rows_read_back_the_same():
    rows = [{"place": "=cmd", "country": "Peru", "start_date": "2022-10-06"}]
    text = rows_to_csv(rows, REQUIRED)
    assert text == "place,country,start_date\r\n'=cmd,Peru,2022-10-06\r\n"
    assert read_table(text.encode(), "x.csv", required=REQUIRED).records[0][1] == rows[0]


# Property: any text a stop can hold, line breaks and control characters included, is written
# so that it reads back the same. A bare "\r" once went out unquoted and broke the file.
_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "place": _CELL.filter(str.strip), "country": _CELL, "start_date": _CELL}),
    min_size=1, max_size=5))
def test_any_written_rows_read_back_the_same(rows):
    text = rows_to_csv(rows, REQUIRED)
    assert [r for _, r in read_table(text.encode(), "x.csv", required=REQUIRED).records] == rows


@pytest.mark.parametrize("cell", ["a\rb", "a\r", "\r", "a\nb", "\r\n", 'say "hi"\r', "\x1b[2J"])
def test_line_breaks_in_a_cell_survive_the_round_trip(cell):
    rows = [{"place": "Lima", "country": cell, "start_date": "2022-10-06"}]
    text = rows_to_csv(rows, REQUIRED)
    assert read_table(text.encode(), "x.csv", required=REQUIRED).records[0][1] == rows[0]


# Property: whatever bytes arrive, the reader answers with the package's own error or a table.
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_table_or_a_package_error(data):
    try:
        read_table(data, "fuzz.csv", required=REQUIRED)
    except ItineraryError as exc:
        assert str(exc).startswith("fuzz.csv")
