"""The sidebar's data pickers: which trip is shown, read once per server or per session.

A trip comes from the built-in files (or those given on the command line), an upload, or
the official travel record (bundled, or an uploaded record file). The server's own files,
parsed and placed, are Streamlit resources: immutable, so every session shares one. What a
user uploads is theirs: it is held in their session, one upload at a time, and freed with
it, so a closed tab leaves nothing behind in the server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from itinerary import config
from itinerary.dashboard import labels
from itinerary.dashboard.view import ALL, RecordChoice
from itinerary.errors import DataError, Problem
from itinerary.geocoding import place_trip
from itinerary.model import Trip
from itinerary.sources.records import Imported, import_folder, import_travels
from itinerary.sources.stops import load_trip
from itinerary.sources.table import read_file
from itinerary.text import markdown as md
from itinerary_app.browse import (
    BUNDLED,
    clear_comparison,
    compare_banner,
    follow_tables,
    picked,
    record_tables,
    trip_key,
)

BUILT_IN, UPLOAD, RECORD = "Built-in trip", "Itinerary CSV", "Official travel record"
UPLOAD_XML = ":upload"  # the traveller picker's "another record file" choice
COMPARED = ":compared"  # the trip picker's choice while trips are compared
PROGRESS_FROM = 6  # geocoding more places than this shows a progress bar
T = TypeVar("T")


@dataclass(frozen=True)
class Dataset:
    """A trip to show, and the identity that caches and the view's state are keyed by."""

    key: str
    trip: Trip
    record: tuple[RecordChoice, ...] = ()  # trips of the bundled record, which links name
    private: bool = False  # an upload: its derived data lives in the session, not the server
    # What the page draws under the title for this data (the record's tables), given the
    # trip shown.
    browse: Callable[[Trip], None] | None = field(default=None, compare=False)


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


@st.cache_resource(show_spinner="Placing the official travel record…", max_entries=4)
def placed_record(folder: str) -> Imported:
    """The record with every stop placed (offline: under a second once the gazetteer's
    index is built), for its tables' kilometres and countries; shared by every session."""
    record = bundled_record(folder)
    trip, _ = place_trip(Trip(tuple(record.stops)))
    return record.placed(trip.stops)


@st.cache_resource
def placements() -> dict:
    """Placed trips shared by every session: the same trip is placed once per server."""
    return {}


def session_memo(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, kept in this session under `name` until `key` changes: one value per name,
    so a new upload or a new choice of dates replaces the old one's."""
    held = st.session_state.get(f"memo::{name}")
    if held is None or held[0] != key:
        st.session_state.pop(f"memo::{name}", None)  # freed before the new one is made
        held = (key, make())
        st.session_state[f"memo::{name}"] = held
    return held[1]


def digest(*parts: bytes) -> str:
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


def first_choice(args: list[str]) -> str:
    """The data picker's first choice: the file given on the command line, or the
    built-in trip."""
    return f"File: {Path(args[0]).name}" if args else BUILT_IN


def choose_dataset(args: list[str]) -> Dataset | None:
    """The itinerary to show, from the sidebar's data picker."""
    kind = st.sidebar.radio("Data", [first_choice(args), UPLOAD, RECORD], key="source")
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
                meetings_name: str | None, title: str, *, private: bool = False) -> Dataset:
    key = digest(stops, meetings or b"", title.encode())
    if private:
        with st.spinner("Reading the itinerary…"):
            trip = session_memo("upload", key, lambda: load_trip(
                stops, meetings, stops_name=stops_name, meetings_name=meetings_name,
                title=title))
        return Dataset(key, trip, private=True)
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
                       meetings.name if meetings else None, stops.name, private=True)


def record_dataset() -> Dataset | None:
    """A trip of the bundled record, or several compared, or a trip of a record file the
    user uploads."""
    record = bundled_record(str(config.travels_dir()))
    follow_tables(record)
    people = {person.who: person for person in record.travellers}
    st.session_state.setdefault("record_traveller", next(reversed(people)))  # the latest
    who = st.sidebar.selectbox(
        "Traveller", [*people, UPLOAD_XML], key="record_traveller",
        format_func=lambda w: labels.traveller(people[w]) if w in people
        else "Another record file…")
    if who == UPLOAD_XML:
        return uploaded_record_dataset()
    compared = picked() if len(picked()) > 1 else ()
    choice = RecordChoice(who, pick_trip(record, BUNDLED, who, compared=len(compared)))
    if compared:
        dataset = compared_trips(record, [RecordChoice(w, d) for w, d in compared])
    else:
        dataset = record_trip(record, f"{BUNDLED}:{config.travels_dir()}", choice,
                              linkable=True)

    def browse(trip: Trip) -> None:
        if compared:
            compare_banner(len(compared))
        # Placed here for the tables' kilometres and countries; the trip itself is placed
        # with the rest, which says what could not be found.
        record_tables(placed_record(str(config.travels_dir())), trip)

    return replace(dataset, browse=browse)


def compared_trips(record: Imported, choices: list[RecordChoice]) -> Dataset:
    """Several record trips on one map, each a part with its own colour and route."""
    several = len({c.who for c in choices}) > 1
    trip = record.trips([(c.who, date.fromisoformat(c.trip)) for c in choices],
                        name=lambda j: labels.part_name(j, with_traveller=several))
    if trip is None:
        raise DataError([Problem(BUNDLED, "holds none of the trips to compare")])
    key = "record:compare:" + ",".join(f"{c.who}@{c.trip}" for c in choices)
    return Dataset(key, replace(trip, title=labels.compare_title(record, choices)),
                   tuple(choices))


def uploaded_record_dataset() -> Dataset | None:
    upload = st.sidebar.file_uploader("Travel record XML", type=["xml"], key="upload_xml")
    if upload is None:
        st.info("Upload one of the Office of the Historian's travel XML files.")
        return None
    data = upload.getvalue()
    key = digest(data)
    with st.spinner("Reading the travel record…"):
        record = session_memo("upload", key, lambda: import_travels([(data, upload.name)]))
    warn_skipped(record)
    record.require_records(upload.name)
    people = {person.who: person for person in record.travellers}
    who = st.sidebar.selectbox("Traveller in the file", list(people), key=f"upload_who::{key}",
                               format_func=lambda w: labels.traveller(people[w]))
    choice = RecordChoice(who, pick_trip(record, key, who))
    return replace(record_trip(record, key, choice, linkable=False), private=True)


def pick_trip(record: Imported, source: str, who: str, compared: int = 0) -> str:
    """The trip picker: a traveller's trips, all of them, and, while trips picked in the
    trips table are compared, that comparison; picking another ends it."""
    choices = labels.trip_choices(record, who)
    key = trip_key(source, who)
    if compared:
        choices = {COMPARED: f"{compared} trips compared"} | choices
        st.session_state[key] = COMPARED
    elif st.session_state.get(key) == COMPARED:
        st.session_state[key] = ALL  # the comparison ended: this traveller's trips
    st.session_state.setdefault(key, list(choices)[-1])  # the latest trip

    def picked_one() -> None:
        if st.session_state[key] != COMPARED:
            clear_comparison()

    return st.sidebar.selectbox("Trip", list(choices), key=key, format_func=choices.__getitem__,
                                help="Records at most two days apart form one trip.",
                                on_change=picked_one if compared else None)


def record_trip(record: Imported, source: str, choice: RecordChoice,
                linkable: bool) -> Dataset:
    first_day = None if choice.trip == ALL else date.fromisoformat(choice.trip)
    trip = record.trip(choice.who, first_day, name=labels.part_name)
    if trip is None:  # the pickers offer only trips the record holds; this is a bug's net
        raise DataError([Problem(source, f"holds no trip of {choice.who} starting "
                                         f"{choice.trip}")])
    journeys = record.journeys_of(choice.who)
    trips = len(journeys) if first_day is None else 1
    title = labels.record_title(journeys[0].traveller, trip, trips)
    return Dataset(f"record:{source}:{choice.who}:{choice.trip}", replace(trip, title=title),
                   (choice,) if linkable else ())


def warn_skipped(record: Imported) -> None:
    if record.problems:
        listed = "; ".join(str(p) for p in record.problems[:5])
        st.warning(md(f"{len(record.problems)} record(s) could not be read and were skipped: "
                      f"{listed}" + ("; …" if len(record.problems) > 5 else "")))


class Progress:
    """A progress bar for `place_trip`, shown only when there are more than a handful of
    places to look up, in a place of its own that every run keeps: were it there only
    while placing, the elements after it would move, and the map be drawn anew."""

    def __init__(self) -> None:
        self.slot: DeltaGenerator = st.empty()

    def __call__(self, done: int, total: int) -> None:
        if total >= PROGRESS_FROM:
            self.slot.progress(done / total, text=f"Placing places: {done} of {total}")

    def close(self) -> None:
        self.slot.empty()


def place(dataset: Dataset, online: bool) -> tuple[Trip, list[str]]:
    """The dataset's trip placed on the map: once per server, or once per session for an
    upload."""
    progress = Progress()
    if dataset.private:
        return session_memo("placed", (dataset.key, online),
                            lambda: _placed(dataset, online, progress))
    memo = placements()
    if (dataset.key, online) not in memo:
        placed = _placed(dataset, online, progress)
        if len(memo) > 16:
            memo.clear()
        memo[(dataset.key, online)] = placed
    return memo[(dataset.key, online)]


def _placed(dataset: Dataset, online: bool, progress: Progress) -> tuple[Trip, list[str]]:
    placed = place_trip(dataset.trip, online=online, progress=progress)
    progress.close()
    return placed
