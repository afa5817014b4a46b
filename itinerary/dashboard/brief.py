"""The printable brief: one document of the trip as shown, for paper. Its title and dates,
the static map, a table of the stops with their dates and the distance from the stop
before, and each stop's meetings with their quotes.

HTML with every text escaped, and the map as an embedded PNG, so that it prints the same
anywhere; the app places it in the page for print only. It reads in black and white.
"""

from __future__ import annotations

import base64
import html

from itinerary.dates import format_range
from itinerary.model import Meeting, Stop, Trip
from itinerary.route import leg_to

STOPS_LISTED = 120  # stops a brief lists; a longer one says how many more there are


def brief_html(trip: Trip, map_png: bytes | None) -> str:
    """The brief of `trip` (the part shown), with `map_png` as its map."""
    parts = [f"<h1>{_e(trip.title or 'Itinerary')}</h1>"]
    if not trip.stops:
        return "".join([*parts, "<p>No stops fall within the chosen dates.</p>"])
    countries = len({s.country for s in trip.stops if s.country})
    parts.append(f"<p class='brief-dates'>{_e(format_range(trip.first_day, trip.last_day))}"
                 f" · {len(trip.stops):,} stop{'s' if len(trip.stops) != 1 else ''}"
                 f" in {countries:,} countr{'ies' if countries != 1 else 'y'}"
                 f" · {len(trip.meetings):,} meeting{'s' if len(trip.meetings) != 1 else ''}"
                 "</p>")
    if map_png:
        data = base64.b64encode(map_png).decode("ascii")
        parts.append(f"<img class='brief-map' alt='Map of the trip' "
                     f"src='data:image/png;base64,{data}'>")
    shown = trip.stops[:STOPS_LISTED]
    parts.append(_table(trip, shown))
    parts += [_stop_meetings(trip, s) for s in shown if trip.meetings_at(s.stop_id)]
    if len(trip.stops) > STOPS_LISTED:
        parts.append(f"<p>…and {len(trip.stops) - STOPS_LISTED:,} more stops; narrow the "
                     "dates to print them.</p>")
    return "".join(parts)


def _table(trip: Trip, stops: tuple[Stop, ...]) -> str:
    rows = []
    for stop in stops:
        leg = leg_to(trip, stop)
        distance = f"{leg.km:,.0f} km" if leg is not None else ""
        rows.append(f"<tr><td>{trip.number(stop.stop_id)}</td><td>{_e(stop.label)}</td>"
                    f"<td>{_e(stop.dates)}</td><td class='km'>{distance}</td></tr>")
    return ("<table class='brief-stops'><thead><tr><th>No.</th><th>Place</th><th>Dates</th>"
            "<th class='km'>From the stop before</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _stop_meetings(trip: Trip, stop: Stop) -> str:
    head = (f"<h2>{trip.number(stop.stop_id)}. {_e(stop.label)} "
            f"<span class='brief-when'>{_e(stop.dates)}</span></h2>")
    return ("<section class='brief-stop'>" + head
            + "".join(_meeting(m) for m in trip.meetings_at(stop.stop_id)) + "</section>")


def _meeting(meeting: Meeting) -> str:
    when = f" · {_e(format_range(meeting.date, meeting.date))}" if meeting.date else ""
    text = f"<p><b>{_e(meeting.with_)}</b>{when}"
    if meeting.summary:
        text += f"<br>{_e(meeting.summary)}"
    text += "</p>"
    if meeting.quote:
        by = f" — {_e(meeting.quote_by)}" if meeting.quote_by else ""
        text += f"<blockquote>“{_e(meeting.quote)}”{by}</blockquote>"
    return text


def _e(text: str) -> str:
    return html.escape(text, quote=True)
