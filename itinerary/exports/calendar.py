"""iCalendar (RFC 5545): an all-day event per stop, from its first day to the day after its
last, and one per meeting that has a date of its own.

icalendar writes the lines: CRLF endings, folding at 75 octets, and escaping of commas,
semicolons, backslashes and newlines. Each event has a UID that stays the same for the
same trip and stop, so a calendar that imports the file again updates instead of
doubling.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

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
    for stop in trip.stops:
        calendar.add_component(_stop_event(trip, stop, stamp))
        for n, meeting in enumerate(trip.meetings_at(stop.stop_id), start=1):
            if meeting.date is not None:
                calendar.add_component(_meeting_event(trip, stop, meeting, n, stamp))
    return calendar.to_ical()


def _stop_event(trip: Trip, stop: Stop, stamp: datetime) -> Event:
    event = _event(trip, f"stop:{stop.stop_id}", stamp, stop.start, stop.end)
    event.add("summary", stop.label)
    _place(event, stop)
    lines = [stop.summary] if stop.summary else []
    lines += [meeting_text(m) for m in trip.meetings_at(stop.stop_id)]
    if lines:
        event.add("description", "\n\n".join(lines))
    return event


def _meeting_event(trip: Trip, stop: Stop, meeting: Meeting, n: int,
                   stamp: datetime) -> Event:
    day: date = meeting.date  # type: ignore[assignment]
    event = _event(trip, f"meeting:{stop.stop_id}:{n}", stamp, day, day)
    event.add("summary", f"{meeting.with_} ({stop.place or stop.label})")
    _place(event, stop)
    event.add("description", meeting_text(meeting))
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


def meeting_text(meeting: Meeting) -> str:
    """A meeting as plain text: who, when, what was said, and any quote."""
    when = f" ({meeting.date.isoformat()})" if meeting.date else ""
    lines = [f"{meeting.with_}{when}"]
    if meeting.summary:
        lines.append(meeting.summary)
    if meeting.quote:
        lines.append(f"“{meeting.quote}”" + (f" — {meeting.quote_by}" if meeting.quote_by
                                             else ""))
    return "\n".join(lines)
