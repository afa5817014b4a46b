"""People and events in an article: who holds which office, who the traveller is, whom
the traveller meets, and the summits and ceremonies attended.

A person is an office and a name ("Foreign Minister Álvaro Leyva", "Haiti's Foreign
Minister Jean Victor Généus", "His Holiness Pope Francis"); a later "Leyva" is the same
person. Unnamed counterparts ("senior Omani officials", "members of the Government of
Romania") and events ("the NATO Summit", "a signing ceremony") count as meetings too, when
a verb of meeting or attending says the traveller is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from itinerary.extract.when import MONTHS, WEEKDAYS

_ROLE_WORD = (r"(?:President|Premier|Prime\s+Mini?ster|Mini?ster(?:\s+(?:of|for)\s+(?:the\s+)?"
              r"[A-Z][a-z]+(?:\s+(?:and|of)\s+[A-Z][a-z]+)*(?:\s+Affairs)?)?|Chancellor|"
              r"King|Queen|Emperor|Empress|Pope|Crown\s+Prince|Prince|Princess|Sheikh|"
              r"Emir|Amir|Sultan|Secretary[- ]General|Secretary(?:\s+of\s+(?:State|the\s+"
              r"Treasury|Treasury|Defense))?|State\s+Councilor|Councilor|Governor|Mayor|"
              r"Ambassador|General|Admiral|Commander|Chairman|Chairwoman|Chair|Speaker|"
              r"Senator|Director[- ]General|Commissioner|Taoiseach|Patriarch|Archbishop|"
              r"Cardinal|Grand\s+Duke|Duke|Duchess|High\s+Representative|Envoy|"
              r"Coordinator|Administrator|Adviser|Advisor)")
_RANK = (r"(?:(?:Vice|Deputy|Foreign|Defen[cs]e|Finance|Interior|Trade|Economy|Acting|"
         r"Senior|Chief|Grand|Supreme|First|Alternate|Special|Prime|Crown|Executive)\s+)*")
_ROLE = rf"{_RANK}{_ROLE_WORD}"
_ROLES = (rf"{_ROLE}(?:\s+(?:and|of)\s+{_ROLE})*"
          rf"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?")
_TOKEN = r"(?:[A-ZÀ-Þ][\w’'-]*[\w]|[A-Z]\.|“[^”\s]{1,20}”|\"[^\"\s]{1,20}\")"  # noqa: S105 (a pattern)
_PARTICLE = r"(?:bin|bint|ibn|al|Al|el|El|de|De|da|van|von|der|la|le|du|dos|del|di)"
_NAME = (rf"(?:(?:Dr|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?{_TOKEN}"
         rf"(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,5}}(?:,?\s+Jr\.)?")
_HONORIFIC = (r"(?:(?:Her|His|Their)\s+(?:Majesty|Holiness|Royal\s+Highness|Highness|"
              r"Excellency)\s+)?")
_QUALIFIER = (r"(?:(?P<qual>(?:[A-Z][\w’'.-]*\s+(?:of\s+)?){0,3}?[A-Z][\w.-]*(?:’s|'s)?)"
              r"\s+)?")
_PERSON = re.compile(rf"{_HONORIFIC}{_QUALIFIER}(?P<role>{_ROLES})\s+(?P<name>{_NAME})")
# Words that may follow an office but are not a name.
_NOT_NAMES = frozenset([
    "The", "A", "An", "And", "Of", "For", "To", "In", "On", "At", "With", "By", "From",
    "This", "That", "His", "Her", "Their", "Its", "Our", "He", "She", "They", "It", "Will",
    "Would", "Has", "Had", "Is", "Was", "Said", "Also", "Then", "When", "While", "Who",
    "Assembly", "Summit", "Forum", "Council", "Conference",
    "Ministerial", "Meeting", "Commission", "Committee", "Command", "Department",
    "Ministry", "Office", "Staff", "Forces", "Force", "Fleet", "Base", "Guard", "Corps",
    "Embassy", "Government", "Administration",
]) | frozenset((*MONTHS, *WEEKDAYS))

_MEETS = re.compile(
    r"\b(?:meet\w*|met|talks?|bilateral|audience|host\w*|join\w*|"
    r"consult\w*|engag\w*|s[ia]t\s+down|dinner|lunch|breakfast|press\s+conference|"
    r"greet\w*|welcom\w*|receiv\w*|summit|alongside|together\s+with|co-chairs?|"
    r"counterparts?|discuss\w*|spoke|speak\w*|thank\w*|visit\w*|emphasi[sz]ed|"
    r"underscored|reaffirmed|agreed|invitation)\b", re.IGNORECASE)
_GROUPS = (r"officials|leaders|leadership|counterparts|partners|members\s+of\s+(?:the\s+)?"
           r"[A-Z][\w]+(?:\s+(?:of\s+)?[A-Z][\w]+){0,3}|staff|personnel|representatives|"
           r"students|scholars|communities|service\s?members|troops|refugees|mothers|"
           r"children|families|workers|delegations?|sponsors|alumnae|alumni|entrepreneurs|"
           r"activists|journalists|civil\s+society(?:\s+\w+)?|business\s+leaders|"
           r"government|authorities|parliamentarians|lawmakers|educators|veterans")
_UNNAMED = re.compile(
    rf"\b(?:meet|meets|met|meeting|engage|engages|consult|consults|host|hosts|thank|greet)"
    rf"\s+(?:with\s+)?(?P<who>(?:(?:the|his|her|their|senior|key|local|top|U\.S\.|"
    rf"[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)|[a-z]+)\s+){{0,4}}(?:{_GROUPS}))\b")
_EVENT_WORDS = (r"Summit|Ministerial|Assembly|Forum|Conference|Dialogue|Fair|Expo|Jubilee|"
                r"Commemoration|Ceremony|Session|Congress|Festival|Games|Convention|Meeting")
_EVENT = re.compile(
    rf"\b(?:attend\w*|participat\w*\s+in|join\w*|host\w*|inaugurat\w*|celebrat\w*|"
    rf"address\w*|take\s+part\s+in|lead\w*|open\w*|visit\w*|at)\s+(?:the\s+|a\s+|an\s+|"
    rf"his\s+|her\s+)?(?:(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|annual)\s+)?"
    rf"(?P<event>(?:[A-Z0-9][\w’'.+–-]*\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?){{0,7}}"
    rf"(?:{_EVENT_WORDS})(?:\s+(?:Meeting|Summit))?|[a-z-]+\s+ceremony|"
    rf"commemoration\s+of\s+[A-Z][\w ]{{3,60}}?Day)")


@dataclass(frozen=True)
class Person:
    """Someone the text names with an office."""

    name: str
    role: str  # the office as written, with its country: "Peruvian Foreign Minister"
    begin: int = 0
    end: int = 0

    @property
    def surname(self) -> str:
        words = [w for w in re.split(r"\s+", self.name.replace(", Jr.", "")) if w]
        return words[-1].strip("“”\"") if words else self.name

    @property
    def label(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


def people_in(sentence: str) -> list[Person]:
    """The people a sentence names with their offices."""
    found: list[Person] = []
    for match in _PERSON.finditer(sentence):
        name = _trimmed(match.group("name"))
        if not name:
            continue
        qualifier = match.group("qual") or ""
        if qualifier.split()[:1] and qualifier.split()[0] in _NOT_NAMES:
            qualifier = " ".join(qualifier.split()[1:])
        role = " ".join(f"{qualifier} {match.group('role')}".split())
        found.append(Person(name, role, match.start(), match.start("name") + len(name)))
    return found


def _trimmed(name: str) -> str:
    words = name.split()
    while words and words[0].strip(",") in _NOT_NAMES:
        return ""
    kept: list[str] = []
    for word in words:
        if word.strip(",") in _NOT_NAMES:
            break
        kept.append(word)
    return " ".join(kept).rstrip(",")


def meets(sentence: str) -> bool:
    """Whether a sentence speaks of meeting someone or attending something."""
    return bool(_MEETS.search(sentence))


def unnamed_in(sentence: str) -> list[str]:
    """Counterparts met without a name: "senior Omani officials"."""
    return [" ".join(m.group("who").split()) for m in _UNNAMED.finditer(sentence)]


def events_in(sentence: str) -> list[str]:
    """The summits, meetings and ceremonies a sentence says are attended."""
    return [" ".join(m.group("event").split()).rstrip(".,") for m in _EVENT.finditer(sentence)]


_TRAVELS = re.compile(r"\b(?:will\s+(?:travel|visit|lead|head)|travel(?:s|ed|led)|"
                      r"visit(?:s|ed)|headed|is\s+traveling|was\s+in|arrived)\b")


def traveller_in(sentence: str) -> Person | None:
    """The person a sentence says travels: "Secretary of State Antony J. Blinken will
    travel to …", "U.S. Secretary of State Antony Blinken headed to …"."""
    verb = _TRAVELS.search(sentence)
    if verb is None:
        return None
    before = [p for p in people_in(sentence) if p.end <= verb.start()]
    if before:
        return before[0]
    named = re.search(rf"({_TOKEN}(?:\s+{_TOKEN}){{1,4}})\s+$", sentence[:verb.start()])
    return Person(named.group(1), "") if named else None
