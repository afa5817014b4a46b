"""Quotations and who said them.

The speaker is the person named beside a verb of saying ("Landa said", "said Landa",
"Urrejola said, “…”"), or else the first person the sentence names outside its quotation
("Castillo called the meeting “very productive.”"); "he" or "she" is the speaker or
subject of the sentence before, and "the secretary" or "the president" is the traveller
when that is their office.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from itinerary.extract.people import Person
from itinerary.extract.sentences import Sentence

_SAYS = (r"said|says|told|added|noted|stated|declared|remarked|stressed|emphasized|"
         r"explained|insisted|suggested|called|praised|recognized|urged|warned|wrote|"
         r"tweeted|announced|affirmed|described|pledged")
_PRONOUN = re.compile(r"^\W*(?:he|she)\s+(?:" + _SAYS + r")\b", re.IGNORECASE)
_OFFICE = re.compile(r"\bthe\s+(secretary|president|prime minister|minister|chancellor|"
                     r"vice president|first lady)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quote:
    words: str
    by: str
    sentence: Sentence


class Speakers:
    """Finds who said each quotation, sentence by sentence, remembering the last one."""

    def __init__(self, people: Sequence[Person], traveller: Person | None) -> None:
        self._people = list(people)
        self._traveller = traveller
        self._last = ""

    def quotes(self, sentence: Sentence) -> list[Quote]:
        found = sentence.quotes()
        if not found:
            self._last = self._first_named(sentence.plain) or self._last
            return []
        speaker = self._speaker(sentence) or self._last
        self._last = speaker or self._last
        return [Quote(words.strip(" ,."), speaker, sentence) for _, _, words in found
                if len(words.split()) >= 1]

    def _speaker(self, sentence: Sentence) -> str:
        plain = sentence.plain
        names = self._names
        for name, full in names:
            if re.search(rf"\b{re.escape(name)}\s+(?:{_SAYS})\b|\b(?:{_SAYS})\s+"
                         rf"{re.escape(name)}\b", plain):
                return full
        if _PRONOUN.search(plain.strip()) or re.search(r"[,”]\s*(?:he|she)\s+(?:said|says)\b",
                                                        plain):
            return self._last
        office = _OFFICE.search(plain)
        if office and self._traveller and office.group(1).lower() in \
                self._traveller.role.lower():
            return self._traveller.name
        return self._first_named(plain)

    def _first_named(self, plain: str) -> str:
        best: tuple[int, str] | None = None
        for name, full in self._names:
            found = re.search(rf"\b{re.escape(name)}\b", plain)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), full)
        return best[1] if best else ""

    @cached_property  # the people are fixed for a Speakers: sorted once
    def _names(self) -> list[tuple[str, str]]:
        people = [*self._people, *([self._traveller] if self._traveller else [])]
        pairs = [(p.name, p.name) for p in people] + [(p.surname, p.name) for p in people]
        return sorted(set(pairs), key=lambda pair: -len(pair[0]))
