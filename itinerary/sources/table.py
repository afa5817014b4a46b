"""CSV files as tables of text, in both directions: bytes to rows and rows to text.

Reading decodes (UTF-8, with a clear message for other encodings), checks the file's shape
(a header, unique column names, the same number of fields in every row) but not its values,
and numbers rows as a spreadsheet does: the header is row 1. Writing guards cells that a
spreadsheet would run as formulas (OWASP's six signs, in every column); reading undoes that
guard, so files round-trip exactly, and names the cells that come unguarded.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from itinerary.config import INPUT_MAX_BYTES, UPLOAD_MAX_MB
from itinerary.errors import DataError, Problem
from itinerary.points import decimal

Source = str | Path | bytes
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FIELD_MAX = csv.field_size_limit()
_OTHER_DELIMITERS = {";": "semicolon", "\t": "tab", "|": "vertical bar"}
BOM = "\ufeff"
_EXCEL_SEP = re.compile(r"sep=.?")
_CHUNK = 1 << 20
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # as newline="" reads it


@dataclass
class Table:
    """A CSV file as its header and records, each record with its spreadsheet row number."""

    name: str
    header: list[str]
    records: list[tuple[int, Row]]
    # (column, cell) of each unguarded cell that starts like a formula, by row (see Row).
    formulas: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def take(self) -> Iterator[tuple[int, Row]]:
        """The records in order, each let go of once read, so that a large file's rows do
        not all stay in memory beside what is made of them. The table is empty after."""
        self.records.reverse()
        while self.records:
            yield self.records.pop()


def read_file(path: Path, name: str | None = None) -> bytes:
    """A file's bytes, or a DataError naming it: the one place input files are opened.

    It is read a chunk at a time, up to `INPUT_MAX_BYTES`, and no further than the first
    chunk that holds a NUL byte (which no text file has; the readers then say what the file
    is), so an endless input such as /dev/zero or a FIFO costs bounded memory and time.
    """
    name = name or str(path)
    try:
        with path.open("rb") as source:
            return read_stream(source, name)
    except OSError as exc:
        raise DataError([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from exc


def too_large(name: str) -> Problem:
    """The problem of an input past the upload limit, file or pasted text alike."""
    return Problem(name, f"is larger than {UPLOAD_MAX_MB} MB; expected at most "
                   f"{UPLOAD_MAX_MB} MB")


def read_stream(source: BinaryIO, name: str) -> bytes:
    """An open file's bytes, read with the same bounds as `read_file`."""
    data = bytearray()
    try:
        while chunk := source.read(_CHUNK):
            data += chunk
            if len(data) > INPUT_MAX_BYTES:
                raise DataError([too_large(name)])
            if b"\x00" in chunk:
                break
    except OSError as exc:
        raise DataError([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from exc
    return bytes(data)


def read_table(source: Source, name: str | None, *, required: tuple[str, ...],
               numbers: Collection[str] = ()) -> Table:
    """Decode and parse a CSV file, checking its shape but not its values; the cells a
    spreadsheet would run as formulas are found too (other than in the `numbers` columns),
    for the reader of its values to refuse."""
    name = name or (str(source) if isinstance(source, (str, Path)) else "upload.csv")
    data = read_file(Path(source), name) if isinstance(source, (str, Path)) else source
    rows = _parse_csv(_decode(data, name), name)
    header = [h.strip() for h in next(rows)]
    _check_header(header, name, required)
    columns = {h: i for i, h in enumerate(header)}
    problems: list[Problem] = []
    records: list[tuple[int, Row]] = []
    formulas: dict[int, list[tuple[str, str]]] = {}
    for index, cells in enumerate(rows, start=2):
        if not any(c.strip() for c in cells):
            continue  # blank lines carry no data; spreadsheets often end with some
        if len(cells) != len(header):
            problems.append(Problem(name, f"expected {len(header)} fields as in the header, "
                                    f"found {len(cells)}", row=index))
            continue
        row = Row(columns, cells)
        if found := row.formulas(numbers):
            formulas[index] = found
        records.append((index, row))
    if problems:
        raise DataError(problems)
    if not records:
        raise DataError([Problem(name, "has a header but no rows; expected at least one row")])
    return Table(name, header, records, formulas)


class Row(Mapping[str, str]):
    """One record's cells by column name: a mapping over a list, as a dict per row would
    take several times the memory of a file of half a million rows.

    A cell reads as the text it holds, with the formula guard undone ("'=x" is "=x");
    `formulas` names the cells that a spreadsheet would run as written, unguarded.
    """

    __slots__ = ("_cells", "_columns")

    def __init__(self, columns: dict[str, int], cells: list[str]) -> None:
        self._columns, self._cells = columns, cells

    def __getitem__(self, column: str) -> str:
        return unneutralize(self._cells[self._columns[column]])

    def formulas(self, numbers: Collection[str] = ()) -> list[tuple[str, str]]:
        """(column, cell) of each unguarded cell of text that starts like a formula; the
        `numbers` columns hold numbers (-74.08 is a longitude), which are checked as such."""
        return [(column, cell) for column, at in self._columns.items()
                if column not in numbers and is_formula(cell := self._cells[at])]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def rows_to_csv(rows: Sequence[Mapping[str, str]], columns: Sequence[str],
                numbers: Collection[str] = ()) -> str:
    """Rows of text as CSV, formula-like cells neutralised in every column; a plain number
    stays a number in the `numbers` columns."""
    out = io.StringIO()
    # With "\r\n" as the line end the writer quotes any cell holding "\r" or "\n"; with
    # "\n" alone a bare "\r" went out unquoted and the file no longer read back.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    flags = [column in numbers for column in columns]
    for row in rows:
        writer.writerow([neutralize(row.get(column, ""), number=number)
                         for column, number in zip(columns, flags, strict=True)])
    return out.getvalue()


def is_formula(cell: str) -> bool:
    """Whether a spreadsheet would run the cell as a formula: OWASP's rule for CSV
    injection, a cell that starts (after spaces) with =, +, -, @, a tab or a carriage
    return."""
    return cell.lstrip(" ").startswith(FORMULA_START)


def neutralize(cell: str, *, number: bool = False) -> str:
    """Prefix a formula-like cell with a quote so spreadsheets show it as text.

    With `number`, a plain number (a longitude such as -74.08) is left alone. A cell that
    already starts with quotes before a formula character gets one more, so that reading
    the file back (which removes one) restores every cell exactly.
    """
    bare = cell.lstrip("'")
    if is_formula(bare) and not (number and bare == cell and _is_number(cell)):
        return "'" + cell
    return cell


def unneutralize(cell: str) -> str:
    """Undo `neutralize`: "'=x" was written for "=x" so spreadsheets would not run it."""
    if cell.startswith("'") and is_formula(cell.lstrip("'")):
        return cell[1:]
    return cell


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise DataError([Problem(name, "is empty; expected a CSV file with a header row")])
    # UTF-32's little-endian mark begins with UTF-16's, so it is looked for first.
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise DataError([Problem(name, "is UTF-32 text; save it as UTF-8 CSV")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError([Problem(name, "is UTF-16 text; save it as UTF-8 CSV")])
    if b"\x00" in data:
        raise DataError([Problem(name, "is not a CSV text file (it contains NUL bytes, as "
                                 "binary or UTF-16 files do); expected UTF-8 CSV")])
    try:
        # Files saved twice by some editors carry two byte order marks; neither is text.
        return data.decode("utf-8").lstrip(BOM)
    except UnicodeDecodeError as exc:
        raise DataError([Problem(name, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at "
                                 f"offset {exc.start}); save it as UTF-8 CSV")]) from exc


def _parse_csv(text: str, name: str) -> Iterator[list[str]]:
    """The file's rows, read as they are asked for; the header first."""
    # Lines as they are read: a StringIO would first copy the text, at four bytes a
    # character (80 MB for a 20 MB file).
    reader = csv.reader((m.group() for m in _LINE.finditer(text)), strict=True)
    row = 0
    try:
        for cells in reader:
            row += 1
            yield cells
    except csv.Error as exc:
        why = str(exc)
        if "end of data" in why:
            why = "a quoted field is never closed"
        elif "field larger than field limit" in why:
            why = f"a field is longer than {FIELD_MAX:,} characters"
        raise DataError([Problem(name, f"is not valid CSV: {why}", row=row + 1)]) from exc
    if row == 0:
        raise DataError([Problem(name, "is empty; expected a CSV file with a header row")])


def _check_header(header: list[str], name: str, required: tuple[str, ...]) -> None:
    if len(header) <= 2 and _EXCEL_SEP.fullmatch(",".join(header)):
        raise DataError([Problem(name, f'starts with Excel\'s "{",".join(header)}" line, not '
                                 "a header; delete that line so the header comes first", row=1)])
    missing = [c for c in required if c not in header]
    if missing:
        _check_delimiter(header, name)
    _check_invisible(header, name)
    blanks = [i + 1 for i, h in enumerate(header) if not h]
    if blanks:
        raise DataError([Problem(name, f"header cell {blanks[0]} is empty; every column needs "
                                 "a name", row=1)])
    dupes = sorted(h for h, n in Counter(header).items() if n > 1)
    if dupes:
        raise DataError([Problem(name, f"column {dupes[0]} appears more than once", row=1)])
    if missing:
        listed = ", ".join(missing)
        raise DataError([Problem(name, f"missing required column{'s' if len(missing) > 1 else ''}"
                                 f" {listed}; found {', '.join(header)}", row=1)])


def _check_delimiter(header: list[str], name: str) -> None:
    for delimiter, word in _OTHER_DELIMITERS.items():
        if any(delimiter in h for h in header):
            raise DataError([Problem(name, f"uses the {word} as its delimiter; expected "
                                     "comma-separated values", row=1)])


def _check_invisible(header: list[str], name: str) -> None:
    # A zero-width space or a stray mark makes "place" another name that looks the same.
    for column, cell in enumerate(header, start=1):
        for char in cell:
            if unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp") and char != " ":
                shown = unicodedata.name(char, "a control character")
                raise DataError([Problem(name, f"header cell {column} holds an invisible "
                                         f"character, U+{ord(char):04X} {shown}; delete it",
                                         row=1)])


def _is_number(cell: str) -> bool:
    try:
        decimal(cell)
    except ValueError:
        return False
    return True
