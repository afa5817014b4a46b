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
    RecordChoice,
    View,
    record_from_query,
    view_from_query,
    view_to_query,
)
from itinerary.model import Trip
from itinerary_app.data import BUNDLED, RECORD, bundled_record, first_choice, trip_key

OVERVIEW = ""  # the stop picker's "no stop selected" choice
_WRITTEN = "written_query"
_PENDING = "url_view"


def follow_url(args: list[str]) -> None:
    """Before any widget: when the URL is not what the page last wrote, make the data
    pickers show the trip it names; its dates and stop are applied by `view_for`."""
    params = st.query_params.to_dict()
    if st.session_state.get(_WRITTEN) == params:
        return
    first = _WRITTEN not in st.session_state
    st.session_state[_PENDING] = params
    st.session_state["link_warnings"] = []
    if params.get("who"):
        choice, warnings = record_from_query(params, bundled_record(str(config.travels_dir())))
        st.session_state["link_warnings"] = warnings
        if choice is not None:
            st.session_state["source"] = RECORD
            st.session_state["record_traveller"] = choice.who
            st.session_state[trip_key(BUNDLED, choice.who)] = choice.trip
    elif not first and st.session_state.get("source") == RECORD:
        st.session_state["source"] = first_choice(args)  # back to a page without a record


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


def write_url(view: View, trip: Trip, record: RecordChoice | None) -> None:
    """End of a run: the URL says what is shown."""
    query = view_to_query(view, trip, record)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    st.session_state[_WRITTEN] = query
