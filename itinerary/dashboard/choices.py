"""A trip of the official record as a link names it: a traveller and a trip's first day."""

from __future__ import annotations

from dataclasses import dataclass

ALL = "all"  # the `trip` parameter for every trip of a traveller


@dataclass(frozen=True)
class RecordChoice:
    """A trip of the official record: a traveller's slug and the trip's first day (ISO),
    or `ALL`."""

    who: str
    trip: str
