"""Playing a trip: its frames, a day at a time, each naming the stop the traveller is at.

Play steps through the frames in order. Every day a stop covers is a frame, and a day on
which several stops begin gives one frame to each of them, in trip order, so that no stop is
skipped. The stretches between trips, when no stop covers a day, are left out. The stops of
trips compared run on one clock: they are put in the order of their first days, and each
trip's route is drawn as far as the day has reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from itinerary.model import Stop, Trip

SPEEDS = (1, 2, 4)  # days a second


@dataclass(frozen=True)
class Frame:
    """A step of the playback: a day, and the stop the traveller is at on it (or the last
    stop begun by then, on a day the stop before runs on)."""

    day: date
    stop_id: str


def frames(trip: Trip) -> list[Frame]:
    """The trip's frames, in time: linear in its stops and the days they cover."""
    order = sorted(trip.stops, key=lambda s: s.start)  # stable: trip order within a day
    found: list[Frame] = []
    i, current, covered = 0, None, None
    day = order[0].start if order else None
    while day is not None:
        begun = False
        while i < len(order) and order[i].start <= day:
            current, begun = order[i], True
            covered = max(covered or current.end, current.end)
            found.append(Frame(day, current.stop_id))
            i += 1
        if not begun and current is not None:
            found.append(Frame(day, current.stop_id))
        day = _next_day(day, covered, order[i] if i < len(order) else None)
    return found


def _next_day(day: date, covered: date | None, upcoming: Stop | None) -> date | None:
    """The next day to show: the one after, while a stop covers it; else the next stop's
    first day, or none at the end."""
    after = day + timedelta(days=1)
    if covered is not None and after <= covered:
        return after
    return None if upcoming is None else max(after, upcoming.start)


def start_at(found: Sequence[Frame], stop_id: str | None, day: date | None) -> int:
    """Where Play starts: the frame of `day`, else the first frame of the selected stop,
    else the first."""
    for i, frame in enumerate(found):
        if (day is not None and frame.day == day) or (day is None and frame.stop_id == stop_id):
            return i
    return 0


def frame_of(found: Sequence[Frame], day: date) -> Frame | None:
    """The last frame of a day, as a link naming the day opens it; the last frame before
    it when the day falls between trips; none before the first."""
    chosen = None
    for frame in found:
        if frame.day > day:
            break
        chosen = frame
    return chosen
