"""The side panel's text: a trip overview, or one stop's card (see `cards`), as Markdown.

Text from data is escaped (`text.markdown`) so that Markdown, HTML and LaTeX ($...$) in it
are shown as written, not interpreted.
"""

from __future__ import annotations

from collections import Counter

from itinerary.dashboard import cards
from itinerary.dates import format_range
from itinerary.model import Stop, Trip
from itinerary.route import trip_km
from itinerary.text import markdown as md

_LISTED = 30  # stops listed by name in the overview
_PARTS_LISTED = 8  # trips compared, named in the overview; a whole record's are not


def overview(shown: Trip) -> str:
    """A short summary of the part of the trip that is shown (`Trip.between`)."""
    visible = shown.stops
    if not visible:
        return "No stops fall within the chosen dates. Widen the date range to see the trip."
    lines = [f"**{md(format_range(shown.first_day, shown.last_day))}** · "
             f"{md(cards.tally(shown))}", ""]
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


def stop_details(trip: Trip, stop: Stop, shown: Trip | None = None,
                 made: cards.Cards | None = None) -> str:
    """The stop's card (see `cards`) as Markdown; `shown` narrows the meetings to the
    chosen dates. `made` is a maker of cards for `trip` and `shown` kept from an earlier
    card: what it learnt of the trip (how each stop was reached) it does not learn again."""
    return cards.markdown((made or cards.Cards(trip, shown)).stop(stop))
