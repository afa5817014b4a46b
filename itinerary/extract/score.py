"""How a draft compares with the itinerary a careful reader takes from the same text: the
share of stops found, of stops found that are real, of stated dates right and of named
people met found. The tests and `make bench` score the drafts of the developers' articles."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from itinerary.geocoding.countries import hint_for
from itinerary.model import Trip
from itinerary.names import normalize


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    extracted: int = 0
    real: int = 0
    dates: int = 0
    dates_right: int = 0
    people: int = 0
    people_found: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def shares(self) -> dict[str, float]:
        return {"stops found": _share(self.found, self.expected),
                "stops real": _share(self.real, self.extracted),
                "stated dates right": _share(self.dates_right, self.dates),
                "named people found": _share(self.people_found, self.people)}


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def score(trip: Trip, expected: Mapping[str, object]) -> Score:
    """The draft `trip` against one text's expectations (expected.json's form)."""
    stops: Sequence[Mapping[str, str]] = expected["stops"]  # type: ignore[assignment]
    result = Score(expected=len(stops), extracted=len(trip.stops))
    used: set[int] = set()
    for want in stops:
        index = next((i for i, s in enumerate(trip.stops) if i not in used
                      and _same_place(s.place, s.country, want)), None)
        for side in ("start", "end"):
            if want.get(f"{side}_status") == "stated" and want.get(side):
                result.dates += 1
                if index is not None:
                    got = getattr(trip.stops[index], side).isoformat()
                    result.dates_right += got == want[side]
        if index is not None:
            used.add(index)
            result.found += 1
    result.real = len(used)
    met = " ".join(m.with_ for m in trip.meetings)
    for meeting in expected["meetings"]:  # type: ignore[attr-defined]
        if _named(meeting):
            result.people += 1
            result.people_found += _surname(meeting["who"]) in met
    return result


def _same_place(place: str, country: str, want: Mapping[str, str]) -> bool:
    codes = {c for part in re.split(r"[/()]", want["country"]) if part.strip()
             and (hint := hint_for(part)) for c in hint.codes}
    mine = hint_for(country)
    if mine is None or not codes & set(mine.codes):
        return False
    if not want.get("place"):
        return True
    return bool(place) and normalize(place) in normalize(want["place"])


_PERSON_NAME = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms)\.\s+)?[A-ZÀ-Þ][\w’'“”\"-]+"
                          r"(?:\s+(?:bin|al|de|van|von|[A-ZÀ-Þ“\"][\w’'“”\"-]*)){1,5}")


def _named(meeting: Mapping[str, str]) -> bool:
    """A meeting with a person named (two or more capitalised words, no office or group
    word): not an unnamed counterpart, an event or a site."""
    role, who = meeting.get("role") or "", re.split(r"[(:;]", meeting["who"])[0].strip()
    return not role.startswith("(unnamed)") and "event" not in role and \
        bool(_PERSON_NAME.fullmatch(who)) and not re.search(
            r"\b(?:Summit|Meeting|Ministerial|Forum|Ministry|Museum|Base|Dialogue|Wing|"
            r"Activity|Prime|President|Minister|U\.S|Memorial)\b|\d", who)


def _surname(who: str) -> str:
    words = re.sub(r"\(.*?\)|[,;:].*$", "", who).split()
    return words[-1] if words else who
