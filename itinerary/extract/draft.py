"""A draft itinerary made from an article: the `Trip`, and for every stop and meeting the
sentence it came from and whether its dates are stated or inferred.

The draft's stops carry `evidence` and `dates` as extra columns, and its meetings an
`evidence` column, so the CSV files it is written to load straight back in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice

from itinerary.extract.people import Person, events_in, meets, people_in, traveller_in, unnamed_in
from itinerary.extract.quotes import Speakers
from itinerary.extract.route_of import Visit
from itinerary.extract.sentences import Sentence
from itinerary.extract.when import dates_in
from itinerary.geocoding import countries
from itinerary.model import TOPICS, TRAVELLER, Meeting, Stop, Trip
from itinerary.text import shorten, slug

SUMMARY_MAX = 240  # characters of a stop's one-line summary
PEOPLE_KEPT = 200  # the latest people named, among whom a quotation's speaker is sought
STATED, INFERRED = "stated", "inferred"
# Words that file a meeting under one of the project's topics.
_TOPIC_WORDS: dict[str, str] = {
    "drug policy": r"drugs?|narcotic\w*|narcotraffick\w*|counternarcotics",
    "migration": r"migra\w*|refugee\w*|displaced|asylum",
    "trade": r"trade|tariff\w*|export\w*|import\w*|commercial",
    "climate": r"climate|clean energy|emissions",
    "security": r"security|defen[cs]e|military|deterren\w*|terror\w*",
    "democracy and human rights": r"democra\w*|human rights|freedoms?",
    "economy": r"econom\w*|investment\w*|infrastructure|jobs",
    "diplomacy": r"diplomac\w*|bilateral|relations(?:hip)?",
    "ukraine": r"ukrain\w*",
    "peace process": r"peace (?:deal|process|agreement|talks)|ceasefire|two-state",
}
_TOPICS = {topic: re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
           for topic, words in _TOPIC_WORDS.items() if topic in TOPICS}


@dataclass(frozen=True)
class Draft:
    """What was read from an article."""

    trip: Trip
    traveller: str = ""
    published: date | None = None


def stop_from(visit: Visit, stop_id: str, traveller: str = "") -> Stop:
    mention = visit.mention
    info = countries.country(mention.country_code)
    country = info.common if info else mention.text
    place = "" if mention.is_country else mention.text
    assert visit.first is not None and visit.last is not None
    stated = visit.stated
    dates = STATED if all(stated) else INFERRED if not any(stated) else \
        f"start {_status(stated[0])}, end {_status(stated[1])}"
    return Stop(stop_id, place, country, visit.first, max(visit.first, visit.last),
                summary=_summary(visit), extra={"dates": dates,
                                                "evidence": visit.sentence.text}
                | ({TRAVELLER: traveller} if traveller else {}))


def _status(stated: bool) -> str:
    return STATED if stated else INFERRED


def _summary(visit: Visit) -> str:
    """The first sentences that show the stop, of one paragraph, as one line."""
    text = ""
    own = [s for s in visit.sentences if not s.header]
    for sentence in own:
        if sentence.paragraph != own[0].paragraph:
            break
        text = f"{text} {sentence.text}".strip()
        if len(text) >= SUMMARY_MAX // 2:
            break
    return shorten(" ".join(text.split()), SUMMARY_MAX)


def stop_ids(visits: list[Visit]) -> list[str]:
    """Ids from the places' names, made unique: "amman", "amman-2"."""
    used: dict[str, int] = {}
    ids: list[str] = []
    for visit in visits:
        base = slug(visit.mention.text, 40) or "stop"
        used[base] = used.get(base, 0) + 1
        ids.append(base if used[base] == 1 else f"{base}-{used[base]}")
    return ids


class MeetingReader:
    """Finds the meetings of each sentence and the stop each belongs to."""

    def __init__(self, stops: list[Stop], visits: list[Visit], traveller: Person | None
                 ) -> None:
        self._stops = stops
        self._traveller = traveller
        self._by_sentence: dict[int, int] = {}
        for number, visit in enumerate(visits):
            for sentence in visit.sentences:
                self._by_sentence.setdefault(sentence.index, number)
        self._people: dict[str, Person] = {}  # by surname, in the order first named
        self.meetings: list[Meeting] = []
        self._at_stop: dict[str, list[int]] = {}  # each stop's meetings, by index
        self._seen: set[tuple[str, str]] = set()

    def read(self, sentences: list[Sentence]) -> list[Meeting]:
        at: int | None = None
        speakers = Speakers([], self._traveller)
        for sentence in sentences:
            at = self._by_sentence.get(sentence.index, at)
            found = self._named(sentence.plain)
            named = [known for _, known in found]
            speakers = Speakers(self._latest_people(), self._traveller) if named else speakers
            if at is None:
                continue
            if meets(sentence.plain) and not sentence.header:
                for who in self._met(sentence.plain, found):
                    self._add(at, sentence, who.label, who.name)
                for who in self._mentioned(sentence.plain, named):
                    self._add(at, sentence, who.label, who.name)
                for who in [*unnamed_in(sentence.plain), *events_in(sentence.plain)]:
                    self._add(at, sentence, who, who)
            for quote in speakers.quotes(sentence):
                self._quote(at, sentence, quote.words, quote.by)
        return self.meetings

    def _named(self, plain: str) -> list[tuple[Person, Person]]:
        """Each person the sentence names, other than the traveller, as named here and as
        known (the longest name given them so far)."""
        found = [p for p in people_in(plain) if not self._is_traveller(p)]
        for person in found:
            known = self._people.get(person.surname)
            if known is None or len(person.name) > len(known.name):
                self._people[person.surname] = person
        return [(p, self._people[p.surname]) for p in found]

    def _latest_people(self) -> list[Person]:
        return list(islice(reversed(self._people.values()), PEOPLE_KEPT))[::-1]

    def _met(self, plain: str, found: list[tuple[Person, Person]]) -> list[Person]:
        """The people a meeting's sentence names who are not only someone's: "the
        administration of President Joe Biden"."""
        return [known for here, known in found
                if not _OWNED.search(plain, max(0, here.begin - OWNED_REACH), here.begin)]

    def _mentioned(self, plain: str, named: list[Person]) -> Iterable[Person]:
        """People named before, by surname alone: "Petro's meeting with Blinken"."""
        names = {p.surname for p in named}
        for person in self._latest_people():
            surname = person.surname
            if surname not in names and re.search(rf"\b{re.escape(surname)}\b", plain):
                yield person

    def _is_traveller(self, person: Person) -> bool:
        return self._traveller is not None and person.surname == self._traveller.surname

    def _add(self, at: int, sentence: Sentence, who: str, key: str) -> None:
        stop = self._stops[at]
        if (stop.stop_id, key) in self._seen:
            return
        self._seen.add((stop.stop_id, key))
        self._append(Meeting(
            stop.stop_id, _day(sentence, stop), who, _topics(sentence.plain),
            summary=shorten(sentence.text, SUMMARY_MAX), extra=_evidence(sentence)))

    def _append(self, meeting: Meeting) -> None:
        self._at_stop.setdefault(meeting.stop_id, []).append(len(self.meetings))
        self.meetings.append(meeting)

    def _quote(self, at: int, sentence: Sentence, words: str, by: str) -> None:
        """The quotation goes with its speaker's meeting at the stop, or the stop's latest
        meeting when the traveller speaks; a meeting that has a quotation already is
        repeated with the new one."""
        stop = self._stops[at]
        here = self._at_stop.get(stop.stop_id, [])
        mine = [i for i in here if by and by in self.meetings[i].with_]
        chosen = (mine or here or [None])[-1]
        if chosen is None:
            self._append(Meeting(stop.stop_id, _day(sentence, stop),
                                         by or "Remarks", _topics(sentence.plain),
                                         summary=shorten(sentence.text, SUMMARY_MAX),
                                         quote=words, quote_by=by,
                                         extra=_evidence(sentence)))
            return
        meeting = self.meetings[chosen]
        if meeting.quote:
            self._append(replace(meeting, quote=words, quote_by=by,
                                         summary=shorten(sentence.text, SUMMARY_MAX),
                                         extra=_evidence(sentence)))
        else:
            self.meetings[chosen] = replace(meeting, quote=words, quote_by=by)



def _evidence(sentence: Sentence) -> dict[str, str]:
    return {"evidence": sentence.text}


OWNED_REACH = 60  # characters before a name in which "the administration of" is sought
_OWNED = re.compile(r"\b(?<!invitation )(?:of|by|under|from|for)\s+(?:the\s+)?$")


def _day(sentence: Sentence, stop: Stop) -> date | None:
    days = [d for d in dates_in(sentence.plain, stop.start) if d.day and d.first == d.last
            and stop.start <= d.first <= stop.end]
    return days[0].first if len(days) == 1 else None


def _topics(text: str) -> tuple[str, ...]:
    return tuple(topic for topic, pattern in _TOPICS.items() if pattern.search(text))


class Travellers:
    """Who travels from each sentence on, when a text sends two people or more on trips
    of their own ("The President will travel to Berlin … The Vice President will travel to
    Tokyo …"). A sentence that sends someone along with another ("will travel with",
    "accompanies", "joins") names a companion, not a trip of their own."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.people: list[Person] = []
        self._from: list[tuple[int, int]] = []  # (sentence index, person) as the text turns
        for sentence in sentences:
            person = traveller_in(sentence.plain)
            if person is None or (self._from and _COMPANION.search(sentence.plain)):
                continue
            number = self._number(person)
            if not self._from or self._from[-1][1] != number:
                self._from.append((sentence.index, number))
        self._starts = [index for index, _ in self._from]

    def _number(self, person: Person) -> int:
        words = _words(person)
        for number, known in enumerate(self.people):
            if words <= _words(known) or _words(known) <= words:
                if len(person.name) > len(known.name):
                    self.people[number] = person  # known by the fullest name given
                return number
        self.people.append(person)
        return len(self.people) - 1

    @property
    def several(self) -> bool:
        return len(self.people) > 1

    def at(self, index: int) -> str:
        """The name of who travels at the sentence of this index: the last one the text
        sent before it (or the first, for a sentence before any)."""
        turn = max(bisect_right(self._starts, index) - 1, 0)
        return self.people[self._from[turn][1]].name if self._from else ""


def _words(person: Person) -> frozenset[str]:
    """The words that tell a person: their office and name, without articles and
    suffixes, so that "the President" is "President Joseph R. Biden, Jr."."""
    return frozenset(w.strip(",.").lower() for w in f"{person.role} {person.name}".split()
                     if w.strip(",.").lower() not in _NOT_TELLING)


_NOT_TELLING = frozenset({"the", "u.s", "us", "jr", "sr", "of", ""})
_COMPANION = re.compile(r"\b(?:accompan\w*|joins?|joined|joining|along\s+with|together\s+with|"
                        r"travel(?:s|ed|ing)?\s+with)\b", re.IGNORECASE)


def traveller_of(sentences: list[Sentence]) -> Person | None:
    """The first person the article says travels."""
    for sentence in sentences[:40]:
        found = traveller_in(sentence.plain)
        if found is not None:
            return found
    return None
