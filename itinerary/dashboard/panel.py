"""The side panel's text: a trip overview, or one stop with its meetings, as Markdown.

Text from data is escaped so that Markdown, HTML and Streamlit's LaTeX ($...$) in it are
shown as written, not interpreted.
"""

from __future__ import annotations

import re
from collections import Counter

from itinerary.dates import format_range
from itinerary.model import Meeting, Stop, Trip
from itinerary.route import total_km

_LISTED = 30  # stops listed by name in the overview
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
_PRECISION_NOTES = {
    "country": "placed at the country's centre: the place itself was not found",
    "region": "placed at the region, not the exact place",
}


def md(text: str) -> str:
    """Escape text for Streamlit Markdown so it shows literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def overview(shown: Trip) -> str:
    """A short summary of the part of the trip that is shown (`Trip.between`)."""
    visible = shown.stops
    if not visible:
        return "No stops fall within the chosen dates. Widen the date range to see the trip."
    first, last = shown.first_day, shown.last_day
    meetings = shown.meetings
    countries = list(dict.fromkeys(s.country for s in visible if s.country))
    lines = [f"**{md(format_range(first, last))}** · {len(visible)} "
             f"stop{'s' if len(visible) != 1 else ''}"
             + (f" in {len(countries)} countr{'ies' if len(countries) != 1 else 'y'}"
                if countries else "")
             + (f" · {len(meetings)} meeting{'s' if len(meetings) != 1 else ''}"
                if meetings else ""),
             ""]
    distance = total_km(visible)
    if distance:
        lines[0] += "  "  # a Markdown line break
        lines.insert(1, f"About {distance:,.0f} km travelled between them.")
    for stop in visible[:_LISTED]:
        lines.append(f"{shown.number(stop.stop_id)}. **{md(stop.label)}**, "
                     f"{md(stop.dates)}")
    if len(visible) > _LISTED:
        lines.append(f"\n…and {len(visible) - _LISTED:,} more stops: pick one above, or "
                     "narrow the dates.")
    topics = Counter(t for m in meetings for t in m.topics)
    if topics:
        lines += ["", "Topics: " + ", ".join(f"{md(t)} ({n})" for t, n in topics.most_common())]
    lines += ["", "_Click a marker, or pick a stop above, to read its meetings._"]
    return "\n".join(lines)


def stop_details(trip: Trip, stop: Stop) -> str:
    """The stop's place, dates, summary, extra columns and meetings."""
    lines = [f"### {trip.number(stop.stop_id)}. {md(stop.label)}", f"**{md(stop.dates)}**"]
    if stop.precision in _PRECISION_NOTES:
        lines.append(f"_Map position {md(_PRECISION_NOTES[stop.precision])}._")
    if not stop.located:
        lines.append("_Not on the map: the place could not be found._")
    if stop.summary:
        lines += ["", md(stop.summary)]
    for column, value in stop.extra.items():
        if value.strip():
            lines.append(f"- **{md(column)}:** {md(value)}")
    others = [s for s in trip.stops if s.stop_id != stop.stop_id and s.located
              and (s.lat, s.lon) == (stop.lat, stop.lon)]
    if others:
        visits = ", ".join(f"{trip.number(s.stop_id)} ({md(s.dates)})" for s in others[:10])
        more = f" and {len(others) - 10} more" if len(others) > 10 else ""
        lines.append(f"\nOther visits here: {visits}{more}.")
    meetings = trip.meetings_at(stop.stop_id)
    if meetings:
        lines += ["", f"#### Meetings ({len(meetings)})"]
        for meeting in meetings:
            lines += ["", *meeting_lines(meeting)]
    return "\n".join(lines)


def meeting_lines(meeting: Meeting) -> list[str]:
    when = f" · {md(format_range(meeting.date, meeting.date))}" if meeting.date else ""
    head = f"**{md(meeting.with_)}**{when}"
    if meeting.topics:
        head += f"  \n_Topics: {md(', '.join(meeting.topics))}_"  # a Markdown line break
    lines = [head]
    if meeting.summary:
        lines += ["", md(meeting.summary)]
    if meeting.quote:
        by = f" — {md(meeting.quote_by)}" if meeting.quote_by else ""
        lines += ["", f"> “{md(meeting.quote)}”{by}"]
    return lines
