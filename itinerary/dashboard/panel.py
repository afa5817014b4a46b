"""The side panel's text: a trip overview, or one stop with its meetings, as Markdown.

Text from data is escaped (`text.markdown`) so that Markdown, HTML and Streamlit's LaTeX
($...$) in it are shown as written, not interpreted.
"""

from __future__ import annotations

from collections import Counter

from itinerary.dates import format_range
from itinerary.model import Meeting, Stop, Trip
from itinerary.route import leg_to, trip_km
from itinerary.text import markdown as md

_LISTED = 30  # stops listed by name in the overview
_PRECISION_NOTES = {
    "country": "placed at the country's centre: the place itself was not found",
    "region": "placed at the region, not the exact place",
}
# The official record's own columns (see sources.records), shown as fields, not as data.
_PARTS_LISTED = 8  # trips compared, named in the overview; a whole record's are not
_RECORD_COLUMNS = {"traveler", "role", "trip", "source_id"}
_ROLES = {"secretary": "Secretary of State", "president": "President"}


def overview(shown: Trip) -> str:
    """A short summary of the part of the trip that is shown (`Trip.between`)."""
    visible = shown.stops
    if not visible:
        return "No stops fall within the chosen dates. Widen the date range to see the trip."
    meetings = shown.meetings
    countries = list(dict.fromkeys(s.country for s in visible if s.country))
    lines = [f"**{md(format_range(shown.first_day, shown.last_day))}** · {len(visible):,} "
             f"{_plural(len(visible), 'stop')}"
             + (f" in {len(countries):,} countr{'ies' if len(countries) != 1 else 'y'}"
                if countries else "")
             + (f" · {len(meetings):,} {_plural(len(meetings), 'meeting')}" if meetings
                else ""),
             ""]
    distance = trip_km(shown)
    if distance:
        lines[0] += "  "  # a Markdown line break
        lines.insert(1, f"About {distance:,.0f} km travelled between them.")
    if 1 < len(shown.parts) <= _PARTS_LISTED:
        lines[-1:-1] = [f"- **{md(name)}**" for name in shown.parts] + [""]
    for stop in visible[:_LISTED]:
        lines.append(f"{shown.number(stop.stop_id)}. **{md(stop.label)}**, "
                     f"{md(stop.dates)}")
    if len(visible) > _LISTED:
        lines.append(f"\n…and {len(visible) - _LISTED:,} more stops: pick one above, or "
                     "narrow the dates.")
    lines += ["", "_Click a marker, pick a stop, or step through them with Next stop._"]
    return "\n".join(lines)


def topic_counts(shown: Trip) -> list[tuple[str, int]]:
    """The topics of the meetings shown, most discussed first."""
    return Counter(t for m in shown.meetings for t in m.topics).most_common()


def stop_details(trip: Trip, stop: Stop, shown: Trip | None = None) -> str:
    """The stop's place, dates, how it was reached, who travelled, its summary, other
    columns and meetings. `shown` narrows the meetings to the chosen dates."""
    lines = [f"### {trip.number(stop.stop_id)}. {md(stop.label)}", f"**{md(stop.dates)}**"]
    leg = leg_to(trip, stop)
    if leg is not None:
        lines[-1] += (f"  \nFrom {md(leg.origin.place or leg.origin.label)}: about "
                      f"{leg.km:,.0f} km, {_days_later(leg.days)}")
    if stop.precision in _PRECISION_NOTES:
        lines.append(f"_Map position {md(_PRECISION_NOTES[stop.precision])}._")
    if not stop.located:
        lines.append("_Not on the map: the place could not be found._")
    lines += _traveller(stop)
    if stop.summary:
        lines += ["", md(stop.summary)]
    for column, value in stop.extra.items():
        if value.strip() and column not in _RECORD_COLUMNS:
            lines.append(f"- **{md(column)}:** {md(value)}")
    lines += _other_visits(trip, stop)
    meetings = (shown or trip).meetings_at(stop.stop_id)
    if meetings:
        lines += ["", f"#### Meetings ({len(meetings)})"]
        for meeting in meetings:
            lines += ["", *meeting_lines(meeting)]
    if stop.extra.get("source_id"):
        lines += ["", f":small[Record {md(stop.extra['source_id'])} of the Office of the "
                      "Historian's travels.]"]
    return "\n".join(lines)


def meeting_lines(meeting: Meeting) -> list[str]:
    when = (f" · {md(format_range(meeting.date, meeting.date))}" if meeting.date
            else " · _date not given_")
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


def _traveller(stop: Stop) -> list[str]:
    name = stop.extra.get("traveler", "").strip()
    if not name:
        return []
    role = stop.extra.get("role", "").strip()
    role = _ROLES.get(role.lower(), role)
    return [f"**Traveller:** {md(name)}" + (f", {md(role)}" if role else "")]


def _other_visits(trip: Trip, stop: Stop) -> list[str]:
    others = [s for s in trip.stops if s.stop_id != stop.stop_id and s.located
              and (s.lat, s.lon) == (stop.lat, stop.lon)]
    if not others:
        return []
    visits = ", ".join(f"{trip.number(s.stop_id)} ({md(s.dates)})" for s in others[:10])
    more = f" and {len(others) - 10} more" if len(others) > 10 else ""
    return [f"\nOther visits here: {visits}{more}."]


def _days_later(days: int) -> str:
    return {0: "the same day", 1: "the next day"}.get(days, f"{days} days later")


def _plural(n: int, word: str) -> str:
    return word if n == 1 else f"{word}s"
