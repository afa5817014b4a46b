"""The dashboard page: Streamlit widgets, layout, session state and caching.

The data flows one way through calls of the `itinerary` package: a source gives a Trip
(`sources`), `place_trip` places it (`geocoding`), the view narrows it (`dashboard`), the
map draws it (`render`). Errors of the package are shown here with `st.error`.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components
from streamlit.delta_generator import DeltaGenerator
from streamlit_folium import st_folium

from itinerary import config
from itinerary.dashboard import labels
from itinerary.dashboard.panel import overview, stop_details
from itinerary.dashboard.view import (
    ALL,
    RecordChoice,
    View,
    record_from_query,
    stop_at,
    view_from_query,
    view_to_query,
)
from itinerary.errors import DataError, ItineraryError, Problem
from itinerary.geocoding import place_trip
from itinerary.model import Trip
from itinerary.render import assets
from itinerary.render.map import build_map, selection_layer
from itinerary.sources.export import stops_to_csv
from itinerary.sources.records import Imported, import_folder, import_travels
from itinerary.sources.stops import load_trip
from itinerary.sources.table import read_file

MAP_KEY = "map"
OVERVIEW = ""  # the stop picker's "no stop selected" choice
BUILT_IN, UPLOAD, RECORD = "Built-in trip", "Itinerary CSV", "Official travel record"
UPLOAD_XML = ":upload"  # the traveller picker's "another record file" choice
BUNDLED = "bundled"
PROGRESS_FROM = 6  # geocoding more places than this shows a progress bar


@dataclass(frozen=True)
class Dataset:
    """A trip to show, and the identity that caches and the view's state are keyed by."""

    key: str
    trip: Trip
    record: RecordChoice | None = None  # a trip of the bundled record, which links name


# Resources, not data: a Trip is immutable, so every run may share one instead of
# unpickling a copy (tens of milliseconds at thousands of stops). The bytes are hashed once,
# into `key`, rather than by Streamlit on every run.
@st.cache_resource(show_spinner="Reading the itinerary…", max_entries=32)
def parse_csv(key: str, _stops: bytes, stops_name: str, _meetings: bytes | None,
              meetings_name: str | None, title: str) -> Trip:
    return load_trip(_stops, _meetings, stops_name=stops_name, meetings_name=meetings_name,
                     title=title)


@st.cache_resource(show_spinner="Reading the official travel record…", max_entries=4)
def bundled_record(folder: str) -> Imported:
    return import_folder(Path(folder))


@st.cache_resource(show_spinner="Reading the travel record…", max_entries=8)
def uploaded_record(key: str, _data: bytes, name: str) -> Imported:
    return import_travels([(_data, name)])


@st.cache_resource(max_entries=16)
def stop_choices(key: str, _trip: Trip) -> dict[str, str]:
    return labels.stop_choices(_trip)


@st.cache_resource
def placements() -> dict:
    """Placed trips shared by every session: the same trip is placed once per server."""
    return {}


def digest(*parts: bytes) -> str:
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


class Progress:
    """A progress bar for `place_trip`, shown only when there are more than a handful of
    places to look up."""

    def __init__(self) -> None:
        self.bar: DeltaGenerator | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if self.bar is None:
            self.bar = st.progress(0.0)
        self.bar.progress(done / total, text=f"Placing places: {done} of {total}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.empty()


def place(dataset: Dataset, online: bool) -> tuple[Trip, list[str]]:
    """The dataset's trip placed on the map, once per server."""
    memo = placements()
    if (dataset.key, online) not in memo:
        progress = Progress()
        placed = place_trip(dataset.trip, online=online, progress=progress)
        progress.close()
        if len(memo) > 16:
            memo.clear()
        memo[(dataset.key, online)] = placed
    return memo[(dataset.key, online)]


def apply_link() -> None:
    """Once a session: open the record trip a link names (`?who=…&trip=…`)."""
    if "link_warnings" in st.session_state:
        return
    st.session_state["link_warnings"] = []
    params = st.query_params.to_dict()
    if not params.get("who"):
        return
    choice, warnings = record_from_query(params, bundled_record(str(config.travels_dir())))
    st.session_state["link_warnings"] = warnings
    if choice is not None:
        st.session_state["source"] = RECORD
        st.session_state["record_traveller"] = choice.who
        st.session_state[trip_key(BUNDLED, choice.who)] = choice.trip


def choose_dataset(args: list[str]) -> Dataset | None:
    """The itinerary to show, from the sidebar's data picker."""
    first = f"File: {Path(args[0]).name}" if args else BUILT_IN
    kind = st.sidebar.radio("Data", [first, UPLOAD, RECORD], key="source")
    if kind == UPLOAD:
        return uploaded_dataset()
    if kind == RECORD:
        return record_dataset()
    stops = Path(args[0]) if args else config.SEED_STOPS
    meetings = Path(args[1]) if len(args) > 1 else (None if args else config.SEED_MEETINGS)
    return csv_dataset(read_file(stops), str(stops), read_file(meetings) if meetings else None,
                       str(meetings) if meetings else None,
                       stops.name if args else config.SEED_TITLE)


def csv_dataset(stops: bytes, stops_name: str, meetings: bytes | None,
                meetings_name: str | None, title: str) -> Dataset:
    key = digest(stops, meetings or b"", title.encode())
    return Dataset(key, parse_csv(key, stops, stops_name, meetings, meetings_name, title))


def uploaded_dataset() -> Dataset | None:
    stops = st.sidebar.file_uploader("Stops CSV", type=["csv"], key="upload_stops")
    meetings = st.sidebar.file_uploader("Meetings CSV (optional)", type=["csv"],
                                        key="upload_meetings")
    if stops is None:
        st.info("Upload a stops CSV in the sidebar to see it on the map. The README shows "
                "the format: one row per stop with place, country and start_date.")
        return None
    return csv_dataset(stops.getvalue(), stops.name, meetings.getvalue() if meetings else None,
                       meetings.name if meetings else None, stops.name)


def record_dataset() -> Dataset | None:
    """A trip of the bundled record, or of a record file the user uploads."""
    record = bundled_record(str(config.travels_dir()))
    people = {person.who: person for person in record.travellers}
    st.session_state.setdefault("record_traveller", next(reversed(people)))  # the latest
    who = st.sidebar.selectbox(
        "Traveller", [*people, UPLOAD_XML], key="record_traveller",
        format_func=lambda w: labels.traveller(people[w]) if w in people
        else "Another record file…")
    if who == UPLOAD_XML:
        return uploaded_record_dataset()
    choice = RecordChoice(who, pick_trip(record, BUNDLED, who))
    return record_trip(record, f"{BUNDLED}:{config.travels_dir()}", choice, linkable=True)


def uploaded_record_dataset() -> Dataset | None:
    upload = st.sidebar.file_uploader("Travel record XML", type=["xml"], key="upload_xml")
    if upload is None:
        st.info("Upload one of the Office of the Historian's travel XML files.")
        return None
    data = upload.getvalue()
    key = digest(data)
    record = uploaded_record(key, data, upload.name)
    warn_skipped(record)
    record.require_records(upload.name)
    people = {person.who: person for person in record.travellers}
    who = st.sidebar.selectbox("Traveller in the file", list(people), key=f"upload_who::{key}",
                               format_func=lambda w: labels.traveller(people[w]))
    choice = RecordChoice(who, pick_trip(record, key, who))
    return record_trip(record, key, choice, linkable=False)


def trip_key(source: str, who: str) -> str:
    return f"record_trip::{source}::{who}"


def pick_trip(record: Imported, source: str, who: str) -> str:
    choices = labels.trip_choices(record, who)
    key = trip_key(source, who)
    st.session_state.setdefault(key, list(choices)[-1])  # the latest trip
    return st.sidebar.selectbox("Trip", list(choices), key=key, format_func=choices.__getitem__,
                                help="Records at most two days apart form one trip.")


def record_trip(record: Imported, source: str, choice: RecordChoice,
                linkable: bool) -> Dataset:
    first_day = None if choice.trip == ALL else date.fromisoformat(choice.trip)
    trip = record.trip(choice.who, first_day)
    if trip is None:  # the pickers offer only trips the record holds; this is a bug's net
        raise DataError([Problem(source, f"holds no trip of {choice.who} starting "
                                         f"{choice.trip}")])
    return Dataset(f"record:{source}:{choice.who}:{choice.trip}", trip,
                   choice if linkable else None)


def warn_skipped(record: Imported) -> None:
    if record.problems:
        listed = "; ".join(str(p) for p in record.problems[:5])
        st.warning(f"{len(record.problems)} record(s) could not be read and were skipped: "
                   f"{listed}" + ("; …" if len(record.problems) > 5 else ""))


def show_error(exc: ItineraryError) -> None:
    if isinstance(exc, DataError) and len(exc.problems) > 1:
        listed = "\n".join(f"- {p}" for p in exc.problems[:50])
        more = len(exc.problems) - 50
        st.error(f"This itinerary has {len(exc.problems)} problems:\n\n{listed}"
                 + (f"\n\n…and {more} more." if more > 0 else ""))
    else:
        st.error(str(exc))


def init_view(trip: Trip, dataset: str) -> None:
    """Set the widgets' state when a dataset is first shown: from the link, the first
    time in a session, and to the whole trip after that."""
    if st.session_state.get("dataset") == dataset:
        return
    first_in_session = "dataset" not in st.session_state
    params = st.query_params.to_dict() if first_in_session else {}
    view, warnings = view_from_query(params, trip)
    # The link's warnings stay while its dataset is shown; another dataset has no link.
    earlier = st.session_state["link_warnings"] if first_in_session else []
    st.session_state["link_warnings"] = [*earlier, *warnings]
    st.session_state["dataset"] = dataset
    st.session_state["dates"] = (view.start, view.end)
    st.session_state["selected_stop"] = view.stop_id or OVERVIEW
    st.session_state["last_click"] = None


def chosen_dates(trip: Trip) -> tuple[date, date]:
    picked = st.sidebar.date_input("Dates", key="dates", min_value=trip.first_day,
                                   max_value=trip.last_day, format="YYYY-MM-DD",
                                   help="A stop stays on the map when any of its days fall "
                                        "in this range.")
    # While a range is being picked the widget briefly holds only its first day.
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    return (picked[0], picked[-1]) if picked else (trip.first_day, trip.last_day)


def handle_click(value: dict | None, shown: Trip) -> bool:
    """Select the stop whose marker was clicked. True when the selection changed."""
    clicked = (value or {}).get("last_object_clicked")
    signature = (clicked, (value or {}).get("last_object_clicked_count"))
    if not clicked or signature == st.session_state.get("last_click"):
        return False
    st.session_state["last_click"] = signature
    stop = stop_at(shown.stops, clicked["lat"], clicked["lng"])
    if stop is None or stop.stop_id == st.session_state.get("selected_stop"):
        return False
    st.session_state["selected_stop"] = stop.stop_id
    return True


def asset_base() -> str:
    """Where the browser finds the map's files: the package's static folder, registered
    with Streamlit (as a component's folder) wherever the package is installed. The URL is
    relative to the map's frame, which Streamlit serves from the component route too."""
    files = components.declare_component("map_assets", path=str(config.vendor_dir()))
    return f"../{files.name}/"


def dashboard(dataset: Dataset, trip: Trip, warnings: list[str]) -> None:
    init_view(trip, dataset.key)
    st.title(trip.title or "Itinerary")
    for warning in [*st.session_state["link_warnings"], *warnings]:
        st.warning(warning)
    start, end = chosen_dates(trip)
    shown = trip.between(start, end)
    if shown.stop(st.session_state.get("selected_stop", OVERVIEW)) is None:
        st.session_state["selected_stop"] = OVERVIEW

    # A click reaches st.session_state[MAP_KEY] before this run (streamlit-folium's change
    # callback); handling it before drawing means the ring follows it in this same run.
    handle_click(st.session_state.get(MAP_KEY), shown)

    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        selected = st.session_state.get("selected_stop")
        value = st_folium(build_map(shown, base=asset_base(), height="560px"), key=MAP_KEY,
                          height=560, use_container_width=True,
                          returned_objects=["last_object_clicked", "last_object_clicked_count"],
                          feature_group_to_add=selection_layer(shown, selected) if selected
                          else None)
        if handle_click(value, shown):
            st.rerun()  # a click the callback did not see (AppTest sets the value directly)
    with panel_col:
        stop_id = stop_picker(dataset.key, trip, shown)
        stop = trip.stop(stop_id) if stop_id else None
        st.markdown(stop_details(trip, stop) if stop else overview(shown))
        # A callable: the CSV is written when the button is pressed, not on every rerun.
        st.download_button("Download stops as CSV", lambda: stops_to_csv(shown.stops),
                           file_name="stops.csv", mime="text/csv")
    st.query_params.from_dict(view_to_query(View(start, end, stop_id or None), dataset.record))


def stop_picker(key: str, trip: Trip, shown: Trip) -> str:
    choices = stop_choices(key, trip)
    return st.selectbox("Stop", [OVERVIEW, *(s.stop_id for s in shown.stops)],
                        key="selected_stop", format_func=lambda i: choices.get(i, "Trip overview"))


def main(script: str) -> None:
    """The page. `script` is the file Streamlit runs: command-line files are read from
    argv only when it is that file (under a test runner argv belongs to the runner)."""
    st.set_page_config(page_title="itinerary", page_icon="🗺️", layout="wide")
    args = sys.argv[1:] if Path(sys.argv[0]).resolve() == Path(script).resolve() else []
    try:
        assets.check()
        apply_link()
        dataset = choose_dataset(args)
        if dataset is None:
            return
        online = st.sidebar.toggle("Look up unknown places online", value=False,
                                   help="Asks OpenStreetMap's Nominatim, one place per second, "
                                        "for places the offline gazetteer lacks.")
        trip, warnings = place(dataset, online)
    except ItineraryError as exc:
        show_error(exc)
        return
    dashboard(dataset, trip, warnings)
