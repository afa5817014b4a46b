"""The trip's route in an article: which of the places it names are stops, in what order,
on which days.

The sentences are read in order. A place the words around it make a stop (see `cues`)
starts a stop, or adds to the one it names again; "return to Amman" starts a second stop at
a place already visited. A sentence that lists several countries with one range of days
("will travel to Belgium, Poland … from March 3 to 8") is an overview: the range bounds the
trip and the countries stand as stops only where no town of theirs does. A country with a
town among the stops is that town's stop, and lends it its days. Days are paired with the
nearest place in their part of the sentence; a dated sentence that names no place adds to
the stop the traveller is at, and a place named without days takes those of its paragraph
or section. A stop whose days stay unknown takes those it can be shown to fall in (after
the stop before it, before the stop after it, within the trip's bounds), marked inferred.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from itinerary.extract.cues import Role, Times, continues_list, role
from itinerary.extract.places import Mention, PlaceFinder
from itinerary.extract.sentences import Sentence
from itinerary.extract.when import When, dates_in
from itinerary.names import normalize

OVERVIEW_PLACES = 3  # places listed with one range that make a sentence an overview
SPAN_SLACK = timedelta(days=3)  # a dated place this far outside the trip is other travel
# Characters on each side of a place that its cues are read in: more than any cue spans
# ("follows … his travel to" reaches 400), and a bound, so that a sentence that never ends
# costs linear time.
CONTEXT = 1000
_COUNTRY_AFTER = re.compile(r",\s*[A-Z]")


@dataclass
class Visit:
    """A stop as it is being read: its place, days and the sentence that shows it."""

    mention: Mention
    sentence: Sentence
    order: int
    first: date | None = None
    last: date | None = None
    stated: list[bool] = field(default_factory=lambda: [False, False])  # start, end
    month_only: bool = False
    overview: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    after: tuple[str, str] | None = None  # in an overview's list, the place before it

    @property
    def key(self) -> tuple[str, str]:
        return _key(self.mention)

    def add(self, when: When, *, stated: bool = True) -> None:
        if not when.day:
            if self.first is None:
                self.first, self.last, self.month_only = when.first, when.last, True
            return
        if self.month_only:
            self.first = self.last = None
            self.month_only = False
            self.stated = [False, False]
        if self.first is None or when.first < self.first:
            self.first, self.stated[0] = when.first, stated
        if self.last is None or when.last > self.last:
            self.last, self.stated[1] = when.last, stated

    def end_on(self, day: date) -> None:
        if self.first is None or day >= self.first:
            self.last, self.stated[1] = day, True


@dataclass
class _Reading:
    """What the reader knows at a point in the text."""

    visits: list[Visit] = field(default_factory=list)
    latest: dict[tuple[str, str], Visit] = field(default_factory=dict)  # by place
    countries: dict[str, int] = field(default_factory=dict)  # code: its latest visit
    current: Visit | None = None
    origins: set[tuple[str, str]] = field(default_factory=set)
    bounds: list[When] = field(default_factory=list)
    pending: list[When] = field(default_factory=list)  # days before the first stop
    carried: When | None = None  # the paragraph's or section's latest days
    section: When | None = None
    paragraph: int = -1
    month: int | None = None


class RouteReader:
    """Reads the stops of an article's sentences."""

    def __init__(self, finder: PlaceFinder, reference: date) -> None:
        self._finder = finder
        self._reference = reference
        self._state = _Reading()

    def read(self, sentences: list[Sentence]) -> list[Visit]:
        for sentence in sentences:
            self._sentence(sentence)
        return self._finished()

    def _sentence(self, sentence: Sentence) -> None:
        state = self._state
        if sentence.paragraph != state.paragraph:
            state.paragraph, state.carried = sentence.paragraph, state.section
        plain = sentence.plain
        dates = dates_in(plain, self._reference, state.month)
        if dates and dates[-1].day:
            state.month = dates[-1].last.month
        placed = self._placed(sentence, plain, dates)
        stops = [(m, r) for m, r in placed if r is not Role.NONE]
        days = [d for d in dates if d.day]
        if self._overview(stops, dates):
            self._add_overview(sentence, stops, dates)
            return
        self._stops_of(sentence, stops, dates, plain)
        if not stops and not sentence.header:  # a dateline is not a day of the trip
            for when in days:
                self._free(when)
        if days:
            state.carried = days[-1]
            if sentence.header:
                state.section = days[-1]

    def _stops_of(self, sentence: Sentence, stops: list[tuple[Mention, Role]],
                  dates: list[When], plain: str) -> None:
        paired = _pair(stops, dates, plain)
        left = [paired[i] for i, (_, k) in enumerate(stops) if k is Role.DEPART and i in paired]
        for index, (mention, kind) in enumerate(stops):
            # "will depart Addis Ababa and return to Amman" on the day the sentence gives
            days_of = paired.get(index) or (left[0] if left and kind is not Role.DEPART
                                            else [])
            self._place(sentence, mention, kind, days_of)

    def _placed(self, sentence: Sentence, plain: str, dates: list[When]
                ) -> list[tuple[Mention, Role]]:
        mentions = self._finder.mentions(plain)
        times = Times(plain)
        found: list[tuple[Mention, Role]] = []
        previous: tuple[Mention, Role] | None = None
        previous_end = 0  # where the previous place's name, and its country, end
        begins = [d.begin for d in dates]
        skip: set[int] = set()
        for index, mention in enumerate(mentions):
            if index in skip:
                continue
            mention = self._with_hint(plain, mentions, index, skip)
            tail = mentions[index + 1].end if index + 1 in skip else mention.end
            kind = role(plain[max(0, mention.begin - CONTEXT):mention.begin],
                        plain[mention.end:mention.end + CONTEXT],
                        times.within(*_clause(plain, mention.begin, mention.end)),
                        header=sentence.header and bool(dates),
                        abbreviation="." in mention.text or mention.text.isupper())
            if (kind is Role.NONE and previous is not None
                    and previous[1] in (Role.STOP, Role.RETURN)
                    and continues_list(_without_dates(plain, previous_end, mention.begin,
                                                      dates, begins))):
                kind = Role.STOP
            if kind is Role.STOP and not self._plausible(plain, mention):
                kind = Role.NONE
            found.append((mention, kind))
            previous, previous_end = (mention, kind), tail
        return found

    def _with_hint(self, plain: str, mentions: list[Mention], index: int,
                   skip: set[int]) -> Mention:
        """A town followed by its country or region ("Cornwall, U.K.", "Honolulu,
        Hawaii") is the town of that name there; the hint is not a place of its own."""
        mention = mentions[index]
        if index + 1 >= len(mentions) or mention.is_country:
            return mention
        hint = mentions[index + 1]
        if not re.fullmatch(r",\s*", plain[mention.end:hint.begin]):
            return mention
        placed = self._finder.in_country(mention, hint.country_code)
        if placed is None:
            return mention
        skip.add(index + 1)
        return replace(placed, pinned=True)

    def _plausible(self, plain: str, mention: Mention) -> bool:
        """A town's name alone, unless it is large or followed by its country, is more
        often a person's or a word's: "Antony", "Victor"."""
        if mention.is_country or mention.population >= 15_000:
            return True
        if " " in mention.text.strip() and mention.population >= 500:
            return True  # "Vatican City", "Port Vila": two words are seldom a person's
        return bool(_COUNTRY_AFTER.match(plain, mention.end))

    def _overview(self, stops: list[tuple[Mention, Role]], dates: list[When]) -> bool:
        arriving = [m for m, r in stops if r is Role.STOP]
        if len(dates) > 1 or len(arriving) < 2:
            return False
        return len(arriving) >= OVERVIEW_PLACES or all(m.is_country for m in arriving)

    def _add_overview(self, sentence: Sentence, stops: list[tuple[Mention, Role]],
                      dates: list[When]) -> None:
        state = self._state
        state.bounds += dates
        before: tuple[str, str] | None = None
        for mention, kind in stops:
            if kind is Role.STOP and self._find(mention) is None:
                self._append(Visit(mention, sentence, _order(sentence, mention),
                                   overview=True, sentences=[sentence], after=before))
            if kind is Role.STOP:
                before = _key(mention)
            elif kind is Role.DEPART:
                state.origins.add(_key(mention))

    def _place(self, sentence: Sentence, mention: Mention, kind: Role,
               dates: list[When]) -> None:
        state = self._state
        found = self._find(mention)
        if kind is Role.FROM:
            return
        if kind is Role.DEPART:
            if found is None:
                state.origins.add(_key(mention))
            elif dates:
                found.end_on(dates[0].first)
            return
        if kind is Role.RETURN and (found is None or _key(mention) in state.origins):
            if dates and state.current is not None:
                state.current.end_on(dates[0].first)  # "return to Washington on May 27"
            return
        if kind is Role.STOP and _key(mention) in state.origins and found is None:
            return  # "before departing for the United States": home
        self._visit(sentence, mention, found if kind is Role.STOP else None, dates)

    def _visit(self, sentence: Sentence, mention: Mention, found: Visit | None,
               dates: list[When]) -> None:
        state = self._state
        if found is not None and found.overview:
            found.overview, found.order, found.sentence = False, _order(sentence, mention), \
                sentence
        if found is None:
            found = Visit(self._in_trip_country(mention), sentence,
                          _order(sentence, mention))
            self._append(found, named=_key(mention))
        # Days told before the first stop are its days only when its own sentence gives
        # none: a dateline or a source line's day is not the start of a dated stop.
        pending, state.pending = state.pending, []
        if not found.sentences or found.sentences[-1] is not sentence:
            found.sentences.append(sentence)  # sentences come in order: only the last
        if dates:
            for when in dates:
                found.add(when)
        elif pending:
            for when in pending:
                found.add(when, stated=False)
        elif found is not state.current and found.first is None and state.carried:
            found.add(state.carried)
        if dates or (found is not state.current and found.first is None) or \
                found is state.visits[-1]:
            state.current = found

    def _append(self, visit: Visit, named: tuple[str, str] | None = None) -> None:
        """A new stop, found later by its place, and by the name as the text wrote it
        when that was placed in a country of the trip ("Windsor" on a trip to London)."""
        state = self._state
        state.visits.append(visit)
        state.latest[visit.key] = visit
        if named is not None:
            state.latest[named] = visit
        state.countries[visit.mention.country_code] = len(state.visits)

    def _in_trip_country(self, mention: Mention) -> Mention:
        """A town of that name in a country the trip goes to, if there is one: "Windsor"
        on a trip to the United Kingdom is the English town. The countries are tried
        latest first. A town whose country is written beside it stays there."""
        codes = self._state.countries
        if mention.is_country or mention.pinned or mention.country_code in codes:
            return mention
        for code in sorted(codes, key=codes.__getitem__, reverse=True):
            placed = self._finder.in_country(mention, code)
            if placed is not None:
                return placed
        return mention

    def _free(self, when: When) -> None:
        """Days a sentence gives with no place: the traveller is still where they were."""
        state = self._state
        if not when.day:
            return
        if state.current is None:
            state.pending.append(when)
        elif state.current.first is None or when.first >= state.current.first:
            state.current.add(when)

    def _find(self, mention: Mention) -> Visit | None:
        """The stop at this place, the latest if it was visited twice."""
        return self._state.latest.get(_key(mention))

    def _finished(self) -> list[Visit]:
        visits = _absorbed(self._state.visits)
        _listed_in_order(visits)
        visits = _within_trip(visits, self._state.bounds)
        visits.sort(key=lambda v: v.order)
        _infer(visits, self._state.bounds, self._reference)
        return _chronological(visits)


def _key(mention: Mention) -> tuple[str, str]:
    if mention.is_country:
        return ("", mention.country_code)
    return (normalize(mention.text), mention.country_code)


def _order(sentence: Sentence, mention: Mention) -> int:
    return sentence.index * 100_000 + mention.begin


def _clause(text: str, begin: int, end: int) -> tuple[int, int]:
    """Where the clause of the name at text[begin:end] begins and ends."""
    low, high = max(0, begin - CONTEXT), min(len(text), end + CONTEXT)
    start = max(text.rfind(c, low, begin) for c in ";:—")
    stop = min((i for i in (text.find(c, end, high) for c in ";:—") if i >= 0), default=high)
    return max(start + 1, low), stop


def _without_dates(text: str, begin: int, end: int, dates: list[When],
                   begins: list[int]) -> str:
    """The words between two places, without the dates among them (`begins`: where each
    date begins, in order)."""
    gap = text[begin:end]
    for index in range(bisect_left(begins, begin), len(dates)):
        when = dates[index]
        if when.begin >= end:
            break
        if when.end <= end:
            gap = gap.replace(when.text, " ", 1)
    return gap


def _pair(stops: list[tuple[Mention, Role]], dates: list[When], text: str
          ) -> dict[int, list[When]]:
    """Each date with the place nearest to it in the same part of the sentence (parts end
    at semicolons); a date before a list of places goes with each of them ("On May 23-24
    … to Jerusalem and Ramallah")."""
    paired: dict[int, list[When]] = {}
    if not stops:
        return paired
    begins = [m.begin for m, _ in stops]
    for when in dates:
        # The nearest place is the last that begins before the date or the first after.
        after = bisect_left(begins, when.begin)
        near = [i for i in (after - 1, after) if 0 <= i < len(stops)]
        best = min(near, key=lambda i: _distance(stops[i][0], when, text))
        if _distance(stops[best][0], when, text) >= 10**6:
            continue
        for index in _group(stops, best, text):
            paired.setdefault(index, []).append(when)
    return paired


def _distance(mention: Mention, when: When, text: str) -> int:
    low, high = sorted((mention.end if mention.end <= when.begin else mention.begin,
                        when.begin if mention.end <= when.begin else when.end))
    if ";" in text[low:high]:
        return 10**6
    return high - low


def _group(stops: list[tuple[Mention, Role]], index: int, text: str) -> list[int]:
    """The places listed together with the one at `index`: "Jerusalem and Ramallah"."""
    group = [index]
    for step in (-1, 1):
        at = index
        while 0 <= at + step < len(stops):
            a, b = sorted((stops[at][0], stops[at + step][0]), key=lambda m: m.begin)
            if stops[at + step][1] is not Role.STOP or not re.fullmatch(
                    r"\s*(?:,\s*)?(?:and|&)?\s*", text[a.end:b.begin]) or \
                    not text[a.end:b.begin].strip():
                break
            at += step
            group.append(at)
    return sorted(group)


def _absorbed(visits: list[Visit]) -> list[Visit]:
    """Countries with a town among the stops become that town's stop: the town nearest
    after the country (or else before), which takes the country's days if it has none."""
    towns: dict[str, list[Visit]] = {}
    for visit in visits:
        if not visit.mention.is_country:
            towns.setdefault(visit.mention.country_code, []).append(visit)
    kept: list[Visit] = []
    for visit in visits:
        inside = towns.get(visit.mention.country_code) if visit.mention.is_country else None
        if not inside:
            kept.append(visit)
            continue
        later = [t for t in inside if t.order > visit.order]
        town = later[0] if later else inside[-1]
        if town.first is None and visit.first is not None:
            town.first, town.last = visit.first, visit.last
            town.stated, town.month_only = list(visit.stated), visit.month_only
        have = {s.index for s in town.sentences}
        town.sentences += [s for s in visit.sentences if s.index not in have]
    return kept


def _listed_in_order(visits: list[Visit]) -> None:
    """A place an overview lists, and the text names nowhere else, comes after the one
    the list names before it: "Colombia, Chile, and Peru", told of Bogotá and Santiago."""
    where: dict[tuple[str, str], Visit] = {}
    for visit in visits:
        where[visit.key] = visit
        if not visit.mention.is_country:
            where.setdefault(("", visit.mention.country_code), visit)
    for visit in sorted(visits, key=lambda v: v.order):
        previous = where.get(visit.after) if visit.overview and visit.after else None
        if previous is not None and previous is not visit and previous.order > visit.order:
            visit.order = previous.order + 1


def _within_trip(visits: list[Visit], bounds: list[When]) -> list[Visit]:
    """Without stops whose days lie outside the trip: "while in New York … in
    September" in a story of an October trip."""
    days = [v for v in visits if v.first is not None and not v.month_only]
    if not days and not bounds:
        return visits
    firsts = [v.first for v in days if v.first] + [b.first for b in bounds]
    lasts = [v.last for v in days if v.last] + [b.last for b in bounds]
    low, high = min(firsts), max(lasts)
    if days:  # a month is other travel when it holds none of the trip's days
        slack = SPAN_SLACK
        return [v for v in visits if v.first is None or v.last is None or
                (v.first <= high + slack and v.last >= low - slack if not v.month_only
                 else v.first <= high and v.last >= low)]
    return visits


def _infer(visits: list[Visit], bounds: list[When], reference: date) -> None:
    """Days for the stops that have none, from their neighbours and the trip's bounds."""
    start = min((b.first for b in bounds), default=None)
    end = max((b.last for b in bounds), default=None)
    if bounds and not any(b.day for b in bounds) and start and end:
        for visit in visits:  # "next month": each stop somewhere in that month
            if visit.first is None:
                visit.first, visit.last, visit.month_only = start, end, True
    _infer_starts(visits, start, reference)
    _infer_ends(visits, end)


def _infer_starts(visits: list[Visit], start: date | None, reference: date) -> None:
    # Every stop before has its start by the time a stop is reached, so the one before
    # it is the latest with days.
    for index, visit in enumerate(visits):
        if visit.first is None:
            before = visits[index - 1].last or visits[index - 1].first if index else None
            visit.first = before or start or _next_start(visits, index) or reference
            visit.stated[0] = False


def _infer_ends(visits: list[Visit], end: date | None) -> None:
    # Every stop has its start by now, so the next stop's is the next start.
    for index, visit in enumerate(visits):
        if visit.last is None:
            after = visits[index + 1].first if index + 1 < len(visits) else None
            last = after if after is not None else (end if index == len(visits) - 1
                                                    else None)
            visit.last = last if last is not None and visit.first is not None \
                and last >= visit.first else visit.first
            visit.stated[1] = False


def _next_start(visits: list[Visit], index: int) -> date | None:
    return next((v.first for v in visits[index + 1:] if v.first is not None), None)


def _chronological(visits: list[Visit]) -> list[Visit]:
    """The stops in the order of their days where the text told them out of order ("will
    travel to Rome … will also visit Vatican City on October 29"); a stop a day before the
    one it follows is left in place, as a crossing of the Date Line makes it. Stops without
    stated days keep their place after the one before them."""
    keys: list[date | None] = []
    previous: date | None = None
    before: Visit | None = None
    for visit in visits:
        start = visit.first if visit.stated[0] else None
        if start is not None and previous is not None and (
                start >= previous or ((start - previous).days == -1
                and _across_date_line(before, visit))):
            start = max(start, previous)
        key = start if start is not None else previous
        keys.append(key)
        previous = key if key is not None else previous
        before = visit
    first_known = next((k for k in keys if k is not None), date.min)
    filled = [k if k is not None else first_known for k in keys]
    return [v for _, v in sorted(zip(filled, visits, strict=True), key=lambda p: p[0])]


def _across_date_line(a: Visit | None, b: Visit) -> bool:
    """Whether the leg from a to b crosses the 180th meridian (far east to far west)."""
    if a is None or a.mention.lon is None or b.mention.lon is None:
        return False
    return abs(a.mention.lon - b.mention.lon) > 180
