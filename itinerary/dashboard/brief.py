"""The printable brief: one document of the trip as shown, for paper. Its title and dates,
the static map, a table of the stops with their dates and the distance from the stop
before, and each stop's meetings with their quotes, as the stops' cards tell them.

HTML with every text escaped, and the map as an embedded PNG, so that it prints the same
anywhere; the app places it in the page for print only. It reads in black and white.
"""

from __future__ import annotations

import base64
from html import escape as _e

from itinerary.dashboard import cards
from itinerary.dates import format_range
from itinerary.model import Trip
from itinerary.route import arrivals

STOPS_LISTED = 120  # stops a brief lists; a longer one says how many more there are


def brief_html(trip: Trip, map_png: bytes | None) -> str:
    """The brief of `trip` (the part shown), with `map_png` as its map."""
    parts = [f"<h1>{_e(trip.title or 'Itinerary')}</h1>"]
    if not trip.stops:
        return "".join([*parts, "<p>No stops fall within the chosen dates.</p>"])
    parts.append(f"<p class='brief-dates'>{_e(format_range(trip.first_day, trip.last_day))}"
                 f" · {_e(cards.tally(trip))}</p>")
    if map_png:
        data = base64.b64encode(map_png).decode("ascii")
        parts.append(f"<img class='brief-map' alt='Map of the trip' "
                     f"src='data:image/png;base64,{data}'>")
    shown = trip.stops[:STOPS_LISTED]
    parts.append(_table(trip, shown))
    made = cards.Cards(trip)
    for stop in shown:
        card = made.stop(stop)
        if card.meetings:
            parts.append(f"<section class='brief-stop'><h2>{_e(card.title)} <span "
                         f"class='brief-when'>{_e(card.dates)}</span></h2>"
                         + "".join(cards.meeting_html(m) for m in card.meetings)
                         + "</section>")
    if len(trip.stops) > STOPS_LISTED:
        parts.append(f"<p>…and {len(trip.stops) - STOPS_LISTED:,} more stops; narrow the "
                     "dates to print them.</p>")
    return "".join(parts)


def _table(trip: Trip, stops: tuple) -> str:
    legs = arrivals(trip)
    rows = []
    for stop in stops:
        leg = legs.get(stop.stop_id)
        distance = f"{leg.km:,.0f} km" if leg is not None else ""
        rows.append(f"<tr><td>{trip.number(stop.stop_id)}</td><td>{_e(stop.label)}</td>"
                    f"<td>{_e(stop.dates)}</td><td class='km'>{distance}</td></tr>")
    return ("<table class='brief-stops'><thead><tr><th>No.</th><th>Place</th><th>Dates</th>"
            "<th class='km'>From the stop before</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
