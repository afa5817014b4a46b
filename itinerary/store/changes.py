"""What changed between two versions of a trip, in a few words: "stops: 2 added, 1
removed, 3 edited; meetings: 1 added". Stops are matched by their id, meetings by all
their cells."""

from __future__ import annotations

from collections import Counter

from itinerary.model import Meeting, Trip
from itinerary.sources.export import meeting_row, stop_row

FIRST = "first version"
NOTHING = "no change"


def changes(before: Trip | None, after: Trip) -> str:
    if before is None:
        return FIRST
    old = {s.stop_id: stop_row(s) for s in before.stops}
    new = {s.stop_id: stop_row(s) for s in after.stops}
    added = sum(1 for i in new if i not in old)
    removed = sum(1 for i in old if i not in new)
    edited = sum(1 for i, row in new.items() if i in old and old[i] != row)
    parts = [_told("stops", added=added, removed=removed, edited=edited),
             _meetings(before.meetings, after.meetings)]
    return "; ".join(p for p in parts if p) or NOTHING


def _told(what: str, **counts: int) -> str:
    said = ", ".join(f"{n} {word}" for word, n in counts.items() if n)
    return f"{what}: {said}" if said else ""


def _meetings(before: tuple[Meeting, ...], after: tuple[Meeting, ...]) -> str:
    old = Counter(tuple(sorted(meeting_row(m).items())) for m in before)
    new = Counter(tuple(sorted(meeting_row(m).items())) for m in after)
    return _told("meetings", added=sum((new - old).values()),
                 removed=sum((old - new).values()))
