"""Place names in an article: the countries and the gazetteer's towns and regions that its
capitalised words name, found the way the geocoder will look them up, so the two agree.

A run of capitalised words ("Port Moresby", "the Republic of Korea", "Addis Ababa") is
matched longest first against country names, then against the gazetteer's names. A single
word that the text also writes in lower case ("summit", "union") is a word, not a place, and
so are the words of titles, the calendar and sentence openings. Which mentions are stops is
decided in `itinerary.extract.route_of`; here a mention is only found, with the country it
lies in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from itinerary.extract.when import MONTHS, WEEKDAYS
from itinerary.geocoding import countries
from itinerary.geocoding.gazetteer import Gazetteer, Place
from itinerary.names import normalize

_WORD = re.compile(r"[A-ZÀ-Þ][\w’'.-]*\w|[A-ZÀ-Þ]|(?<=\s)(?:of|de|del|da|do|la|le|and|"
                   r"the|al|el|es|upon|on|sur)(?=\s)")
_LINKS = frozenset({"of", "de", "del", "da", "do", "la", "le", "and", "the", "al", "el",
                    "es", "upon", "on", "sur"})
LONGEST = 5  # words in the longest place name tried
# Capitalised words that open sentences or name offices and days, never the place meant.
_NOT_PLACES = frozenset(normalize(w) for w in [
    "The", "A", "An", "In", "On", "At", "To", "From", "For", "With", "By", "During",
    "While", "After", "Before", "Then", "And", "But", "Also", "He", "She", "They", "We",
    "It", "His", "Her", "Their", "Our", "This", "That", "These", "Those", "There", "Here",
    "When", "Where", "As", "Of", "Its", "Both", "President", "Prime", "Minister",
    "Secretary", "Foreign", "King", "Queen", "Prince", "Princess", "Pope", "Vice", "Deputy",
    "Ambassador", "General", "Admiral", "Governor", "Mayor", "Senator", "Chancellor",
    "Minister", "Premier", "Emir", "Sultan", "Sheikh", "Crown", "Council", "Councilor",
    "State", "Department", "Office", "House", "White", "Ministry", "Government", "Mr",
    "Mrs", "Ms", "Dr", "Jr", "Sr", "First", "Lady", "Second", "Gentleman", "Additional",
    "Summit", "Forum", "Union", "Alliance", "Assembly", "Parliament", "Congress", "Senate",
    "Court", "Embassy", "Statement", "Readout", "Press", "Release", "Media", "Note",
    "Travel", "Trip", "Visit", "Secretary-General", "Excellency", "Majesty", "Holiness",
    "Highness", "North", "South", "East", "West", "Central", "Western", "Eastern",
    "Northern", "Southern", "Middle", "Region", "Republic", "Democratic", "People",
    "Islamic", "Federal", "United", "Kingdom", "National", "International", "Global",
    "World", "Pacific", "Atlantic", "Indian", "Ocean", "Sea", "Gulf", "Island", "Islands",
    "Coast",
]) | frozenset(normalize(w) for w in (*MONTHS, *WEEKDAYS)) | frozenset(normalize(w) for w in (
    # Regions of the world: GeoNames names hamlets after some, but a region is never a stop
    # (it has no one point), so the name is the region's.
    "Middle East", "Near East", "Far East", "Southeast Asia", "South Asia", "East Asia",
    "Central Asia", "Latin America", "South America", "North America", "Central America",
    "Western Hemisphere", "Indo-Pacific", "Asia Pacific", "Asia-Pacific", "Europe",
    "Africa", "Asia", "Oceania", "Balkans", "Caribbean", "Sahel", "Horn of Africa",
    "Persian Gulf", "Gulf", "Arctic", "Antarctica", "Scandinavia", "Baltics", "Levant"))


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence, at [begin, end) of its text."""

    begin: int
    end: int
    text: str
    country_code: str
    kind: str  # "country", "city" or "region"
    population: int = 0
    lon: float | None = None  # to tell a crossing of the Date Line
    pinned: bool = False  # its country is written beside it: "Santiago, Chile"

    @property
    def is_country(self) -> bool:
        return self.kind == "country"


class PlaceFinder:
    """Finds place names; one per article, since it remembers what it looked up."""

    def __init__(self, gazetteer: Gazetteer, text: str) -> None:
        self._gazetteer = gazetteer
        self._lower = frozenset(re.findall(r"(?<![\w.])[a-z][a-z-]+", text))
        self._seen: dict[str, list[Place]] = {}
        self._countries = countries.name_keys()
        self.named_countries = self._countries_named(text)

    def _countries_named(self, text: str) -> set[str]:
        found: set[str] = set()
        for begin, stop, _ in self._runs(text):
            words = text[begin:stop].split()
            for size in range(1, min(LONGEST, len(words)) + 1):
                for start in range(len(words) - size + 1):
                    code = self._countries.get(countries.key_of(" ".join(words[start:start
                                                                               + size])))
                    if code:
                        found.add(code)
        return found

    def mentions(self, sentence: str) -> list[Mention]:
        """The places a sentence names, in order."""
        found: list[Mention] = []
        for begin, _, words in self._runs(sentence):
            found += self._in_run(sentence, words, begin)
        return found

    def _runs(self, text: str) -> list[tuple[int, int, list[re.Match[str]]]]:
        """Runs of capitalised words, with the small words that may join them."""
        runs: list[tuple[int, int, list[re.Match[str]]]] = []
        current: list[re.Match[str]] = []
        for word in _WORD.finditer(text):
            if current and text[current[-1].end():word.start()].strip() not in ("", "-"):
                runs.append(_run(current))
                current = []
            current.append(word)
        if current:
            runs.append(_run(current))
        return [r for r in runs if r[2]]

    def _in_run(self, sentence: str, words: list[re.Match[str]], offset: int
                ) -> list[Mention]:
        found: list[Mention] = []
        index = 0
        while index < len(words):
            mention = self._longest(sentence, words, index)
            if mention is None:
                index += 1
                continue
            found.append(mention)
            index += len(sentence[mention.begin:mention.end].split())
        return found

    def _longest(self, sentence: str, words: list[re.Match[str]], index: int
                 ) -> Mention | None:
        if words[index].group(0) in _LINKS:
            return None
        for size in range(min(LONGEST, len(words) - index), 0, -1):
            last = words[index + size - 1]
            if last.group(0) in _LINKS:
                continue
            begin, end = words[index].start(), last.end()
            mention = self._named(sentence[begin:end].rstrip(".’'"), begin)
            if mention is not None:
                return mention
        return None

    def _named(self, text: str, begin: int) -> Mention | None:
        key = normalize(text)
        if not key or key in _NOT_PLACES:
            return None
        end = begin + len(text)
        code = self._countries.get(countries.key_of(text))
        if code:
            info = countries.country(code)
            return Mention(begin, end, text, code, "country", 0, info.lon if info else None)
        if " " not in key and (key in self._lower or len(key) < 3):
            return None  # a word the text also writes in lower case: "summit"
        if text.isupper() and len(key) <= 5:
            return None  # "NATO", "OAS": an organisation's letters, not a town's name
        places = self._places(key)
        if not places:
            return None
        best = self._best(places)
        return Mention(begin, end, text, best.country_code, best.kind, best.population,
                       best.lon)

    def _places(self, key: str) -> list[Place]:
        if key not in self._seen:
            self._seen[key] = self._gazetteer.named(key)
        return self._seen[key]

    def _best(self, places: list[Place]) -> Place:
        """The town the text most likely means: one in a country it names, the largest."""
        return max(places, key=lambda p: (p.country_code in self.named_countries,
                                          p.kind == "city", p.primary, p.population))

    def in_country(self, mention: Mention, code: str) -> Mention | None:
        """The mention as the town of that name in the given country, if there is one:
        "Cornwall, U.K." is the English county, not the town in Ontario."""
        if mention.is_country:
            return None
        places = [p for p in self._places(normalize(mention.text)) if p.country_code == code]
        if not places:
            return None
        best = max(places, key=lambda p: (p.kind == "city", p.primary, p.population))
        return Mention(mention.begin, mention.end, mention.text, code, best.kind,
                       best.population, best.lon)


def _run(words: list[re.Match[str]]) -> tuple[int, int, list[re.Match[str]]]:
    while words and words[-1].group(0) in _LINKS:
        words = words[:-1]
    while words and words[0].group(0) in _LINKS:
        words = words[1:]
    if not words:
        return 0, 0, []
    return words[0].start(), words[-1].end(), words
