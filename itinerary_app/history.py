"""The link and the browser's history: the URL always says what is shown, and Back and
Forward step through what the user did.

Streamlit pushes a history entry whenever a run changes the query parameters, and on Back
or Forward it runs the page again with the URL's parameters (writing them then replaces
the entry instead of pushing one). So each run first follows the URL when it is not what
the page last wrote (a link opened, Back, Forward, an edited address), and ends by
writing what it shows. Only what differs from a trip's overview is written, so opening a
page pushes nothing, and a change of dates or of selection pushes one entry.
"""

from __future__ import annotations

import streamlit as st

from itinerary import config
from itinerary.dashboard.choices import ALL, RecordChoice
from itinerary.dashboard.view import (
    Query,
    View,
    records_from_query,
    view_from_query,
    view_to_query,
)
from itinerary.model import Trip
from itinerary_app.browse import reset_tables
from itinerary_app.caches import bundled_record
from itinerary_app.datasets import BUNDLED
from itinerary_app.pickers import RECORD, first_choice
from itinerary_app.saving import SAVED_SOURCE, follow_link, link_query
from itinerary_app.state import (
    COMPARE,
    DATASET,
    DATES,
    EDITS_OF,
    LINK_DAY,
    LINK_WARNINGS,
    PENDING,
    PLAY_AT,
    PLAYING,
    SELECTED,
    SOURCE,
    TRAVELLER,
    TRIP,
    WRITTEN,
)

OVERVIEW = ""  # "no stop selected": the overview, also the stop picker's choice for it


def current_query() -> Query:
    """The URL's parameters, a list for one that repeats (`who` and `trip` when comparing)."""
    found: Query = {}
    for name in st.query_params:
        values = st.query_params.get_all(name)
        found[name] = values[0] if len(values) == 1 else values
    return found


def follow_url(args: list[str]) -> None:
    """Before any widget: when the URL is not what the page last wrote, make the data
    pickers show the trip it names; its dates and stop are applied by `view_for`."""
    params = current_query()
    if WRITTEN.get() == params:
        return
    first = not WRITTEN.is_set
    PENDING.set({k: v if isinstance(v, str) else v[-1] for k, v in params.items()})
    LINK_WARNINGS.set([])
    if follow_link(params):
        return
    if params.get("who"):
        multi = {k: [v] if isinstance(v, str) else v for k, v in params.items()}
        choices, warnings = records_from_query(multi, bundled_record(str(config.travels_dir())))
        LINK_WARNINGS.set(warnings)
        if choices:
            open_record(choices)
    elif not first and SOURCE.get() in (RECORD, SAVED_SOURCE):
        SOURCE.set(first_choice(args))  # back to a page without a record or a saved trip


def open_record(choices: list[RecordChoice]) -> None:
    """Make the record's pickers show these trips: one in the trip picker, several as a
    comparison."""
    SOURCE.set(RECORD)
    TRAVELLER.set(choices[-1].who)
    if len(choices) == 1:
        TRIP(BUNDLED, choices[0].who).set(choices[0].trip)
        COMPARE.set(())
    else:
        COMPARE.set(tuple((c.who, c.trip) for c in choices if c.trip != ALL))
    reset_tables()


def view_for(trip: Trip, dataset: str, edited_from: str = "") -> None:
    """Set the dates and the selection for this run: those of the URL just followed, or the
    whole trip's overview when another dataset comes up. An edit in the tables (of the
    data `edited_from`) shows the whole edited trip and keeps the stop selected."""
    pending = PENDING.pop()
    if pending is None and DATASET.get() == dataset:
        return
    family = edited_from or dataset
    if pending is None and EDITS_OF.get() == family:
        DATASET.set(dataset)
        DATES.set((trip.first_day, trip.last_day))
        return
    EDITS_OF.set(family)
    view, warnings = view_from_query(pending or {}, trip)
    if pending is None:
        LINK_WARNINGS.set([])
    LINK_WARNINGS.set([*LINK_WARNINGS.get(), *warnings])
    DATASET.set(dataset)
    DATES.set((view.start, view.end))
    SELECTED.set(view.stop_id or OVERVIEW)
    PLAYING.set(False)  # another trip or link: what played is over
    PLAY_AT.set(None)
    LINK_DAY.set(view.day)


def write_url(view: View, trip: Trip, records: tuple[RecordChoice, ...]) -> None:
    """End of a run: the URL says what is shown, a saved trip's link included."""
    query = {**link_query(), **view_to_query(view, trip, records)}
    if current_query() != query:
        st.query_params.from_dict(query)
    WRITTEN.set(query)
