"""Importing the official travel record into the stops format.

The Office of the Historian publishes every Secretary of State's and President's foreign
travel as XML, one file per person: `<trip>` records with an id, the traveller, dates, a
country as written at the time, a locale of one or more places and remarks. This module
turns records into stops, one per place, duplicates removed, and groups each traveller's
stops into journeys, each of which opens as a `Trip`.

A record that cannot be read (malformed XML, a missing element, a bad date) is reported
with the file and record id; the other records still import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from itinerary.config import TRIP_GAP
from itinerary.dates import iso_date
from itinerary.errors import DataError, DateError, Problem
from itinerary.model import TRAVELLER, Stop, Trip
from itinerary.names import normalize
from itinerary.sources.stops import formula_problem, name_problem
from itinerary.sources.table import read_file

REQUIRED = ("id", "name", "start-date", "end-date", "country", "locale")
_TRIP_OPEN = re.compile(rb"<trip\b")
_TRIP_CLOSE = re.compile(rb"</trip\s*>")
_ID = re.compile(rb"<id>\s*([^<\s]+)\s*</id>")
_DECLARED = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([^\"'>]{0,40})[\"']")


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


@dataclass(frozen=True)
class Journey:
    """One traveller's records at most `TRIP_GAP` apart, as stops in order."""

    who: str  # the record's slug for the traveller: "blinken-antony-j"
    traveller: str  # as the record names them: "Antony John Blinken"
    label: str  # "2022-10 Colombia, Chile, Peru"
    stops: tuple[Stop, ...]

    @property
    def first_day(self) -> date:
        return self.stops[0].start


@dataclass(frozen=True)
class Traveller:
    """A traveller of the record with the span and number of their journeys."""

    who: str
    name: str
    first: date
    last: date
    trips: int


@dataclass
class Imported:
    """What a set of record files holds, and what could not be read of them."""

    journeys: list[Journey] = field(default_factory=list)
    records: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def stops(self) -> list[Stop]:
        return [stop for journey in self.journeys for stop in journey.stops]

    @cached_property
    def _by_who(self) -> dict[str, list[Journey]]:
        # Grouped once: asking for each traveller's journeys in turn stays linear.
        spans: dict[str, list[Journey]] = {}
        for journey in self.journeys:
            spans.setdefault(journey.who, []).append(journey)
        return spans

    @cached_property
    def travellers(self) -> list[Traveller]:
        """Each traveller once, in the order of their first journey."""
        found = [Traveller(who, js[0].traveller, js[0].first_day,
                           max(s.end for j in js for s in j.stops), len(js))
                 for who, js in self._by_who.items()]
        return sorted(found, key=lambda t: (t.first, t.name))

    def journeys_of(self, who: str) -> list[Journey]:
        return list(self._by_who.get(who, ()))

    def trip(self, who: str, first_day: date | None,
             name: Callable[[Journey], str] = lambda j: j.label) -> Trip | None:
        """One journey of a traveller, by its first day, or (None) all of them, each a part
        of its own named by `name`; None if absent. Untitled: see dashboard.record_trips."""
        journeys = [j for j in self.journeys_of(who)
                    if first_day is None or j.first_day == first_day]
        if not journeys:
            return None
        if first_day is not None:
            return Trip(journeys[0].stops)
        return joined(journeys, "", name)

    def trips(self, choices: Iterable[tuple[str, date]],
              name: Callable[[Journey], str] = lambda j: j.label) -> Trip | None:
        """Several journeys, of one traveller or of several, as one trip of parts in order
        of their first days, each part named by `name`; None when none is in the record."""
        wanted = set(choices)
        journeys = sorted((j for j in self.journeys if (j.who, j.first_day) in wanted),
                          key=lambda j: (j.first_day, j.who))
        return joined(journeys, "", name) if journeys else None

    def placed(self, stops: Iterable[Stop]) -> Imported:
        """The record with its stops replaced by these, placed ones (matched by id)."""
        by_id = {s.stop_id: s for s in stops}
        journeys = [replace(j, stops=tuple(by_id.get(s.stop_id, s) for s in j.stops))
                    for j in self.journeys]
        return Imported(journeys, self.records, self.duplicates, list(self.problems))

    def require_records(self, source: str, who: str | None = None) -> None:
        """Raise DataError when nothing could be imported: the files hold no readable
        record (of this traveller)."""
        if not self.journeys:
            if self.problems and not who:  # what stopped every record is the error itself
                raise DataError(self.problems)
            of = f" of {who}" if who else ""
            raise DataError([Problem(source, f"holds no travel records{of} that could be read")])

    def summary(self) -> str:
        text = (f"imported {self.records} records as {len(self.stops)} stops in "
                f"{len(self.journeys)} trips")
        if self.duplicates:
            text += f"; {self.duplicates} repeated records appear once"
        if self.problems:
            text += f"; skipped {len(self.problems)} records that could not be read"
        return text


def joined(journeys: Sequence[Journey], title: str,
           name: Callable[[Journey], str] = lambda j: j.label) -> Trip:
    """Journeys as one trip, each a part: drawn as a route of its own."""
    part_of = {s.stop_id: i for i, j in enumerate(journeys) for s in j.stops}
    return Trip(tuple(s for j in journeys for s in j.stops), title=title,
                parts=tuple(name(j) for j in journeys), part_of=part_of)


def import_travels(sources: Iterable[tuple[bytes, str]], who: str | None = None) -> Imported:
    """Read record files (content, name) into journeys, optionally of one traveller."""
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
    result.journeys = journeys(unique)
    return result


def import_folder(folder: Path, who: str | None = None) -> Imported:
    """Every record file (*.xml) of a folder, in name order: the bundled record, say."""
    files = sorted(folder.glob("*.xml")) if folder.is_dir() else []
    if not files:
        raise DataError([Problem(str(folder), "holds no travel record files (*.xml)")])
    return import_travels((read_path(f) for f in files), who=who)


def read_path(path: Path) -> tuple[bytes, str]:
    """A record file's content and name, for `import_travels`; DataError if unreadable."""
    return read_file(path), str(path)


def read_records(data: bytes, name: str) -> tuple[list[Record], list[Problem]]:
    """Parse one file. Malformed XML is read record by record, so one broken record does
    not lose the rest; entities and DTDs refuse the whole file, as they can attack."""
    if not data.strip():
        return [], [Problem(name, "is empty; expected a travel record XML file")]
    if b"\x00" in data:
        return [], [Problem(name, "is not an XML text file (it contains NUL bytes, as binary "
                            "files do); expected a travel record XML file")]
    declared = _DECLARED.search(data[:200])
    if declared is None or declared.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return [], [Problem(name, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at "
                                f"offset {exc.start}); save it as UTF-8")]
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return [], [Problem(name, "uses XML entities or a DTD, which are refused for safety; "
                            "expected plain XML")]
    except LookupError:  # the declared encoding has no codec
        shown = declared.group(1).decode("utf-8", "replace") if declared else "?"
        return [], [Problem(name, f'declares the encoding "{shown}", which is unknown; save '
                            "it as UTF-8")]
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
    line, counted = 1, 0  # lines are counted on from the last chunk, not from the top
    for start, stop in zip(starts, [*starts[1:], len(data)], strict=True):
        line += data.count(b"\n", counted, start)
        counted = start
        chunk = data[start:stop]
        close = _TRIP_CLOSE.search(chunk)
        where = _where(line, chunk)
        if close is None:
            problems.append(Problem(name, f"{where}: the <trip> element is never closed"))
            continue
        try:
            element = fromstring(chunk[: close.end()], forbid_dtd=True)
        except (ParseError, DefusedXmlException) as exc:
            problems.append(Problem(name, f"{where}: malformed XML ({_reason(exc)})"))
            continue
        _add(element, name, records, problems)
    return records, problems


def _where(line: int, chunk: bytes) -> str:
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
    record = Record(
        record_id=text["id"].strip(), who=element.get("who", "").strip(),
        role=(element.findtext("role") or element.get("role") or "").strip(),
        name=" ".join(text["name"].split()), start=start, end=end, country=country,
        locale=" ".join(text["locale"].split()),
        remarks=" ".join((element.findtext("remarks") or "").split()),
    )
    _check_names(record)
    return record


def _check_names(record: Record) -> None:
    """Hold a record to the stops file's rules, so the file it becomes loads."""
    places = split_locale(record.locale)
    # Its stops' ids: the record's id, or the id with "-n" for each of several places.
    longest_id = record.record_id + (f"-{len(places)}" if len(places) > 1 else "")
    problems = [("id", name_problem(record.record_id) or name_problem(longest_id)),
                ("country", name_problem(record.country)),
                *(("locale", name_problem(place)) for place in places),
                # Every text a stop takes from the record, as the loader checks every cell.
                *((tag, formula_problem(value)) for tag, value in (
                    ("id", record.record_id), ("name", record.name), ("role", record.role),
                    ("country", record.country), *(("locale", p) for p in places),
                    ("remarks", record.remarks)))]
    for tag, problem in problems:
        if problem:
            raise ValueError(f"<{tag}> {problem}")


def _date(value: str, tag: str) -> date:
    try:
        return iso_date(value.strip())
    except DateError as exc:
        raise ValueError(f"<{tag}> is {exc.shown}; {exc}") from None


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


def journeys(records: Sequence[Record]) -> list[Journey]:
    """Stops, one per place, with each traveller's records grouped into journeys."""
    found: list[Journey] = []
    used_ids: set[str] = set()
    for label, group in _trips(records):
        stops = tuple(stop for record in group for stop in _stops(record, label, used_ids))
        found.append(Journey(group[0].who, group[0].name, label, stops))
    return found


def _stops(record: Record, label: str, used_ids: set[str]) -> list[Stop]:
    places = split_locale(record.locale) or [""]  # empty: a country-level stop
    stops = []
    for n, place in enumerate(places, start=1):
        stop_id = record.record_id if len(places) == 1 else f"{record.record_id}-{n}"
        while stop_id in used_ids:
            stop_id += "+"
        used_ids.add(stop_id)
        stops.append(Stop(
            stop_id, place, record.country, record.start, record.end, summary=record.remarks,
            extra={TRAVELLER: record.name, "role": record.role, "trip": label,
                   "source_id": record.record_id}))
    return stops


def _trips(records: Sequence[Record]) -> list[tuple[str, list[Record]]]:
    groups: list[list[Record]] = []
    last_end = date.min
    for record in records:  # sorted by traveller, then date
        last = groups[-1] if groups else None
        if last and last[-1].who == record.who and record.start - last_end <= TRIP_GAP:
            last.append(record)
            last_end = max(last_end, record.end)
        else:
            groups.append([record])
            last_end = record.end
    labels: dict[str, int] = {}
    named = []
    for group in groups:
        countries = dict.fromkeys(r.country for r in group)
        label = f"{group[0].start:%Y-%m} {', '.join(countries)}"
        labels[label] = labels.get(label, 0) + 1
        named.append((label if labels[label] == 1 else f"{label} ({labels[label]})", group))
    return named
