"""iCalendar (RFC 5545): an all-day event per stop, from its first day to the day after its
last, and one per meeting that has a date of its own, described as their cards tell them.

icalendar writes the lines: CRLF endings, folding at 75 octets, and escaping of commas,
semicolons, backslashes and newlines. Each event has a UID that stays the same for the
same trip and stop, so a calendar that imports the file again updates instead of
doubling.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from itinerary.dashboard import cards
from itinerary.model import Meeting, Stop, Trip
from itinerary.points import DECIMALS

_NAMESPACE = uuid.UUID("6f1c2b0e-5a7d-4f0e-9d8c-2f3b1a4c5d6e")


def to_ics(trip: Trip, stamp: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//itinerary//itinerary//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", trip.title or "Itinerary")
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    made = cards.Cards(trip)
    for stop in trip.stops:
        card = made.stop(stop)
        calendar.add_component(_stop_event(trip, stop, card, stamp))
        for n, meeting in enumerate(trip.meetings_at(stop.stop_id), start=1):
            if meeting.date is not None:
                calendar.add_component(_meeting_event(trip, stop, meeting, n, stamp))
    return calendar.to_ical()


def _stop_event(trip: Trip, stop: Stop, card: cards.StopCard, stamp: datetime) -> Event:
    event = _event(trip, f"stop:{stop.stop_id}", stamp, stop.start, stop.end)
    event.add("summary", stop.label)
    _place(event, stop)
    description = cards.text(card)
    if description:
        event.add("description", description)
    return event


def _meeting_event(trip: Trip, stop: Stop, meeting: Meeting, n: int,
                   stamp: datetime) -> Event:
    day: date = meeting.date  # type: ignore[assignment]
    event = _event(trip, f"meeting:{stop.stop_id}:{n}", stamp, day, day)
    event.add("summary", f"{meeting.with_} ({stop.place or stop.label})")
    _place(event, stop)
    event.add("description", cards.meeting_text(cards.meeting_card(meeting)))
    return event


def _event(trip: Trip, what: str, stamp: datetime, first: date, last: date) -> Event:
    event = Event()
    event.add("uid", f"{uuid.uuid5(_NAMESPACE, f'{trip.title}|{what}')}@itinerary")
    event.add("dtstamp", stamp)
    event.add("dtstart", first)  # a date: DTSTART;VALUE=DATE, an all-day event
    event.add("dtend", last + timedelta(days=1))  # the day after, as RFC 5545 counts
    event.add("transp", "TRANSPARENT")  # a trip does not make its reader busy
    return event


def _place(event: Event, stop: Stop) -> None:
    event.add("location", stop.label)
    if stop.located:
        event.add("geo", (round(stop.lat, DECIMALS), round(stop.lon, DECIMALS)))  # type: ignore[arg-type]
