"""What the words around a place name say of it: that the traveller goes there, leaves
it, returns to it, or that it is only talked about.

A place is a stop when the words before it say the traveller is there: a preposition after
a verb of travel or of meeting ("will travel May 21 to Muscat", "meet with leaders in
Singapore"), a clause that opens with it ("In Lima, …", "While in Brussels"), a verb of
visiting ("visit Tokyo"), or a list that goes on from such a place ("Colombia, Chile, and
Peru"). It is not a stop when it is a topic ("the crisis in Syria"), a possession
("Russia's war"), an origin ("departing Washington"), part of another name ("the Barbados
Agreement", "the Crown Prince of Abu Dhabi") or of other travel ("last week in Los
Angeles", "his visit next week to Europe", "follows his travel to Japan").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from enum import Enum


class Role(Enum):
    STOP = "stop"  # the traveller is there
    DEPART = "depart"  # the traveller leaves it
    RETURN = "return"  # the traveller goes back to it
    FROM = "from"  # "From Rome, …": where the next leg starts
    NONE = "none"  # only mentioned


_VERBS = (r"travel\w*|visit\w*|arriv\w*|fl(?:y|ies|ew|ying)|head\w*|go|goes|going|went|"
          r"proceed\w*|continu\w*|return\w*|stop\w*|trip|tour\w*|be|is|are|was|were|"
          r"remain\w*|stay\w*|begin\w*|began|start\w*|conclud\w*|end\w*|finish\w*|land\w*|"
          r"meet\w*|met|hold\w*|held|host\w*|attend\w*|participat\w*|join\w*|engag\w*|"
          r"speak\w*|spoke|deliver\w*|sign\w*|talks|summit|event|ceremony|ceremonies|leg|"
          r"there|consult\w*|discuss\w*|inaugurat\w*|celebrat\w*|tak(?:e|es|ing)\s+part|"
          r"gather\w*|convening|opens?|keynote|address\w*|remarks|lay\w*|honou?r\w*|"
          r"welcomed|received|hosted|depart\w*|leav\w*|left|overnight\w*|spend\w*|spent")
_CUE_VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
CUE_WINDOW = 12  # words before the preposition in which the verb must stand
TOPIC_REACH = 64  # characters before a name that hold a topic's words: "reconstruction in the "
NEAR = 200  # characters before a name that hold its cue: CUE_WINDOW words and more
FOLLOWS_REACH = 520  # "follows" and up to 400 characters to the name
_PREPOSITION = re.compile(r"\b(?:in|to|at|into|for|inside|near|outside)\s+(?:both\s+)?"
                          r"(?:the\s+)?(?:city of\s+|capital,?\s+)?$", re.IGNORECASE)
_OPENING = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:while|when|and|then|also|again|both|once|"
                      r"there)\s+)(?:in|at)\s+(?:both\s+)?(?:the\s+)?$", re.IGNORECASE)
_VISITS = re.compile(r"\b(?:visit(?:s|ed|ing)?|tour(?:s|ed|ing)?|reach(?:es|ed)?)\s+"
                     r"(?:the\s+)?$", re.IGNORECASE)
_DEPARTS = re.compile(r"\b(?:depart(?:s|ed|ing)?|leav(?:e|es|ing)|left)\s+(?:from\s+)?"
                      r"(?:the\s+)?$", re.IGNORECASE)
_FOR_AFTER_DEPART = re.compile(r"\b(?:depart\w*|leav\w*|left|bound)\b[^.;]{0,80}\bfor\s+"
                               r"(?:the\s+)?$", re.IGNORECASE)
_RETURNS = re.compile(r"\b(?:return(?:s|ed|ing)?|(?:come|go|fly|head)s?\s+back|back)\s+"
                      r"(?:home\s+)?to\s+(?:the\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"(?:^|[,;]\s*)from\s+(?:the\s+)?$", re.IGNORECASE)
_OF = re.compile(r"\b(?<!city )(?<!town )(?<!island )of\s+(?:the\s+)?$", re.IGNORECASE)
_TOPIC = re.compile(
    r"\b(?:crisis|crises|war|wars|conflict|situation|violence|fighting|elections?|aggression|"
    r"invasion|events?|developments|attacks?|peace|stability|instability|democracy|"
    r"tensions|unrest|hostilities|occupation|operations?|investments?|interests?|presence|"
    r"troops|forces|ceasefire|truce|protests?|dialogue|reconstruction|recovery|rights|"
    r"support|assistance|aid|threats?|relations|ties|cooperation|engagement|policy|"
    r"commitment|solidarity|sanctions|pressure|influence|transition|efforts?|role|"
    r"partners|allies|refugees|prisoners|hostages|detained|deployed|stationed|based|"
    r"appreciation|gratitude|thanks|embassy|consulate|born|living|lives|violations|abuses|"
    r"crackdown|repression|regime|government|leadership|situation|access|trade|exports|"
    r"imports|flights|routes|networks?|investors?|companies|ambassadors?)\s+"
    r"(?:in|on|against|with|over|for|to|toward|towards|across|throughout|from)\s+"
    r"(?:the\s+)?$", re.IGNORECASE)
# A capitalised word right after a place makes it part of a longer name ("the Barbados
# Agreement", "the Golden Jubilee", "the Lobito Corridor"), unless the word names a site
# in the town ("Windsor Castle", "Spangdahlem Air Base").
_NAME_PART = re.compile(r"^ (?!(?:Castle|Palace|Air|Airbase|Airport|Base|Naval|Station|"
                        r"Field|Harbou?r|Port|Cathedral|Square|Hall|House|Center|Centre|"
                        r"Stadium|Memorial|Museum|President|Prime|Secretary|Vice|King|Queen|Foreign|Minister|"
                        r"Mr|Mrs|Ms|Dr|He|She|They|We|The|On|In|During|After)\b)[A-Z0-9]")
# "U.S. military", "U.S. Air Force", "UK officials": an abbreviation as an adjective.
_ADJECTIVE = re.compile(r"^\.?\s+[A-Za-z]")
# "the MSS to Haiti", "the EU's Envoy to Kosovo": a name's "to", not a journey's.
_NOUN_TO = re.compile(r"\b[A-Z][\w’'.-]*\s+to\s+(?:the\s+)?$")
# "from Rome to", "from the United States to": a journey's "to" after a place's name.
_FROM_TO = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}to\s+(?:the\s+)?$")
_OTHER_TIME = re.compile(
    r"\b(?:last|past|previous|prior|earlier)\s+(?:week|month|year|visit|trip|travel)|"
    r"\bnext\s+(?:week|year)\b|\bearlier\s+this\b|\blater\s+this\b|\bago\b|"
    r"\bsince\s+(?:19|20)\d\d\b|\bseparately\b|\bseparate\s+(?:trip|visit)|"
    r"\bfuture\b|\bformer\b|\bonce again\b|\bin\s+(?:19|20)\d\d\b", re.IGNORECASE)
_FOLLOWS = re.compile(r"(?:\bfollows\b|\bbuilds on\b|\bfollow(?:s|ing)?(?:[- ]up)?\s+"
                      r"(?:on\s+|to\s+)?"
                      r"(?:his|her|their|its|the)\s+(?:\w+[’']s\s+)?(?:\w+\s+)?"
                      r"(?:travel|trip|visit|tour|meeting)s?\b)[^.;]{0,400}$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^(?:\s*(?:,|;|and|or|then|also|on|from|through|to|until|the|-|–|—)"
                       r"\s*)+$",
                       re.IGNORECASE)


class Times:
    """Where a sentence speaks of another time than the trip's ("last week", "in 2019",
    "separately"), found once: each place's clause is then checked in constant time,
    however long the sentence and however many places it names."""

    def __init__(self, text: str) -> None:
        found = [m.span() for m in _OTHER_TIME.finditer(text)]
        self._starts, self._ends = [s for s, _ in found], [e for _, e in found]

    def within(self, low: int, high: int) -> bool:
        """Whether such words stand wholly in text[low:high]."""
        first = bisect_left(self._starts, low)
        return first < len(self._starts) and self._ends[first] <= high


def other_time(clause: str) -> bool:
    """Whether a clause speaks of another time than the trip's."""
    return Times(clause).within(0, len(clause))


def role(before: str, after: str, elsewhere: bool, *, header: bool = False,
         abbreviation: bool = False) -> Role:
    """What the words before and after a place name make of it; `elsewhere` when its
    clause speaks of another time (`Times`)."""
    # The cues that end at the name are sought in the words just before it; only "follows
    # … travel to" reaches farther. A long sentence so costs no more per name.
    following, before = before[-FOLLOWS_REACH:], before[-NEAR:]
    if elsewhere or _FOLLOWS.search(following) or \
            _only_mentioned(before, after, abbreviation=abbreviation):
        return Role.NONE
    if _DEPARTS.search(before):
        return Role.DEPART
    if _RETURNS.search(before):
        return Role.RETURN
    if _FROM.search(before):
        return Role.FROM
    if _OPENING.search(before) or _VISITS.search(before) or header:
        return Role.STOP
    if _FOR_AFTER_DEPART.search(before):
        return Role.STOP
    if _PREPOSITION.search(before) and _cued(_last_words(before, CUE_WINDOW)):
        return Role.STOP
    return Role.NONE


def _only_mentioned(before: str, after: str, *, abbreviation: bool) -> bool:
    """Whether the words make the place a compound, an adjective, part of a name or a
    topic."""
    if re.match(r"^\.?[-–]\w", after) or before.endswith("-"):
        return True  # "U.S.-China", "Israeli-Palestinian"
    if abbreviation and _ADJECTIVE.match(after):
        return True
    return bool(_NAME_PART.match(after) or _OF.search(before)
                or _TOPIC.search(before[-TOPIC_REACH:])
                or (_NOUN_TO.search(before) and not _FROM_TO.search(before)))


def _cued(words: str) -> bool:
    """Whether a verb of travel or meeting stands in the words, and not in a clause of
    its own about something else ("a rail network that starts in Lobito")."""
    found = list(_CUE_VERB.finditer(words))
    return bool(found) and not _RELATIVE.search(words[:found[-1].start()])


_RELATIVE = re.compile(r"\b(?:that|which)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def continues_list(gap: str) -> bool:
    """Whether the words between two places make the second go on a list with the
    first: ", ", " and ", "; ", " on May 21st; " once the dates are taken out."""
    return (bool(_LIST_GAP.match(gap)) and any(c in gap for c in ",;")) or \
        bool(re.fullmatch(r"\s*(?:and|or|and then|then)\s+(?:the\s+)?", gap, re.IGNORECASE))


def _last_words(text: str, count: int) -> str:
    tail = text[-count * 16:]
    return " ".join(tail.split()[-count:])
