"""The data model: stops, meetings and the trip that holds them.

Plain frozen dataclasses with no I/O. Reading them from files lives in `sources`, placing
them on the map in `geocoding`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from itinerary.dates import format_range

# The project's topic list: the words the built-in trip's meetings are filed under, and
# the ones the extractor files meetings under (see itinerary/extract). Other itineraries
# may use words of their own.
TOPICS: tuple[str, ...] = ("drug policy", "migration", "trade", "climate", "security",
                           "democracy and human rights", "economy", "diplomacy", "ukraine",
                           "peace process")

# The extra column that says whose stop it is, where a trip follows several people.
TRAVELLER = "traveler"

@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting or event held at a stop."""

    stop_id: str
    date: date | None  # None when the source gives only the stop's dates
    with_: str
    topics: tuple[str, ...] = ()
    summary: str = ""
    quote: str = ""
    quote_by: str = ""
    # Columns the file had beyond the known ones ("evidence" in a draft from an article).
    extra: dict[str, str] = field(default_factory=dict, compare=False)


# Slots: a trip of half a million stops holds a third less memory without a dict each.
@dataclass(frozen=True, slots=True)
class Stop:
    """One place on the trip, over a range of days (inclusive)."""

    stop_id: str
    place: str
    country: str
    start: date
    end: date
    summary: str = ""
    lat: float | None = None
    lon: float | None = None
    precision: str = ""
    geocoder: str = ""
    # Columns the file had beyond the known ones, kept in file order and shown to the user.
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    row: int | None = field(default=None, compare=False)
    # The country as people call it today, when `country` names one ("South Korea" for
    # "Korea, Republic of"); set when the trip is placed. `country` keeps the source's words.
    country_name: str = field(default="", compare=False)
    # The ISO code of the country the geocoder placed the stop in ("GE" for "Tiflis,
    # U.S.S.R."); empty for coordinates given in the file.
    country_code: str = field(default="", compare=False)
    # What the geocoder said of the place when it could not place it exactly: why the stop
    # is not on the map ('the country "Atlantis" is not recognised') or only at its
    # country's centre ('"Xyzzy" was not found in Peru'); empty otherwise.
    note: str = field(default="", compare=False)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def label(self) -> str:
        """The place as a person would write it: "Bogotá, Colombia", "Seoul, South Korea"."""
        country = self.country_name or self.country
        if self.place and country:
            return f"{self.place}, {country}"
        return self.place or country

    @property
    def dates(self) -> str:
        return format_range(self.start, self.end)

    def overlaps(self, start: date, end: date) -> bool:
        """True when the stop shares at least one day with [start, end]."""
        return self.start <= end and self.end >= start

    def with_location(
        self, lat: float | None, lon: float | None, precision: str, geocoder: str,
        country_code: str = "",
    ) -> Stop:
        return replace(self, lat=lat, lon=lon, precision=precision, geocoder=geocoder,
                       country_code=country_code)


@dataclass(frozen=True)
class Trip:
    """Stops in trip order and the meetings held at them.

    `numbering` keeps each stop's position in a larger trip this one was cut from (see
    `between`), so a narrowed view still calls Lima "3".

    A trip may join several (a traveller's whole record, or trips compared side by side):
    `parts` names each, and `part_of` gives each stop's part, so that each is drawn as a
    route of its own and never one route across them.
    """

    stops: tuple[Stop, ...]
    meetings: tuple[Meeting, ...] = ()
    title: str = ""
    numbering: Mapping[str, int] | None = field(default=None, compare=False, repr=False)
    parts: tuple[str, ...] = ()
    part_of: Mapping[str, int] | None = field(default=None, compare=False, repr=False)

    def part(self, stop_id: str) -> int:
        """The index of the part a stop belongs to (0 when the trip is one part)."""
        return self.part_of.get(stop_id, 0) if self.part_of else 0

    def by_part(self) -> list[tuple[Stop, ...]]:
        """The stops of each part in trip order; one list for a trip of one part."""
        if not self.parts:
            return [self.stops]
        found: list[list[Stop]] = [[] for _ in self.parts]
        for stop in self.stops:
            found[self.part(stop.stop_id)].append(stop)
        return [tuple(stops) for stops in found]

    @property
    def first_day(self) -> date:
        return min(stop.start for stop in self.stops)

    @property
    def last_day(self) -> date:
        return max(stop.end for stop in self.stops)

    def stop(self, stop_id: str) -> Stop | None:
        return self._by_id.get(stop_id)

    @cached_property
    def _by_id(self) -> dict[str, Stop]:
        return {s.stop_id: s for s in self.stops}

    @cached_property
    def numbers(self) -> Mapping[str, int]:
        """Each stop's 1-based position in the whole trip, stable under `between`."""
        if self.numbering is not None:
            return self.numbering
        return {s.stop_id: i for i, s in enumerate(self.stops, start=1)}

    def number(self, stop_id: str) -> int:
        return self.numbers[stop_id]

    def by_number(self, number: int) -> Stop | None:
        """The stop numbered `number` in the whole trip, if this trip holds it."""
        return self._by_number.get(number)

    @cached_property
    def _by_number(self) -> dict[int, Stop]:
        return {self.numbers[s.stop_id]: s for s in self.stops if s.stop_id in self.numbers}

    def meetings_at(self, stop_id: str) -> list[Meeting]:
        return self._meetings_by_stop.get(stop_id, [])

    @cached_property
    def _meetings_by_stop(self) -> dict[str, list[Meeting]]:
        by_stop: dict[str, list[Meeting]] = {}
        for meeting in sorted(self.meetings, key=lambda m: m.date or date.min):
            by_stop.setdefault(meeting.stop_id, []).append(meeting)
        return by_stop

    def newest(self, count: int) -> Trip:
        """The last `count` stops (the newest: stops are in trip order) and their meetings,
        numbered as in the whole trip."""
        if len(self.stops) <= count:
            return self
        stops = self.stops[len(self.stops) - count:]
        kept = {s.stop_id for s in stops}
        meetings = tuple(m for m in self.meetings if m.stop_id in kept)
        return replace(self, stops=stops, meetings=meetings, numbering=self.numbers)

    def between(self, start: date, end: date) -> Trip:
        """The part of the trip that shares a day with [start, end]: its stops, in order, and
        their meetings on those days, numbered as in the whole trip. A meeting without a
        date stays with its stop, since it may have been on any of the stop's days."""
        stops = tuple(s for s in self.stops if s.overlaps(start, end))
        kept = {s.stop_id for s in stops}
        meetings = tuple(m for m in self.meetings if m.stop_id in kept
                         and (m.date is None or start <= m.date <= end))
        return replace(self, stops=stops, meetings=meetings, numbering=self.numbers)
