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
from itinerary.dashboard.view import (
    ALL,
    Query,
    RecordChoice,
    View,
    records_from_query,
    view_from_query,
    view_to_query,
)
from itinerary.model import Trip
from itinerary_app.browse import BUNDLED, COMPARE, reset_tables, trip_key
from itinerary_app.data import RECORD, bundled_record, first_choice

OVERVIEW = ""  # the stop picker's "no stop selected" choice
_WRITTEN = "written_query"
_PENDING = "url_view"


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
    if st.session_state.get(_WRITTEN) == params:
        return
    first = _WRITTEN not in st.session_state
    st.session_state[_PENDING] = {k: v if isinstance(v, str) else v[-1]
                                  for k, v in params.items()}
    st.session_state["link_warnings"] = []
    if params.get("who"):
        multi = {k: [v] if isinstance(v, str) else v for k, v in params.items()}
        choices, warnings = records_from_query(multi, bundled_record(str(config.travels_dir())))
        st.session_state["link_warnings"] = warnings
        if choices:
            open_record(choices)
    elif not first and st.session_state.get("source") == RECORD:
        st.session_state["source"] = first_choice(args)  # back to a page without a record


def open_record(choices: list[RecordChoice]) -> None:
    """Make the record's pickers show these trips: one in the trip picker, several as a
    comparison."""
    st.session_state["source"] = RECORD
    st.session_state["record_traveller"] = choices[-1].who
    if len(choices) == 1:
        st.session_state[trip_key(BUNDLED, choices[0].who)] = choices[0].trip
        st.session_state[COMPARE] = ()
    else:
        st.session_state[COMPARE] = tuple((c.who, c.trip) for c in choices if c.trip != ALL)
    reset_tables()


def view_for(trip: Trip, dataset: str) -> None:
    """Set the dates and the selection for this run: those of the URL just followed, or the
    whole trip's overview when another dataset comes up."""
    pending = st.session_state.pop(_PENDING, None)
    if pending is None and st.session_state.get("dataset") == dataset:
        return
    view, warnings = view_from_query(pending or {}, trip)
    if pending is None:
        st.session_state["link_warnings"] = []
    st.session_state["link_warnings"] = [*st.session_state.get("link_warnings", []), *warnings]
    st.session_state["dataset"] = dataset
    st.session_state["dates"] = (view.start, view.end)
    st.session_state["selected_stop"] = view.stop_id or OVERVIEW


def write_url(view: View, trip: Trip, records: tuple[RecordChoice, ...]) -> None:
    """End of a run: the URL says what is shown."""
    query = view_to_query(view, trip, records)
    if current_query() != query:
        st.query_params.from_dict(query)
    st.session_state[_WRITTEN] = query
