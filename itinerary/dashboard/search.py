"""Search: meetings and stops found by any word of who, role, topic, place or summary.

Accents, case and punctuation are ignored ("petro" finds Petro, "bogota" Bogotá), and every
word of the query must appear at the start of a word ("migra" finds migration): in the
meeting or its stop's place, or in the stop's own text for a stop none of whose meetings
is found. The index is built once per trip.
"""

from __future__ import annotations

from dataclasses import dataclass

from itinerary.dates import format_range
from itinerary.model import Meeting, Stop, Trip
from itinerary.names import normalize


@dataclass(frozen=True)
class Hit:
    """A meeting that matches, with its stop; or a stop that matches by itself."""

    stop: Stop
    meeting: Meeting | None = None


class SearchIndex:
    """The trip's text, folded once, for searches as the user types."""

    def __init__(self, trip: Trip) -> None:
        self.trip = trip
        self._entries: list[tuple[Hit, str]] = []
        for stop in trip.stops:
            # A meeting is found by its own words and its stop's place; a stop by all of
            # its words, when none of its meetings is found.
            place = _fold(stop.place, stop.country, stop.country_name)
            for m in trip.meetings_at(stop.stop_id):
                said = _fold(m.with_, m.summary, m.quote, m.quote_by, *m.topics)
                self._entries.append((Hit(stop, m), f"{said} {place}"))
            whole = _fold(stop.summary, *stop.extra.values())
            self._entries.append((Hit(stop), f"{place} {whole}"))

    def find(self, query: str, shown: Trip | None = None) -> list[Hit]:
        """Every hit for the query, in trip order, within the `shown` part of the trip."""
        words = normalize(query).split()
        if not words:
            return []
        ids = {s.stop_id for s in shown.stops} if shown is not None else None
        allowed = set(shown.meetings) if shown is not None else None
        hits = []
        for hit, text in self._entries:
            if ids is not None and hit.stop.stop_id not in ids:
                continue
            if hit.meeting is not None and allowed is not None and hit.meeting not in allowed:
                continue
            if all(f" {w}" in text for w in words):
                hits.append(hit)
        met = {h.stop.stop_id for h in hits if h.meeting is not None}
        return [h for h in hits if h.meeting is not None or h.stop.stop_id not in met]


def describe(trip: Trip, hit: Hit) -> str:
    """A result as the list shows it: "3. Lima · 6 Oct 2022 · Pedro Castillo, President"."""
    head = f"{trip.number(hit.stop.stop_id)}. {hit.stop.place or hit.stop.label}"
    if hit.meeting is None:
        return f"{head} · {hit.stop.dates}"
    when = (format_range(hit.meeting.date, hit.meeting.date) if hit.meeting.date
            else hit.stop.dates)
    return f"{head} · {when} · {hit.meeting.with_}"


def _fold(*texts: str) -> str:
    # A leading space lets a query word match only at the start of a word.
    return " " + " ".join(normalize(t) for t in texts if t)
