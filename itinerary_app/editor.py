"""The trip's two tables, stops and meetings, to fix a place, a date or a name, and to add
or remove rows; the map, the panel, the timeline and the downloads follow the edits.

The tables are opened for a draft from an article, and by the "Edit in tables" toggle for
any other trip. Every edit is read back as a file would be: an edit that breaks a rule is
told under the tables in the loader's words, the tables keep it, and the rest of the page
shows the last version that read well. Days the extractor inferred are marked.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from itinerary.errors import DataError
from itinerary.extract.draft import INFERRED
from itinerary.sources.frames import frames_trip, trip_frames
from itinerary_app.caches import digest, session_memo
from itinerary_app.datasets import Dataset
from itinerary_app.messages import show_error
from itinerary_app.state import EDITED, EDITING

MARK = "⚠ "  # before a `dates` cell that says a day was inferred: check it
BY_HAND = "edited"  # the `dates` of a stop whose days were typed in the tables
DAYS = ["start_date", "end_date"]
BROKEN = ("The tables have a problem, told under them; the map shows the trip as it was "
          "before that edit.")
_TEXT = st.column_config.TextColumn
_STOP_COLUMNS = {
    "stop_id": _TEXT("stop_id", help="The stop's id, which meetings name"),
    "place": _TEXT("place", help="A city or site; empty for a country-level stop"),
    "start_date": _TEXT("start_date", help="YYYY-MM-DD"),
    "end_date": _TEXT("end_date", help="YYYY-MM-DD, or empty for a one-day stop"),
    "lat": _TEXT("lat", help="Empty to place the stop by its name"),
    "lon": _TEXT("lon", help="Empty to place the stop by its name"),
    "dates": _TEXT("dates", disabled=True,
                   help="Whether the article states the days or they were inferred (⚠)"),
    "evidence": _TEXT("evidence", disabled=True, width="large",
                      help="The article's sentence this row was read from"),
}
_MEETING_COLUMNS = {
    "stop_id": _TEXT("stop_id", help="The id of the stop it was held at"),
    "date": _TEXT("date", help="YYYY-MM-DD, or empty for the stop's days"),
    "topics": _TEXT("topics", help="Separated by ;"),
    "evidence": _TEXT("evidence", disabled=True, width="large",
                      help="The article's sentence this row was read from"),
}


def edit_tables(dataset: Dataset, where: DeltaGenerator, *, open_first: bool = False
                ) -> tuple[Dataset, list[str]]:
    """The trip as edited in the tables (drawn in `where`; open at first for a draft, or
    when `open_first`) and what to tell above the map; the dataset itself when the tables
    are closed or unchanged."""
    opened = EDITING(dataset.key)
    opened.setdefault(dataset.draft or open_first)
    if not st.sidebar.toggle("Edit in tables", key=opened.name,
                             help="Fix a place, a date or a name, add or remove stops "
                                  "and meetings; the map follows."):
        return dataset, []
    base = session_memo("edit_base", dataset.key, lambda: _marked(trip_frames(dataset.trip)))
    with where:
        stops, meetings = _tables(dataset, base)
    if stops.equals(base[0]) and meetings.equals(base[1]):
        return dataset, []
    last: Dataset = EDITED(dataset.key).get() or dataset
    try:
        edited = _edited(dataset, _by_hand(_unmarked(stops), base[0]), meetings)
    except DataError as exc:
        with where:
            show_error(exc)
        return last, [BROKEN]
    EDITED(dataset.key).set(edited)
    return edited, []


def _tables(dataset: Dataset, base: tuple[pd.DataFrame, pd.DataFrame]
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    st.subheader("Stops and meetings", anchor=False)
    if dataset.draft:
        st.caption("A draft read from the article: check the days marked ⚠, which were "
                   "inferred, and each row's evidence; fix what is wrong, and add or "
                   "remove rows. The map follows.")
    stops_tab, meetings_tab = st.tabs([f"Stops ({len(base[0])})",
                                       f"Meetings ({len(base[1])})"])
    with stops_tab:
        stops = st.data_editor(base[0], key=f"edit_stops::{dataset.key}", num_rows="dynamic",
                               hide_index=False, width="stretch",
                               column_config=_STOP_COLUMNS)
    with meetings_tab:
        meetings = st.data_editor(base[1], key=f"edit_meetings::{dataset.key}",
                                  num_rows="dynamic", hide_index=False,
                                  width="stretch", column_config=_MEETING_COLUMNS)
    return stops, meetings


def _edited(dataset: Dataset, stops: pd.DataFrame, meetings: pd.DataFrame) -> Dataset:
    key = digest(dataset.key.encode(), _hash(stops), _hash(meetings))
    trip = session_memo("edited", key,
                        lambda: frames_trip(stops, meetings, title=dataset.trip.title))
    return Dataset(f"edited:{key}", trip, private=True, draft=dataset.draft,
                   edited_from=dataset.key, saved=dataset.saved,
                   origin=dataset.origin if dataset.saved else f"{dataset.origin}, edited")


def _hash(frame: pd.DataFrame) -> bytes:
    """The table's identity, columns, rows and their numbers included."""
    cells = pd.util.hash_pandas_object(frame.astype("string"), index=True)
    return "\0".join(map(str, frame.columns)).encode() + cells.to_numpy().tobytes()


def _marked(frames: tuple[pd.DataFrame, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stop's `dates` cell marked when any of its days was inferred."""
    stops, meetings = frames
    if "dates" in stops.columns:
        stops = stops.assign(dates=stops["dates"].where(
            ~stops["dates"].str.contains(INFERRED, regex=False), MARK + stops["dates"]))
    return stops, meetings


def _unmarked(frame: pd.DataFrame) -> pd.DataFrame:
    if "dates" not in frame.columns:
        return frame
    return frame.assign(dates=frame["dates"].astype("string").str.removeprefix(MARK))


def _by_hand(stops: pd.DataFrame, base: pd.DataFrame) -> pd.DataFrame:
    """The `dates` of stops added, or whose days were changed, say so: they are no longer
    the article's."""
    if "dates" not in stops.columns:
        return stops
    before = base[DAYS].reindex(stops.index).astype("string")
    changed = stops[DAYS].astype("string").fillna("").ne(before.fillna("")).any(axis=1)
    added = ~stops.index.isin(base.index)
    return stops.assign(dates=stops["dates"].mask(changed | added, BY_HAND))
