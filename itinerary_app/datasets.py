"""The data a page shows, and its identity: a trip, the key that caches and the view's state
are keyed by, whether it is a user's own, and what of the official record it is.

A trip comes from the built-in files (or those given on the command line), an upload, or
the official travel record (one trip, a traveller's whole record, or trips compared).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from itinerary.dashboard import record_trips
from itinerary.dashboard.choices import ALL, RecordChoice
from itinerary.errors import DataError, Problem
from itinerary.model import Trip
from itinerary.sources.records import Imported
from itinerary.sources.stops import load_trip
from itinerary_app.caches import digest, parse_csv, session_memo

BUNDLED = "bundled"  # the bundled record, as a source of trips


@dataclass(frozen=True)
class SavedRef:
    """Which saved trip and version a dataset is, and the latest version when opened."""

    trip_id: str
    version: int
    latest: int


@dataclass(frozen=True)
class Dataset:
    """A trip to show, and the identity that caches and the view's state are keyed by."""

    key: str
    trip: Trip
    record: tuple[RecordChoice, ...] = ()  # trips of the bundled record, which links name
    private: bool = False  # an upload: its derived data lives in the session, not the server
    browsable: bool = False  # of the bundled record: the page shows the record's browser
    compared: int = 0  # how many trips of the record are compared, when more than one
    draft: bool = False  # read from an article: its tables are open, inferred days marked
    edited_from: str = ""  # the key of the data this is an edit of, in the tables
    saved: SavedRef | None = None  # a version of a saved trip
    origin: str = ""  # where the trip came from, as a saved version records it


def csv_dataset(stops: bytes, stops_name: str, meetings: bytes | None,
                meetings_name: str | None, title: str, *, private: bool = False) -> Dataset:
    """Itinerary files: the server's own, shared, or a user's upload, held in their session."""
    key = digest(stops, meetings or b"", title.encode())
    if not private:
        return Dataset(key, parse_csv(key, stops, stops_name, meetings, meetings_name, title),
                       origin=f"the files {stops_name}" if meetings is None
                       else f"the files {stops_name} and {meetings_name}")
    with st.spinner("Reading the itinerary…"):
        trip = session_memo("upload", key, lambda: load_trip(
            stops, meetings, stops_name=stops_name, meetings_name=meetings_name,
            title=title))
    return Dataset(key, trip, private=True, origin=f"an upload ({stops_name})")


def record_dataset(record: Imported, source: str, choice: RecordChoice, *,
                   linkable: bool) -> Dataset:
    """A trip of a record, or a traveller's whole record; `linkable` for the bundled
    record, which links can name."""
    first_day = None if choice.trip == ALL else date.fromisoformat(choice.trip)
    trip = record_trips.open_trip(record, choice.who, first_day)
    if trip is None:  # the pickers offer only trips the record holds; this is a bug's net
        raise DataError([Problem(source, f"holds no trip of {choice.who} starting "
                                         f"{choice.trip}")])
    return Dataset(f"record:{source}:{choice.who}:{choice.trip}", trip,
                   (choice,) if linkable else (), browsable=linkable,
                   origin="the official travel record")


def compared_dataset(record: Imported, choices: list[RecordChoice]) -> Dataset:
    """Several trips of the bundled record on one map, each with its own colour and route."""
    trip = record_trips.compare(record, choices)
    if trip is None:
        raise DataError([Problem(BUNDLED, "holds none of the trips to compare")])
    key = "record:compare:" + ",".join(f"{c.who}@{c.trip}" for c in choices)
    return Dataset(key, trip, tuple(choices), browsable=True, compared=len(choices),
                   origin="trips of the official travel record, compared")
