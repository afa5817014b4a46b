"""How the dashboard names things: stops, travellers, their trips, and page titles.

Plain text for Streamlit's selectboxes, which show it as written (no Markdown). Names are
short enough not to be cut off: a trip is named by where it went ("Colombia, Chile and
Peru", or "Central America" when most of its countries lie in one UN region) and when.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from itinerary.dashboard.choices import ALL, RecordChoice
from itinerary.geocoding import countries
from itinerary.model import Stop, Trip
from itinerary.names import PARENS
from itinerary.sources.records import Imported, Journey, Traveller

ALL_TRIPS = "All trips"
PICKER_MAX = 28  # characters a sidebar picker shows without cutting them off
TITLE_MAX = 56  # characters a title may take: two lines on a phone
_REGION_SHARE = 2 / 3  # a region names a trip when it holds this share of its countries
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def stop_choices(trip: Trip) -> dict[str, str]:
    """Each stop as the stop picker lists it: "3. Lima, Peru (6–7 Oct 2022)"."""
    return {s.stop_id: f"{trip.number(s.stop_id)}. {s.label} ({s.dates})" for s in trip.stops}


def traveller(person: Traveller, *, initials: bool = False) -> str:
    """One style for every traveller, in every picker: "Blinken (2021–25, 85 trips)",
    "Rubio (2025, 2 trips)"; with `initials`, for travellers who share a surname,
    "J. Q. Adams (1825–29, 3 trips)"."""
    years = span(person.first.year, person.last.year, short=True)
    trips = f"{person.trips} trip{'s' if person.trips != 1 else ''}"
    name = _plain(person.name)
    family = surname(name)
    if initials:
        first = " ".join(f"{w[0]}." for w in name.split()[:-1] if w[0].isalpha())
        family = f"{first} {family}".strip()
    return f"{family} ({years}, {trips})"


def travellers(people: Sequence[Traveller]) -> dict[str, str]:
    """Each traveller's label by their id (`traveller`), with initials where a surname is
    shared."""
    family = {p.who: surname(_plain(p.name)) for p in people}
    shared = Counter(family.values())
    return {p.who: traveller(p, initials=shared[family[p.who]] > 1) for p in people}


def _plain(name: str) -> str:
    """ "Henry A. (Heinz Alfred) Kissinger" -> "Henry A. Kissinger"."""
    return " ".join(PARENS.sub(" ", name).split())


def trip_choices(record: Imported, who: str) -> dict[str, str]:
    """A traveller's trips by first day (ISO), latest last, after "all": "Feb 2025 ·
    Central America", by the month each began."""
    return {ALL: ALL_TRIPS} | {j.first_day.isoformat(): _fit(f"{j.first_day:%b %Y}", j.stops,
                                                              PICKER_MAX)
                               for j in record.journeys_of(who)}


def record_title(name: str, trip: Trip, trips: int = 1) -> str:
    """ "Rubio · Central America, Feb 2025"; for several trips "Blinken · 56 trips,
    2021–2025"."""
    return _titled(surname(name), trip.stops, trips)


def shown_title(trip: Trip, shown: Trip) -> str:
    """The one title of what is shown, for the page and every export: who, where and when,
    from the stops shown ("Blinken · Chile and Peru, Oct 2022"). Who is the head of the
    trip's own title before " · ", as this module writes it (a record's traveller, the
    travellers compared, the built-in trip); a trip with none (an upload) is named by
    where and when alone."""
    if not shown.stops:
        return trip.title or "Itinerary"
    who = trip.title.split(" · ")[0] if " · " in trip.title else ""
    trips = len({shown.part(s.stop_id) for s in shown.stops}) if shown.parts else 1
    return _titled(who, shown.stops, trips)


def _titled(who: str, stops: Sequence[Stop], trips: int) -> str:
    head = f"{who} · " if who else ""
    if trips > 1:
        return f"{head}{trips} trips, {years(stops)}"
    tail = f", {when(stops)}"
    return head + _fit("", stops, TITLE_MAX - len(head) - len(tail)) + tail


def part_name(journey: Journey, with_traveller: bool = False) -> str:
    """A trip as the legend of a comparison names it: "Oct 2022 · Colombia, Chile and
    Peru", after the traveller's surname when several are compared."""
    head = f"{surname(journey.traveller)} · " if with_traveller else ""
    return head + _fit(f"{journey.first_day:%b %Y}", journey.stops, TITLE_MAX - len(head))


def compare_title(record: Imported, choices: Sequence[RecordChoice]) -> str:
    """ "Blinken and Rubio · 2 trips, 2022–2025"; "Blinken · 3 trips, 2021–2023"."""
    names = {p.who: surname(p.name) for p in record.travellers}
    who = list(dict.fromkeys(names.get(c.who, c.who) for c in choices))
    people = who[0] if len(who) == 1 else _listing(who) if len(who) <= 3 else \
        f"{len(who)} travellers"
    first, last = min(c.trip for c in choices)[:4], max(c.trip for c in choices)[:4]
    span = first if first == last else f"{first}–{last}"
    return f"{people} · {len(choices)} trips, {span}"


def surname(name: str) -> str:
    """ "Antony John Blinken" -> "Blinken"; "Henry A. (Heinz Alfred) Kissinger" ->
    "Kissinger"."""
    words = PARENS.sub(" ", name).replace(",", " ").split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in _SUFFIXES:
        words.pop()
    return words[-1] if words else name


def where(stops: Sequence[Stop], limit: int) -> list[str]:
    """Ways of naming where the stops lie, most precise first: the countries (up to three),
    their UN region, their continent, their number."""
    codes = list(dict.fromkeys(c for c in (_code(s.country) for s in stops) if c))
    names = country_names(stops)
    if not names:
        return [f"{len(stops)} stops"]
    found = []
    if len(names) <= 3:
        found.append(_listing(names))
    for field in ("region", "continent"):
        area = _main(codes, field)
        if area:
            found.append(area)
    found.append(f"{len(names)} countr{'y' if len(names) == 1 else 'ies'}")
    fitting = [f for f in dict.fromkeys(found) if len(f) <= limit]
    return fitting or [found[-1]]


def when(stops: Sequence[Stop]) -> str:
    """ "Oct 2022", "Sep–Oct 2022", "Dec 2022 – Jan 2023", or years for long spans."""
    first, last = min(s.start for s in stops), max(s.end for s in stops)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%b %Y}"
    if first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    if _months(first, last) <= 2:
        return f"{first:%b %Y} – {last:%b %Y}"
    return f"{first.year}–{last.year}"


def years(stops: Sequence[Stop]) -> str:
    """The years the stops span: "2022", "2021–2025"."""
    return span(min(s.start for s in stops).year, max(s.end for s in stops).year)


def span(first: int, last: int, *, short: bool = False) -> str:
    """ "2022", "2021–2025", or with `short` "2021–25"."""
    if first == last:
        return str(first)
    return f"{first}–{last % 100:02d}" if short else f"{first}–{last}"


def country_names(stops: Sequence[Stop]) -> list[str]:
    """The countries of the stops as people call them today, each once, in trip order."""
    return list(dict.fromkeys(s.country_name or countries.common_name(s.country)
                              for s in stops if s.country))


def _fit(head: str, stops: Sequence[Stop], limit: int) -> str:
    joiner = " · " if head else ""
    return head + joiner + where(stops, limit - len(head) - len(joiner))[0]


def _code(text: str) -> str | None:
    hint = countries.hint_for(text) if text else None
    return hint.named[0][0] if hint else None


def _main(codes: list[str], field: str) -> str | None:
    areas = Counter(getattr(countries.country(c), field, "") for c in codes)
    area, count = areas.most_common(1)[0] if areas else ("", 0)
    return area if area and count >= _REGION_SHARE * len(codes) else None


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _months(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1
