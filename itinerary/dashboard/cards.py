"""The one presentation of a stop and of a meeting: what a reader is told of each, in which
words and in what order, wherever they are shown: the panel, the printed brief, the map's
popups and tooltips, KML and the calendar.

A card holds plain text. Each format writes the same card and only escapes it for where it
lands: `markdown` for the panel, `html` for popups, the brief and KML descriptions, `text`
for the calendar. `Cards` makes the cards of a whole trip in one pass: how each stop was
reached and the other visits to its place are worked out once, not once a stop.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape as _escape

from itinerary.dates import format_range
from itinerary.model import TRAVELLER, Meeting, Stop, Trip
from itinerary.route import Leg, arrivals
from itinerary.text import markdown as _md

VISITS_LISTED = 10  # other visits to a stop's place named on its card
# The official record's own columns (see sources.records), shown as fields, not as data.
RECORD_COLUMNS = frozenset({TRAVELLER, "role", "trip", "source_id"})
_ROLES = {"secretary": "Secretary of State", "president": "President"}
_PLACED = {
    "country": "Map position placed at the country's centre: {why}",
    "region": "Map position placed at the region, not the exact place",
}


@dataclass(frozen=True)
class MeetingCard:
    who: str  # "Gustavo Petro, President of Colombia"
    when: str  # "3 Oct 2022", or "" when the source gives only the stop's dates
    topics: str  # "drug policy, migration"
    summary: str
    quote: str  # the words, without quotation marks
    quote_by: str


@dataclass(frozen=True)
class StopCard:
    title: str  # "3. Lima, Peru"
    dates: str  # "6–7 Oct 2022"
    reached: str  # "From Santiago: about 2,459 km, the next day", or ""
    placing: str  # what the map's position of it is, when not the place itself, or ""
    traveller: str  # "Antony John Blinken, Secretary of State", or ""
    summary: str
    fields: tuple[tuple[str, str], ...]  # the file's other columns
    visits: str  # "1 (3 Oct 2022), 5 (9 Oct 2022)", or ""
    meetings: tuple[MeetingCard, ...]
    source: str  # "Record 4089 of the Office of the Historian's travels.", or ""


def tally(trip: Trip) -> str:
    """ "3 stops in 3 countries · 10 meetings": what a part of a trip holds."""
    stops, meetings = len(trip.stops), len(trip.meetings)
    countries = len({s.country for s in trip.stops if s.country})
    text = f"{stops:,} {_plural(stops, 'stop')}"
    if countries:
        text += f" in {countries:,} {'country' if countries == 1 else 'countries'}"
    return text + (f" · {meetings:,} {_plural(meetings, 'meeting')}" if meetings else "")


def _plural(n: int, word: str) -> str:
    return word if n == 1 else f"{word}s"


def meeting_card(meeting: Meeting) -> MeetingCard:
    return MeetingCard(meeting.with_, format_range(meeting.date, meeting.date)
                       if meeting.date else "", ", ".join(meeting.topics), meeting.summary,
                       meeting.quote, meeting.quote_by)


def title(trip: Trip, stop: Stop) -> str:
    """ "3. Lima, Peru": a stop as its marker, its tooltip and its card name it."""
    return f"{trip.number(stop.stop_id)}. {stop.label}"


class Cards:
    """The cards of a trip's stops. `shown` (a part of the trip, `Trip.between`) narrows
    each stop's meetings to the chosen dates; numbers and legs stay those of the trip."""

    def __init__(self, trip: Trip, shown: Trip | None = None) -> None:
        self.trip, self.shown = trip, shown or trip
        self._arrivals: dict[str, Leg] | None = None
        self._at: dict[tuple[float, float], list[Stop]] | None = None

    def stop(self, stop: Stop) -> StopCard:
        return StopCard(
            title(self.trip, stop), stop.dates, self._reached(stop), _placing(stop),
            _traveller(stop), stop.summary,
            tuple((c, v) for c, v in stop.extra.items()
                  if v.strip() and c not in RECORD_COLUMNS),
            self._visits(stop),
            tuple(meeting_card(m) for m in self.shown.meetings_at(stop.stop_id)),
            f"Record {stop.extra['source_id']} of the Office of the Historian's travels."
            if stop.extra.get("source_id") else "")

    def _reached(self, stop: Stop) -> str:
        if self._arrivals is None:
            self._arrivals = arrivals(self.trip)
        leg = self._arrivals.get(stop.stop_id)
        if leg is None:
            return ""
        days = {0: "the same day", 1: "the next day"}.get(leg.days, f"{leg.days} days later")
        return f"From {leg.origin.place or leg.origin.label}: about {leg.km:,.0f} km, {days}"

    def _visits(self, stop: Stop) -> str:
        if not stop.located:
            return ""
        if self._at is None:
            self._at = {}
            for s in self.trip.stops:
                if s.located:
                    self._at.setdefault((s.lat, s.lon), []).append(s)  # type: ignore[arg-type]
        here = self._at[(stop.lat, stop.lon)]  # type: ignore[index]
        # The first few of the others, whatever their number: a card a stop stays linear.
        others = [s for s in here[:VISITS_LISTED + 1] if s.stop_id != stop.stop_id]
        listed = ", ".join(f"{self.trip.number(s.stop_id)} ({s.dates})"
                           for s in others[:VISITS_LISTED])
        more = len(here) - 1 - VISITS_LISTED
        return listed + (f" and {more} more" if more > 0 else "")


def _placing(stop: Stop) -> str:
    if not stop.located:
        return f"Not on the map: {stop.note or 'the place could not be found'}"
    found = _PLACED.get(stop.precision, "")
    return found.format(why=stop.note or "the place itself was not found")


def _traveller(stop: Stop) -> str:
    name = stop.extra.get(TRAVELLER, "").strip()
    if not name:
        return ""
    role = stop.extra.get("role", "").strip()
    role = _ROLES.get(role.lower(), role)
    return f"{name}, {role}" if role else name


# Markdown, for the panel.

def markdown(card: StopCard) -> str:
    md = _md
    lines = [f"### {md(card.title)}", f"**{md(card.dates)}**"]
    if card.reached:
        lines[-1] += f"  \n{md(card.reached)}"  # a Markdown line break
    if card.placing:
        lines.append(f"_{md(card.placing)}._")
    if card.traveller:
        lines.append(f"**Traveller:** {md(card.traveller)}")
    if card.summary:
        lines += ["", md(card.summary)]
    lines += [f"- **{md(column)}:** {md(value)}" for column, value in card.fields]
    if card.visits:
        lines.append(f"\nOther visits here: {md(card.visits)}.")
    if card.meetings:
        lines += ["", f"#### Meetings ({len(card.meetings)})"]
        for meeting in card.meetings:
            lines += ["", *meeting_markdown(meeting)]
    if card.source:
        lines += ["", f"_{md(card.source)}_"]
    return "\n".join(lines)


def meeting_markdown(card: MeetingCard) -> list[str]:
    md = _md
    head = f"**{md(card.who)}** · " + (md(card.when) if card.when else "_date not given_")
    if card.topics:
        head += f"  \n_Topics: {md(card.topics)}_"
    lines = [head]
    if card.summary:
        lines += ["", md(card.summary)]
    if card.quote:
        lines += ["", f"> {md(_quoted(card))}"]
    return lines


# HTML, for the map's popups, the brief and KML descriptions.

def html(card: StopCard, *, heading: str = "h4") -> str:
    """The card as HTML; `heading` is the tag of its title, or "" for none (KML names the
    placemark itself)."""
    e = _escape
    parts = [f"<{heading}>{e(card.title)}</{heading}>" if heading else "",
             f"<p><i>{e(card.dates)}</i>" + (f"<br>{e(card.reached)}" if card.reached else "")
             + "</p>"]
    if card.placing:
        parts.append(f"<p>{e(card.placing)}.</p>")
    if card.traveller:
        parts.append(f"<p>Traveller: {e(card.traveller)}</p>")
    if card.summary:
        parts.append(f"<p>{e(card.summary)}</p>")
    if card.fields:
        parts.append("<ul>" + "".join(f"<li><b>{e(c)}:</b> {e(v)}</li>"
                                      for c, v in card.fields) + "</ul>")
    if card.visits:
        parts.append(f"<p>Other visits here: {e(card.visits)}.</p>")
    parts += [meeting_html(m) for m in card.meetings]
    if card.source:
        parts.append(f"<p><small>{e(card.source)}</small></p>")
    return "".join(parts)


def meeting_html(card: MeetingCard) -> str:
    e = _escape
    text = f"<p><b>{e(card.who)}</b> · " + (e(card.when) if card.when else
                                            "<i>date not given</i>")
    if card.topics:
        text += f"<br><i>Topics: {e(card.topics)}</i>"
    if card.summary:
        text += f"<br>{e(card.summary)}"
    text += "</p>"
    if card.quote:
        text += f"<blockquote>{e(_quoted(card))}</blockquote>"
    return text


# Plain text, for the calendar.

def text(card: StopCard) -> str:
    """The card as plain text, its title and dates aside (an event has its own)."""
    about = [line for line in (card.reached, card.placing and f"{card.placing}.",
                               card.traveller and f"Traveller: {card.traveller}",
                               card.summary) if line]
    about += [f"{column}: {value}" for column, value in card.fields]
    paragraphs = ["\n".join(about)] if about else []
    return "\n\n".join(paragraphs + [meeting_text(m) for m in card.meetings])


def meeting_text(card: MeetingCard) -> str:
    lines = [f"{card.who} ({card.when or 'date not given'})"]
    lines += [line for line in (card.topics and f"Topics: {card.topics}", card.summary,
                                card.quote and _quoted(card)) if line]
    return "\n".join(lines)


def _quoted(card: MeetingCard) -> str:
    return f"“{card.quote}”" + (f" — {card.quote_by}" if card.quote_by else "")


def each(trip: Trip, stops: Iterable[Stop] | None = None) -> list[StopCard]:
    """The cards of these stops (every stop of the trip by default), in one pass."""
    cards = Cards(trip)
    return [cards.stop(stop) for stop in (trip.stops if stops is None else stops)]
