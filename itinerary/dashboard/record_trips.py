"""The official record's trips as the dashboard and the command line open them: one trip of
a traveller, their whole record, or trips compared, each titled as the page names it and
each part named as the map's legend shows it. Both edges open them here, so a trip of the
record is the same trip, with the same title and file names, in the app and in a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from itinerary.dashboard import labels
from itinerary.dashboard.choices import RecordChoice
from itinerary.model import Trip
from itinerary.sources.records import Imported


def open_trip(record: Imported, who: str, first_day: date | None) -> Trip | None:
    """A traveller's trip by its first day, or (None) their whole record, a route per trip;
    None when the record holds no such trip."""
    trip = record.trip(who, first_day, name=labels.part_name)
    if trip is None:
        return None
    journeys = record.journeys_of(who)
    count = len(journeys) if first_day is None else 1
    return replace(trip, title=labels.record_title(journeys[0].traveller, trip, count))


def compare(record: Imported, choices: Sequence[RecordChoice]) -> Trip | None:
    """Several trips of the record, of one traveller or of several, on one map, each a part
    with its own colour and route; None when the record holds none of them."""
    several = len({c.who for c in choices}) > 1
    trip = record.trips([(c.who, date.fromisoformat(c.trip)) for c in choices],
                        name=lambda j: labels.part_name(j, with_traveller=several))
    return replace(trip, title=labels.compare_title(record, choices)) if trip else None
