"""The sidebar's data pickers: which trip the page shows.

The data picker offers the built-in trip (or the files given on the command line), an
upload of itinerary CSV files, the official travel record (a traveller, then one of their
trips, all of them, or the trips picked in the record's table, compared; "Another record
file…" takes an upload of a file in the record's format), and a draft read from an
article.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from itinerary import config
from itinerary.dashboard import labels
from itinerary.dashboard.choices import ALL, RecordChoice
from itinerary.sources.records import Imported, import_travels
from itinerary.sources.table import read_file
from itinerary.text import markdown as md
from itinerary_app import browse
from itinerary_app.article import article_dataset
from itinerary_app.caches import bundled_record, digest, session_memo
from itinerary_app.datasets import (
    BUNDLED,
    Dataset,
    compared_dataset,
    csv_dataset,
    record_dataset,
)
from itinerary_app.saving import SAVED_SOURCE, saved_dataset
from itinerary_app.state import SAVED_LINK, SOURCE, TRAVELLER, TRIP, Key

BUILT_IN, UPLOAD, RECORD = "Built-in trip", "Itinerary CSV", "Official travel record"
ARTICLE = "From an article"
UPLOAD_XML = ":upload"  # the traveller picker's "another record file" choice
COMPARED = ":compared"  # the trip picker's choice while trips are compared


def first_choice(args: list[str]) -> str:
    """The data picker's first choice: the file given on the command line, or the
    built-in trip."""
    return f"File: {Path(args[0]).name}" if args else BUILT_IN


def choose_dataset(args: list[str]) -> Dataset | None:
    """The itinerary to show, from the sidebar's data picker."""
    saved = [SAVED_SOURCE] if SAVED_LINK.get() else []
    kind = st.sidebar.radio("Data", [first_choice(args), UPLOAD, RECORD, ARTICLE, *saved],
                            key=SOURCE.name)
    if kind == SAVED_SOURCE:
        return saved_dataset()
    if kind == ARTICLE:
        return article_dataset()
    if kind == UPLOAD:
        return uploaded_dataset()
    if kind == RECORD:
        return record_dataset_picked()
    stops = Path(args[0]) if args else config.SEED_STOPS
    meetings = Path(args[1]) if len(args) > 1 else (None if args else config.SEED_MEETINGS)
    return csv_dataset(read_file(stops), str(stops), read_file(meetings) if meetings else None,
                       str(meetings) if meetings else None,
                       stops.name if args else config.SEED_TITLE)


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


def record_dataset_picked() -> Dataset | None:
    """A trip of the bundled record, or several compared, or a trip of a record file the
    user uploads."""
    record = bundled_record(str(config.travels_dir()))
    browse.follow_tables(record)
    people = labels.travellers(record.travellers)
    TRAVELLER.setdefault(next(reversed(people)))  # the latest
    who = st.sidebar.selectbox(
        "Traveller", [*people, UPLOAD_XML], key=TRAVELLER.name,
        format_func=lambda w: people.get(w, "Another record file…"),
        on_change=browse.open_traveller)
    if who == UPLOAD_XML:
        return uploaded_record_dataset()
    compared = browse.picked() if len(browse.picked()) > 1 else ()
    choice = RecordChoice(who, pick_trip(record, BUNDLED, who, compared=len(compared)))
    if compared:
        return compared_dataset(record, [RecordChoice(w, d) for w, d in compared])
    return record_dataset(record, f"{BUNDLED}:{config.travels_dir()}", choice, linkable=True)


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
    people = labels.travellers(record.travellers)
    who = st.sidebar.selectbox("Traveller in the file", list(people), key=f"upload_who::{key}",
                               format_func=people.__getitem__)
    choice = RecordChoice(who, pick_trip(record, key, who))
    dataset = record_dataset(record, key, choice, linkable=False)
    return Dataset(dataset.key, dataset.trip, private=True,
                   origin=f"an upload of the record ({upload.name})")


def pick_trip(record: Imported, source: str, who: str, compared: int = 0) -> str:
    """The trip picker: a traveller's trips, all of them, and, while trips picked in the
    trips table are compared, that comparison; picking another ends it."""
    choices = labels.trip_choices(record, who)
    key: Key[str] = TRIP(source, who)
    if compared:
        choices = {COMPARED: f"{compared} trips compared"} | choices
        key.set(COMPARED)
    elif key.get() == COMPARED:
        key.set(ALL)  # the comparison ended: this traveller's trips
    key.setdefault(list(choices)[-1])  # the latest trip

    def picked_one() -> None:
        if key.get() != COMPARED:
            browse.clear_comparison()

    return st.sidebar.selectbox("Trip", list(choices), key=key.name,
                                format_func=choices.__getitem__,
                                help="Records at most two days apart form one trip.",
                                on_change=picked_one if compared else None)


def warn_skipped(record: Imported) -> None:
    if record.problems:
        listed = "; ".join(str(p) for p in record.problems[:5])
        st.warning(md(f"{len(record.problems)} record(s) could not be read and were skipped: "
                      f"{listed}" + ("; …" if len(record.problems) > 5 else "")))
