"""The data model: stops, meetings and the trip that holds them.

Plain frozen dataclasses with no I/O. Loading lives in `load`, geocoding in `geocoding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

# The topics used by the built-in trip. Other itineraries may use their own words; these
# keep the built-in data consistent and give the panel a stable order.
TOPICS: tuple[str, ...] = (
    "drug policy",
    "migration",
    "trade",
    "climate",
    "security",
    "democracy and human rights",
    "economy",
    "diplomacy",
    "ukraine",
    "peace process",
)


@dataclass(frozen=True)
class Meeting:
    """One meeting or event held at a stop."""

    stop_id: str
    date: date | None  # None when the source gives only the stop's dates
    with_: str
    topics: tuple[str, ...] = ()
    summary: str = ""
    quote: str = ""
    quote_by: str = ""


@dataclass(frozen=True)
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

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    # Cached: a trip of thousands of stops is labelled again on every rerun of the app.
    @cached_property
    def label(self) -> str:
        """The place as a person would write it: "Bogotá, Colombia"."""
        return ", ".join(part for part in (self.place, self.country) if part)

    @cached_property
    def dates(self) -> str:
        return format_range(self.start, self.end)

    def overlaps(self, start: date, end: date) -> bool:
        """True when the stop shares at least one day with [start, end]."""
        return self.start <= end and self.end >= start

    def with_location(
        self, lat: float | None, lon: float | None, precision: str, geocoder: str
    ) -> Stop:
        return replace(self, lat=lat, lon=lon, precision=precision, geocoder=geocoder)


@dataclass(frozen=True)
class Trip:
    """Stops in trip order and the meetings held at them."""

    stops: tuple[Stop, ...]
    meetings: tuple[Meeting, ...] = ()
    title: str = ""

    @property
    def first_day(self) -> date:
        return min(stop.start for stop in self.stops)

    @property
    def last_day(self) -> date:
        return max(stop.end for stop in self.stops)

    def stop(self, stop_id: str) -> Stop | None:
        return next((s for s in self.stops if s.stop_id == stop_id), None)

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Each stop's 1-based position in the whole trip, stable under filtering."""
        return {s.stop_id: i for i, s in enumerate(self.stops, start=1)}

    def number(self, stop_id: str) -> int:
        return self.numbers[stop_id]

    @cached_property
    def choices(self) -> dict[str, str]:
        """Each stop as the stop picker lists it: "3. Lima, Peru (6–7 Oct 2022)"."""
        return {s.stop_id: f"{self.numbers[s.stop_id]}. {s.label} ({s.dates})"
                for s in self.stops}

    def meetings_at(self, stop_id: str) -> list[Meeting]:
        return sorted(
            (m for m in self.meetings if m.stop_id == stop_id),
            key=lambda m: m.date or date.min,
        )


def format_range(start: date, end: date) -> str:
    """A compact human date range: "5 Oct 2022", "3–4 Oct 2022", "30 Sep – 2 Oct 2022"."""
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
