"""The itinerary dashboard: widgets, layout and caching only; the logic is in itinerary/.

Run with `make run`, or `streamlit run app.py -- [STOPS.csv [MEETINGS.csv]]`.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from itinerary import assets
from itinerary.errors import DataError, ItineraryError, Problem
from itinerary.export import rows_to_csv, stops_to_csv
from itinerary.geocoding import GeocodeCache, locate
from itinerary.geocoding import online as online_geocoder
from itinerary.layers import NUMBERED_MAX
from itinerary.load import load_trip, read_file
from itinerary.map import build_map, display_points, selection_layer
from itinerary.model import Trip
from itinerary.panel import overview, stop_details
from itinerary.travels import COLUMNS, Imported, import_travels
from itinerary.view import View, filter_stops, stop_at, view_from_query, view_to_query

HERE = Path(__file__).resolve().parent
DEFAULT_STOPS = HERE / "data" / "stops.csv"
DEFAULT_MEETINGS = HERE / "data" / "meetings.csv"
DEFAULT_TITLE = "Secretary Blinken in Colombia, Chile and Peru, October 2022"
TRAVELS_DIR = Path(os.environ.get("ITINERARY_TRAVELS_DIR", HERE.parent / "shared" / "travels"))
MAP_KEY = "map"
OVERVIEW = ""  # the stop picker's "no stop selected" choice
BUILT_IN, UPLOAD, RECORD = "Built-in trip", "Itinerary CSV", "Official travel record"
ALL_TRIPS = "All trips"
UPLOAD_XML = "Upload an XML file…"
PROGRESS_FROM = 6  # geocoding more places than this shows a progress bar


@dataclass(frozen=True)
class Source:
    stops: bytes
    stops_name: str
    meetings: bytes | None
    meetings_name: str | None
    title: str


# Resources, not data: a Trip is immutable, so every run may share one instead of
# unpickling a copy (tens of milliseconds at thousands of stops).
@st.cache_resource(show_spinner="Reading the itinerary…", max_entries=32)
def parse(source: Source) -> Trip:
    return load_trip(source.stops, source.meetings, stops_name=source.stops_name,
                     meetings_name=source.meetings_name, title=source.title)


@st.cache_resource(show_spinner="Reading the travel record…", max_entries=8)
def import_record(data: bytes, name: str) -> Imported:
    return import_travels([(data, name)])


@st.cache_resource
def placements() -> dict:
    """Placed trips shared by every session: the same file is placed once per server."""
    return {}


def place(trip: Trip, dataset: str, online: bool) -> tuple[Trip, list[str]]:
    """The trip with coordinates, placed once per server, with a progress bar when there
    are more than a handful of places."""
    memo = placements()
    if (dataset, online) not in memo:
        todo = len({(s.place, s.country) for s in trip.stops if not s.located})
        bar = st.progress(0.0, text=f"Placing {todo} places…") if todo >= PROGRESS_FROM else None

        def report(done: int, total: int) -> None:
            if bar is not None:
                bar.progress(done / total, text=f"Placing places: {done} of {total}")

        cache = GeocodeCache()
        try:
            result = locate(trip.stops, cache=cache, progress=report,
                            online=online_geocoder.configured() if online else None)
        finally:
            cache.close()
        if bar is not None:
            bar.empty()
        if len(memo) > 16:
            memo.clear()
        memo[(dataset, online)] = (replace(trip, stops=tuple(result.stops)),
                                   result.messages())
    return memo[(dataset, online)]


def choose_source() -> Source | None:
    """The itinerary to show, from the sidebar's data picker."""
    # `streamlit run app.py -- FILE` makes argv ["app.py", FILE]; under a test runner argv
    # belongs to the runner, so it is read only when this script is argv[0].
    args = sys.argv[1:] if Path(sys.argv[0]).name == Path(__file__).name else []
    first = f"File: {Path(args[0]).name}" if args else BUILT_IN
    kind = st.sidebar.radio("Data", [first, UPLOAD, RECORD], key="source")
    if kind == UPLOAD:
        return uploaded_source()
    if kind == RECORD:
        return record_source()
    stops_path = Path(args[0]) if args else DEFAULT_STOPS
    meetings_path = Path(args[1]) if len(args) > 1 else (None if args else DEFAULT_MEETINGS)
    return Source(read_file(stops_path), str(stops_path),
                  read_file(meetings_path) if meetings_path else None,
                  str(meetings_path) if meetings_path else None,
                  stops_path.name if args else DEFAULT_TITLE)


def uploaded_source() -> Source | None:
    stops = st.sidebar.file_uploader("Stops CSV", type=["csv"], key="upload_stops")
    meetings = st.sidebar.file_uploader("Meetings CSV (optional)", type=["csv"],
                                        key="upload_meetings")
    if stops is None:
        st.info("Upload a stops CSV in the sidebar to see it on the map. The README shows "
                "the format: one row per stop with place, country and start_date.")
        return None
    return Source(stops.getvalue(), stops.name, meetings.getvalue() if meetings else None,
                  meetings.name if meetings else None, stops.name)


def record_source() -> Source | None:
    files = sorted(TRAVELS_DIR.glob("*.xml")) if TRAVELS_DIR.is_dir() else []
    choice = st.sidebar.selectbox("Record file", [*(f.name for f in files), UPLOAD_XML],
                                  key="record_file")
    if choice == UPLOAD_XML:
        upload = st.sidebar.file_uploader("Travel record XML", type=["xml"], key="upload_xml")
        if upload is None:
            st.info("Upload one of the Office of the Historian's travel XML files.")
            return None
        data, name = upload.getvalue(), upload.name
    else:
        path = TRAVELS_DIR / choice
        data, name = read_file(path), path.name
    imported = import_record(data, name)
    if imported.problems:
        listed = "; ".join(str(p) for p in imported.problems[:5])
        st.warning(f"{len(imported.problems)} record(s) could not be read and were skipped: "
                   f"{listed}" + ("; …" if len(imported.problems) > 5 else ""))
    if not imported.rows:
        raise DataError([Problem(name, "holds no travel records that could be read")])
    travellers = list(dict.fromkeys(r["traveler"] for r in imported.rows))
    who = st.sidebar.selectbox("Traveller", travellers, key="record_traveller")
    rows = [r for r in imported.rows if r["traveler"] == who]
    trips = list(dict.fromkeys(r["trip"] for r in rows))
    trip = st.sidebar.selectbox("Trip", [ALL_TRIPS, *trips], index=len(trips),
                                key=f"record_trip::{name}::{who}",
                                help="Records at most two days apart form one trip.")
    if trip != ALL_TRIPS:
        rows = [r for r in rows if r["trip"] == trip]
    return Source(rows_to_csv(rows, COLUMNS).encode(), f"{name} ({trip})", None, None,
                  f"{who}: {trip}")


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
    params = dict(st.query_params) if first_in_session else {}
    view, warnings = view_from_query(params, trip)
    st.session_state["link_warnings"] = warnings
    st.session_state["dataset"] = dataset
    st.session_state["dates"] = (view.start, view.end)
    st.session_state["selected_stop"] = view.stop_id or OVERVIEW
    st.session_state["last_click"] = None


def chosen_dates(trip: Trip) -> tuple:
    picked = st.sidebar.date_input("Dates", key="dates", min_value=trip.first_day,
                                   max_value=trip.last_day, format="YYYY-MM-DD",
                                   help="A stop stays on the map when any of its days fall "
                                        "in this range.")
    # While a range is being picked the widget briefly holds only its first day.
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    return (picked[0], picked[-1]) if picked else (trip.first_day, trip.last_day)


def handle_click(value: dict | None, visible: list) -> bool:
    """Select the stop whose marker was clicked. True when the selection changed."""
    clicked = (value or {}).get("last_object_clicked")
    signature = (clicked, (value or {}).get("last_object_clicked_count"))
    if not clicked or signature == st.session_state.get("last_click"):
        return False
    st.session_state["last_click"] = signature
    stop = stop_at(visible, clicked["lat"], clicked["lng"])
    if stop is None or stop.stop_id == st.session_state.get("selected_stop"):
        return False
    st.session_state["selected_stop"] = stop.stop_id
    return True


def dashboard(trip: Trip, dataset: str, warnings: list[str]) -> None:
    init_view(trip, dataset)
    st.title(trip.title or "Itinerary")
    for warning in [*st.session_state["link_warnings"], *warnings]:
        st.warning(warning)
    start, end = chosen_dates(trip)
    visible = filter_stops(trip.stops, start, end)
    if st.session_state.get("selected_stop") not in {s.stop_id for s in visible}:
        st.session_state["selected_stop"] = OVERVIEW

    # A click reaches st.session_state[MAP_KEY] before this run (streamlit-folium's change
    # callback); handling it before drawing means the ring follows it in this same run.
    handle_click(st.session_state.get(MAP_KEY), visible)

    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        fmap = build_map(visible, numbers=trip.numbers, height="560px")
        located = [s for s in visible if s.located]
        points = dict(zip((s.stop_id for s in located), display_points(located), strict=True))
        selected = st.session_state.get("selected_stop")
        ring = ([selection_layer(points[selected], large=len(points) > NUMBERED_MAX)]
                if selected in points else None)
        value = st_folium(fmap, key=MAP_KEY, height=560, use_container_width=True,
                          returned_objects=["last_object_clicked", "last_object_clicked_count"],
                          feature_group_to_add=ring)
        if handle_click(value, visible):
            st.rerun()  # a click the callback did not see (AppTest sets the value directly)
    with panel_col:
        choices = trip.choices
        stop_id = st.selectbox("Stop", [OVERVIEW, *(s.stop_id for s in visible)],
                               key="selected_stop",
                               format_func=lambda i: choices.get(i, "Trip overview"))
        stop = trip.stop(stop_id) if stop_id else None
        st.markdown(stop_details(trip, stop) if stop else overview(trip, visible))
        # A callable: the CSV is written when the button is pressed, not on every rerun.
        st.download_button("Download stops as CSV", lambda: stops_to_csv(visible),
                           file_name="stops.csv", mime="text/csv")
    st.query_params.from_dict(view_to_query(View(start, end, stop_id)))


def main() -> None:
    st.set_page_config(page_title="itinerary", page_icon="🗺️", layout="wide")
    try:
        assets.check()
        source = choose_source()
        if source is None:
            return
        online = st.sidebar.toggle("Look up unknown places online", value=False,
                                   help="Asks OpenStreetMap's Nominatim, one place per second, "
                                        "for places the offline gazetteer lacks.")
        trip = parse(source)
        dataset = hashlib.sha256(b"\0".join([source.stops, source.meetings or b"",
                                              source.title.encode()])).hexdigest()
        trip, warnings = place(trip, dataset[:16], online)
    except ItineraryError as exc:
        show_error(exc)
        return
    dashboard(trip, dataset[:16], warnings)


main()
