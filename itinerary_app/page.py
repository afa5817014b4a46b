"""The dashboard page: its layout, and what each widget does to the view.

The map and the timeline stand on the left, the panel on the right (below them on a
phone): search, stepping through the stops, the stop picker, and the overview or the
selected stop's card. The selected stop is kept in `state.SELECTED`; a click on the map,
on the timeline, on a search result, a step button or a pick in the stop picker changes it
before the panel is drawn.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from functools import cache, partial
from pathlib import Path

import folium
import streamlit as st
import streamlit.components.v1 as components
from streamlit.delta_generator import DeltaGenerator
from streamlit_folium import st_folium

from itinerary import config
from itinerary.dashboard import cards, labels
from itinerary.dashboard.brief import brief_html
from itinerary.dashboard.panel import overview, stop_details, topic_counts
from itinerary.dashboard.search import SearchIndex, describe
from itinerary.dashboard.view import Shown, View, shown_between, step, stop_at
from itinerary.errors import ItineraryError
from itinerary.exports import FORMATS, MAPS, export, file_name, file_stem
from itinerary.model import Trip
from itinerary.render import assets
from itinerary.render.bundle import bundle
from itinerary.render.image import map_image
from itinerary.render.layers import LayerData, layer_data
from itinerary.render.map import build_map, selected_index
from itinerary.render.timeline import PICK, timeline
from itinerary.sources.export import meetings_to_csv, stops_to_csv
from itinerary.text import markdown as md
from itinerary_app import browse, player, saving
from itinerary_app.caches import memo_holds, place, session_memo
from itinerary_app.datasets import Dataset
from itinerary_app.editor import edit_tables
from itinerary_app.history import OVERVIEW, follow_url, view_for, write_url
from itinerary_app.messages import show_error
from itinerary_app.pickers import choose_dataset
from itinerary_app.state import (
    DATES,
    FOUND,
    LAST_CLICK,
    LAST_MAP_CLICK,
    LAST_TIMELINE_PICK,
    LINK_WARNINGS,
    MAP,
    NEXT_STOP,
    OVERVIEW_BUTTON,
    PICKER,
    PREVIOUS_STOP,
    PRINT_BRIEF,
    PRINT_NOW,
    SEARCH,
    SELECTED,
    STEPS,
    STOP_PANEL,
    TIMELINE,
    TOOLBAR,
    TOPIC,
)

STATIC = Path(__file__).resolve().parent / "static"
RESULTS_SHOWN = 20  # search results listed; the rest are counted
MAP_HEIGHT = 560


@cache
def script(name: str) -> str:
    """One of the page's own files, read once per server rather than every run."""
    return (STATIC / name).read_text(encoding="utf-8")


def chosen_dates(trip: Trip) -> tuple[date, date, bool]:
    """The chosen dates, and whether the range is complete: while a range is being picked
    the widget briefly holds only its first day."""
    picked = st.sidebar.date_input("Dates", key=DATES.name, min_value=trip.first_day,
                                   max_value=trip.last_day, format="YYYY-MM-DD",
                                   help="A stop stays on the map when any of its days fall "
                                        "in this range; a meeting, when its day does.")
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    if not picked:
        return trip.first_day, trip.last_day, True
    return picked[0], picked[-1], len(picked) == 2


def select(stop_id: str | None) -> None:
    """A stop (or the overview) the reader chose: playback stops there."""
    SELECTED.set(stop_id or OVERVIEW)
    player.stop()


def follow_map(value: dict | None, trip: Trip, shown: Trip) -> bool:
    """Select the stop whose marker was clicked, or return to the overview after a click on
    the empty map. True when a stop was selected by the click."""
    value = value or {}
    clicked = value.get("last_object_clicked")
    mark = value.get("stop"), clicked, value.get("last_object_clicked_count")
    if clicked and mark != LAST_CLICK.get():
        LAST_CLICK.set(mark)
        number = value.get("stop")
        stop = (trip.by_number(number) if isinstance(number, int) else None) or stop_at(
            shown.stops, clicked["lat"], clicked["lng"])
        if stop is not None and stop.stop_id != SELECTED.get():
            select(stop.stop_id)
            return True
        return False
    empty = value.get("last_clicked")
    if empty and empty != LAST_MAP_CLICK.get():
        LAST_MAP_CLICK.set(empty)
        select(None)
    return False


def follow_timeline(shown: Trip) -> None:
    """Select the stop whose bar was clicked on the timeline."""
    picked = ((TIMELINE.get() or {}).get("selection") or {}).get(PICK) or []
    mark = json.dumps(picked, sort_keys=True)
    if picked and mark != LAST_TIMELINE_PICK.get():
        stop_id = picked[0].get("stop_id")
        if shown.stop(stop_id) is not None:
            select(stop_id)
    LAST_TIMELINE_PICK.set(mark)


def _served(folder: Path, name: str) -> str:
    """Where the browser finds a folder of files, registered with Streamlit as a
    component's folder wherever the package is installed. The URL is relative to the map's
    frame, which Streamlit serves from the component route too."""
    files = components.declare_component(name, path=str(folder))
    return f"../{files.name}/"


def the_map(shown: Trip, data: LayerData) -> folium.Map:
    """The map, its scripts (the map's and the page's bridge) joined into one file. A
    folium map is drawn once (streamlit-folium changes it as it draws it), so it is made on
    every run, from the trip layer's data kept for the dates."""
    vendor, folder = config.vendor_dir(), config.cache_dir() / "map-scripts"
    base, pages = _served(vendor, "map_assets"), _served(STATIC, "page_assets")
    bridge = (("itinerary_bridge", pages + "bridge.js"),)
    files = _script_files(vendor, base, pages, folder)
    made = build_map(shown, base=base, embedded=True, height=f"{MAP_HEIGHT}px",
                     scripts=bridge, data=data)
    return bundle(made, files, folder, _served(folder, "map_scripts"))


@cache
def _script_files(vendor: Path, base: str, pages: str, folder: Path) -> dict[str, Path]:
    """Each script's URL and its file, and the joined file's folder made: once per server,
    not on every run."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {assets.url(base, key): vendor / path
             for key, path in assets.FILES.items() if path.endswith(".js")}
    return files | {pages + "bridge.js": STATIC / "bridge.js"}


def map_column(dataset: Dataset, shown: Trip, dates: tuple[date, date],
               memo_key: tuple) -> None:
    """The map and, under it, the timeline."""
    selected = SELECTED.get() or None
    # The map's message stays the same from click to click, so Streamlit does not send it
    # again: the selection goes to the map in a script of its own (select.js).
    data = session_memo("map_data", memo_key, lambda: layer_data(shown))
    value = st_folium(the_map(shown, data),
                      key=MAP.name, height=MAP_HEIGHT, use_container_width=True,
                      returned_objects=["last_clicked", "last_object_clicked",
                                        "last_object_clicked_count"])
    index = selected_index(shown, selected)
    st.html(f"<script>window.itinerarySelected = {json.dumps(index)};\n"
            f"window.itineraryDay = {json.dumps(player.day_reached())};\n"
            f"{script('select.js')}</script>", unsafe_allow_javascript=True)
    player.day_shown()
    chart = timeline(shown, *dates, selected, player.day())
    if chart is not None:
        st.altair_chart(chart, key=TIMELINE.name, on_select="rerun", selection_mode=PICK,
                        width="stretch")
    else:
        st.caption("Narrow the dates to see the timeline.")
    # A click the change callback did not see first (AppTest sets the value directly).
    if follow_map(value, dataset.trip, shown):
        st.rerun()


def panel(trip: Trip, dated: Trip, shown: Trip, memo_key: tuple) -> None:
    """Search, steps, the stop picker and the stop's card or the overview of the dates
    (`dated`), of which the map draws `shown`."""
    search(shown, memo_key)
    steps(shown)
    stop_picker(shown, memo_key)
    stop_id = SELECTED.get()
    stop = trip.stop(stop_id) if stop_id else None
    with st.container(key=STOP_PANEL):
        if stop is not None:
            # One maker of cards for the dates, kept: not a pass over the trip per click.
            made = session_memo("cards", memo_key, lambda: cards.Cards(trip, shown))
            st.markdown(stop_details(trip, stop, shown, made))
            bring_found_into_view()
        else:
            st.markdown(session_memo("overview", memo_key, lambda: overview(dated)))
            topics(shown)


def stop_picker(shown: Trip, memo_key: tuple) -> None:
    """A list to go to any stop, or back to the overview. It goes there and empties
    itself: it says where to go, not where the view is (the card says that). So it stays
    the same from click to click, and Streamlit does not send its list of every stop again."""
    choices = session_memo("stop_choices", memo_key, lambda: labels.stop_choices(shown))

    def picked() -> None:
        stop_id = PICKER.get()
        if stop_id is not None:
            select(stop_id)
        PICKER.set(None)

    st.selectbox("Stop", [OVERVIEW, *(s.stop_id for s in shown.stops)], key=PICKER.name,
                 index=None, placeholder="Go to a stop", on_change=picked,
                 format_func=lambda i: choices.get(i, "Trip overview"))


def take_away(dated: Trip, shown: Trip, row: DeltaGenerator) -> None:
    """The Download menu, of every format for what is shown (the dates and trips chosen;
    a map page or image, of the stops the map draws), and the Print brief button, in
    `row`."""
    stem = file_stem(dated)
    with row.popover("Download", icon=":material/download:"):
        # Callables: a file is made when its button is pressed, not on every rerun.
        for name, fmt in FORMATS.items():
            trip = shown if name in MAPS else dated
            st.download_button(fmt.label, partial(export, trip, name), key=f"download_{name}",
                               file_name=file_name(dated, name, stem), mime=fmt.mime,
                               width="stretch")
        st.download_button("Stops only (CSV)", partial(stops_to_csv, dated.stops),
                           key="download_stops", file_name=f"{stem}-stops.csv",
                           mime="text/csv", width="stretch")
        st.download_button("Meetings only (CSV)", partial(meetings_to_csv, dated.meetings),
                           key="download_meetings", file_name=f"{stem}-meetings.csv",
                           mime="text/csv", width="stretch")
    if row.button("Print brief", key="print_brief_button", icon=":material/print:"):
        PRINT_NOW.set(True)
        st.rerun()  # the brief is drawn after this row: run again, to make it


def brief(dated: Trip, shown: Trip, memo_key: tuple) -> None:
    """The printable brief, an inert template that `brief.js` prints alone (see page.css).
    It is made when first asked for (Print brief, or Ctrl+P, which `brief.js` turns into
    the button's press) and then kept for the dates: making its map image takes a second
    at thousands of stops, and while the server makes it the map's own update waits.
    Its map is of the stops the map draws; its texts are escaped by `brief_html`."""
    st.html(f"<script>{script('brief.js')}</script>", unsafe_allow_javascript=True)
    asked = PRINT_NOW.pop()
    if not asked and not memo_holds("brief", memo_key):
        return
    html = session_memo("brief", memo_key, lambda: brief_html(
        dated, map_image(shown, "png", size=(7.5, 4.2), dpi=150, title=False)
        if any(s.located for s in shown.stops) else None))
    with st.container(key=PRINT_BRIEF):
        st.html(f"<template class='itinerary-brief'>{html}</template>")
    if asked:  # after the template, so that the print finds it
        run_now("window.print()")


def steps(shown: Trip) -> None:
    """Previous stop, Overview, Next stop: like the slides of a story, with ←, Esc, →.

    A step goes from the stop selected when it is pressed, not when its button was drawn:
    two presses in quick succession, the second before the page has caught up, go two
    stops."""
    current = SELECTED.get() or None
    ids = [s.stop_id for s in shown.stops]

    def go(by: int) -> None:
        select(step(shown, SELECTED.get() or None, by))

    # A row that wraps rather than cutting a label short on a narrow panel (a phone); on a
    # desktop's panel the three fit in one row (page.css).
    row = st.container(horizontal=True, gap="small", key=STEPS)
    row.button("Previous stop", key=PREVIOUS_STOP, shortcut="Left", on_click=go, args=(-1,),
               disabled=not ids or current is None)
    row.button("Overview", key=OVERVIEW_BUTTON, shortcut="Esc", on_click=lambda: select(None),
               disabled=current is None)
    row.button("Next stop", key=NEXT_STOP, shortcut="Right", on_click=go, args=(1,),
               disabled=not ids or (current is not None and current == ids[-1]))


def search(shown: Trip, memo_key: tuple) -> None:
    """The search box and, under it, the meetings and stops it finds."""
    query = st.text_input("Search", key=SEARCH.name,
                          placeholder="A person, role, topic, place or word")
    if not query.strip():
        return
    hits = session_memo("search", memo_key, lambda: SearchIndex(shown)).find(query)
    if not hits:
        st.caption("Nothing found in the chosen dates.")
        return
    st.caption(f"{len(hits)} found" + (f"; the first {RESULTS_SHOWN} are listed"
                                        if len(hits) > RESULTS_SHOWN else ""))
    for i, hit in enumerate(hits[:RESULTS_SHOWN]):
        at = shown.meetings_at(hit.stop.stop_id)
        st.button(md(describe(shown, hit)), key=f"hit_{i}", width="stretch", wrap=True,
                  on_click=_found, args=(hit.stop.stop_id, at.index(hit.meeting)
                                         if hit.meeting in at else None))


def _found(stop_id: str, meeting: int | None) -> None:
    """A result chosen: its stop, and the meeting the card then brings into view."""
    select(stop_id)
    FOUND.set(meeting)


def bring_found_into_view() -> None:
    """After the stop's card, once: the meeting chosen among the results scrolled to and
    marked for a moment (found.js)."""
    index = FOUND.pop()
    if index is not None:
        run_now(f"window.itineraryFound = {int(index)};\n{script('found.js')}")


def run_now(code: str) -> None:
    """A script that runs where it is drawn, this time too: a new comment each time, or
    Streamlit would take it for the element it drew before and not run it again."""
    st.html(f"<script>{code}</script><!-- {time.monotonic()} -->", unsafe_allow_javascript=True)


def topics(shown: Trip) -> None:
    """The overview's topics, as filters: choosing one searches for it."""
    counts = dict(topic_counts(shown))
    if not counts:
        return

    def chosen() -> None:
        SEARCH.set(TOPIC.get() or "")
        TOPIC.set(None)  # a filter to pick, not a state to keep

    st.pills("Topics", list(counts), key=TOPIC.name, on_change=chosen,
             format_func=lambda t: f"{md(t)} ({counts[t]})")


def dashboard(dataset: Dataset, trip: Trip, warnings: list[str], online: bool) -> None:
    view_for(trip, dataset.key, dataset.edited_from)
    start, end, complete = chosen_dates(trip)  # in the sidebar
    view = shown_between(trip, start, end)
    st.title(md(view.dated.title or "Itinerary"), anchor=False)  # of what the dates show
    for warning in [*LINK_WARNINGS.get(), *warnings]:
        st.warning(md(warning))
    if dataset.browsable:
        browse.record_browser(view.dated, dataset.compared)
    if view.notice:
        st.info(md(view.notice))
    if view.drawn.stop(SELECTED.get()) is None:
        select(None)
    # What is made of the dates' stops is made once for them, and kept under this key.
    memo_key = (dataset.key, online, start, end)
    played = player.frames_of(view.drawn, memo_key)
    player.follow_link(played)
    # One row above the map: playing on the left, taking the trip away on the right, both
    # on the first screen.
    toolbar = st.container(horizontal=True, gap="small", vertical_alignment="center",
                           key=TOOLBAR)
    player.controls(played, toolbar)
    toolbar.space("stretch")
    # On a phone the sidebar is folded away: a labelled way to it (page.css shows it there).
    toolbar.html("<button type='button' class='itinerary-trip-dates'>Trip and dates</button>",
                 width="content")
    take_away(view.dated, view.drawn, toolbar)
    browsing(dataset, trip, view, (start, end, complete), memo_key)
    brief(view.dated, view.drawn, memo_key)


def browsing(dataset: Dataset, trip: Trip, view: Shown,
             dates: tuple[date, date, bool], memo_key: tuple) -> None:
    """The map, the timeline and the panel: a click, a step, a search or a pick reruns only
    them (a fragment), so it does not send the rest of the page again, the brief's image
    among it. While the trip plays, the fragment also reruns on a timer."""
    st.fragment(_browsing, run_every=player.every())(dataset, trip, view, dates, memo_key)


def _browsing(dataset: Dataset, trip: Trip, view: Shown,
              dates: tuple[date, date, bool], memo_key: tuple) -> None:
    (start, end, complete), dated, shown = dates, view.dated, view.drawn
    player.tick(player.frames_of(shown, memo_key))
    # Clicks reach the session state before this run (streamlit-folium's change callback,
    # the chart's selection): following them first lets the map and panel show them now.
    tapped = follow_map(MAP.get(), trip, shown)
    follow_timeline(shown)
    player.redraw_if_stopped()
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        map_column(dataset, shown, (start, end), memo_key)
    with panel_col:
        panel(trip, dated, shown, memo_key)
    if tapped:
        st.html(f"<script>{script('page.js')}</script><!-- {LAST_CLICK.get()} -->",
                unsafe_allow_javascript=True)
    if complete:
        write_url(View(start, end, SELECTED.get() or None, player.day()), trip,
                  dataset.record)


def main(script_path: str) -> None:
    """The page. `script_path` is the file Streamlit runs: command-line files are read from
    argv only when it is that file (under a test runner argv belongs to the runner)."""
    st.set_page_config(page_title="itinerary", page_icon="🗺️", layout="wide")
    st.html(STATIC / "page.css")
    st.sidebar.html("<a class='itinerary-skip' href='#map'>Skip to the map</a>")
    st.html(f"<script>{script('skip.js')}\n{script('sidebar.js')}</script>",
            unsafe_allow_javascript=True)
    same = Path(sys.argv[0]).resolve() == Path(script_path).resolve()
    args = sys.argv[1:] if same else []
    try:
        assets.check()
        down = saving.opened_at_start()
        follow_url(args)
        dataset = choose_dataset(args)
        if dataset is None:
            return
        online = st.sidebar.toggle("Look up unknown places online", value=False,
                                   help="Asks OpenStreetMap's Nominatim, one place per second, "
                                        "for places the offline gazetteer lacks.")
        # The tables stand under the dashboard but are read first: the map shows their edits.
        view, tables = st.container(), st.container()
        can_edit = down is None and saving.editable(dataset)
        dataset, told = edit_tables(dataset, tables, open_first=can_edit)
        saving.save_panel(dataset, down, can_edit=can_edit)
        saving.tell_failure()
        with view:
            trip, warnings = place(dataset.key, dataset.trip, online, private=dataset.private)
    except ItineraryError as exc:
        show_error(exc)
        return
    with view:
        dashboard(dataset, trip, [*told, *warnings], online)
