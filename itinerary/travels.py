"""Importing the official travel record into the stops format.

The Office of the Historian publishes every Secretary of State's and President's foreign
travel as XML, one file per person: `<trip>` records with an id, the traveller, dates, a
country as written at the time, a locale of one or more places and remarks. This module
turns records into stop rows: one row per place, duplicates removed, grouped into trips.

A record that cannot be read (malformed XML, a missing element, a bad date) is reported
with the file and record id; the other records still import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from itinerary.errors import Problem
from itinerary.geocoding.names import normalize
from itinerary.load import OUT_OF_RANGE, iso_date, read_file

COLUMNS = ("stop_id", "traveler", "role", "trip", "place", "country", "start_date",
           "end_date", "summary", "source_id")
REQUIRED = ("id", "name", "start-date", "end-date", "country", "locale")
# Records whose dates are at most this far apart belong to one journey.
TRIP_GAP = timedelta(days=2)
_TRIP_OPEN = re.compile(rb"<trip\b")
_TRIP_CLOSE = re.compile(rb"</trip\s*>")
_ID = re.compile(rb"<id>\s*([^<\s]+)\s*</id>")
_DECLARED = re.compile(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)[\"']")


@dataclass(frozen=True)
class Record:
    record_id: str
    who: str
    role: str
    name: str
    start: date
    end: date
    country: str
    locale: str
    remarks: str


@dataclass
class Imported:
    rows: list[dict[str, str]] = field(default_factory=list)
    records: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def trips(self) -> list[str]:
        return list(dict.fromkeys(row["trip"] for row in self.rows))

    def summary(self) -> str:
        text = (f"imported {self.records} records as {len(self.rows)} stops in "
                f"{len(self.trips)} trips")
        if self.duplicates:
            text += f"; {self.duplicates} repeated records appear once"
        if self.problems:
            text += f"; skipped {len(self.problems)} records that could not be read"
        return text


def import_travels(sources: Iterable[tuple[bytes, str]], who: str | None = None) -> Imported:
    """Read record files (content, name) into stop rows, optionally for one traveller."""
    result = Imported()
    records: list[Record] = []
    for data, name in sources:
        found, problems = read_records(data, name)
        records += found
        result.problems += problems
    if who:
        records = [r for r in records if r.who == who]
    unique = _dedupe(records)
    result.duplicates = len(records) - len(unique)
    result.records = len(unique)
    result.rows = to_rows(unique)
    return result


def read_path(path: Path) -> tuple[bytes, str]:
    """A record file's content and name, for `import_travels`; DataError if unreadable."""
    return read_file(path), str(path)


def read_records(data: bytes, name: str) -> tuple[list[Record], list[Problem]]:
    """Parse one file. Malformed XML is read record by record, so one broken record does
    not lose the rest; entities and DTDs refuse the whole file, as they can attack."""
    if not data.strip():
        return [], [Problem(name, "is empty; expected a travel record XML file")]
    declared = _DECLARED.search(data[:200])
    if declared is None or declared.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return [], [Problem(name, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at "
                                f"offset {exc.start}); save it as UTF-8")]
    try:
        root = fromstring(data)
    except DefusedXmlException:
        return [], [Problem(name, "uses XML entities or a DTD, which are refused for safety; "
                            "expected plain XML")]
    except ParseError:
        return _read_piecewise(data, name)
    if root.tag != "trips":
        return [], [Problem(name, f"has a <{root.tag}> root; expected <trips>")]
    records: list[Record] = []
    problems: list[Problem] = []
    for element in root.iter("trip"):
        _add(element, name, records, problems)
    return records, problems


def _read_piecewise(data: bytes, name: str) -> tuple[list[Record], list[Problem]]:
    records: list[Record] = []
    problems: list[Problem] = []
    starts = [m.start() for m in _TRIP_OPEN.finditer(data)]
    if not starts:
        return [], [Problem(name, "is not a travel record: no <trip> element could be read")]
    for start, stop in zip(starts, [*starts[1:], len(data)], strict=True):
        chunk = data[start:stop]
        close = _TRIP_CLOSE.search(chunk)
        where = _where(data, start, chunk)
        if close is None:
            problems.append(Problem(name, f"{where}: the <trip> element is never closed"))
            continue
        try:
            element = fromstring(chunk[: close.end()])
        except (ParseError, DefusedXmlException) as exc:
            problems.append(Problem(name, f"{where}: malformed XML ({_reason(exc)})"))
            continue
        _add(element, name, records, problems)
    return records, problems


def _where(data: bytes, offset: int, chunk: bytes) -> str:
    line = data.count(b"\n", 0, offset) + 1
    found = _ID.search(chunk)
    label = found.group(1).decode("utf-8", "replace") if found else "without an id"
    return f"record {label} (line {line})"


def _reason(exc: Exception) -> str:
    return str(exc).split(":")[0] if isinstance(exc, ParseError) else type(exc).__name__


def _add(element: Element, name: str, records: list[Record], problems: list[Problem]) -> None:
    try:
        records.append(_record(element))
    except ValueError as exc:
        record_id = (element.findtext("id") or "").strip() or "without an id"
        problems.append(Problem(name, f"record {record_id}: {exc}"))


def _record(element: Element) -> Record:
    text = {tag: element.findtext(tag) for tag in REQUIRED}
    missing = [tag for tag, value in text.items() if value is None]
    if missing:
        raise ValueError(f"missing the <{missing[0]}> element")
    if not text["id"].strip():
        raise ValueError("the <id> element is empty")
    start = _date(text["start-date"], "start-date")
    end = _date(text["end-date"], "end-date")
    if end < start:
        raise ValueError(f"end-date {end.isoformat()} is before start-date {start.isoformat()}")
    country = " ".join(text["country"].split())
    if not country:
        raise ValueError("the <country> element is empty")
    return Record(
        record_id=text["id"].strip(), who=element.get("who", "").strip(),
        role=(element.findtext("role") or element.get("role") or "").strip(),
        name=" ".join(text["name"].split()), start=start, end=end, country=country,
        locale=" ".join(text["locale"].split()),
        remarks=" ".join((element.findtext("remarks") or "").split()),
    )


def _date(value: str, tag: str) -> date:
    value = value.strip()
    try:
        return iso_date(value)
    except ValueError as exc:
        shown = value if str(exc) == OUT_OF_RANGE else f'"{value[:40]}"'
        raise ValueError(f"<{tag}> is {shown}; {exc}") from None


def split_locale(locale: str) -> list[str]:
    """The places of a locale, in order: "Cairo, Alexandria" is two places, while the
    comma in "Mumbai (Bombay, India)" stays inside its parentheses."""
    places, depth, current = [], 0, []
    for char in locale:
        depth += (char == "(") - (char == ")")
        if char == "," and depth <= 0:
            places.append("".join(current))
            current = []
        else:
            current.append(char)
    places.append("".join(current))
    return [p.strip() for p in places if p.strip()]


def _dedupe(records: Sequence[Record]) -> list[Record]:
    seen: dict[tuple, Record] = {}
    for record in records:
        key = (record.who, record.start, record.end, normalize(record.country),
               normalize(record.locale))
        seen.setdefault(key, record)
    return sorted(seen.values(), key=lambda r: (r.who, r.start, r.end, _id_order(r)))


def _id_order(record: Record) -> tuple[int, str]:
    digits = record.record_id.isdigit()
    return (int(record.record_id) if digits else 0, "" if digits else record.record_id)


def to_rows(records: Sequence[Record]) -> list[dict[str, str]]:
    """Stop rows, one per place, with each traveller's records grouped into trips."""
    rows: list[dict[str, str]] = []
    used_ids: set[str] = set()
    for trip, group in _trips(records):
        for record in group:
            places = split_locale(record.locale) or [""]  # empty: a country-level stop
            for n, place in enumerate(places, start=1):
                stop_id = record.record_id if len(places) == 1 else f"{record.record_id}-{n}"
                while stop_id in used_ids:
                    stop_id += "+"
                used_ids.add(stop_id)
                rows.append({
                    "stop_id": stop_id, "traveler": record.name, "role": record.role,
                    "trip": trip, "place": place, "country": record.country,
                    "start_date": record.start.isoformat(),
                    "end_date": record.end.isoformat(), "summary": record.remarks,
                    "source_id": record.record_id,
                })
    return rows


def _trips(records: Sequence[Record]) -> list[tuple[str, list[Record]]]:
    groups: list[list[Record]] = []
    for record in records:  # sorted by traveller, then date
        last = groups[-1] if groups else None
        if (last and last[-1].who == record.who
                and record.start - max(r.end for r in last) <= TRIP_GAP):
            last.append(record)
        else:
            groups.append([record])
    labels: dict[str, int] = {}
    named = []
    for group in groups:
        countries = dict.fromkeys(r.country for r in group)
        label = f"{group[0].start:%Y-%m} {', '.join(countries)}"
        labels[label] = labels.get(label, 0) + 1
        named.append((label if labels[label] == 1 else f"{label} ({labels[label]})", group))
    return named
