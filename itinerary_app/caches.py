"""What the page keeps between runs, and for whom: the server's own data once for every
session, a user's upload in their session alone.

- The built-in trip, the files given on the command line and the bundled record are read
  and placed once per server (Streamlit's resource cache: a Trip is immutable, so every
  session shares one, where a data cache would unpickle a copy each run).
- What a user uploads, and everything made of it, is held in their session (`session_memo`),
  one upload at a time, and freed with the session.
- Placing shows a progress bar when there are more than a handful of places to look up.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

import streamlit as st
from cachetools import LRUCache
from streamlit.delta_generator import DeltaGenerator

from itinerary.geocoding import place_trip
from itinerary.model import Trip
from itinerary.sources.records import Imported, import_folder
from itinerary.sources.stops import load_trip
from itinerary_app.state import MEMO

PROGRESS_FROM = 6  # geocoding more places than this shows a progress bar
PLACED_KEPT = 16  # placed trips the server keeps at once
T = TypeVar("T")


def digest(*parts: bytes) -> str:
    """The identity of some bytes, for caches and the view's state to be keyed by."""
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


# The bytes are hashed once, into `key`, rather than by Streamlit on every run.
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
def placements() -> tuple[LRUCache, threading.Lock]:
    """Placed trips shared by every session, the least recently used let go past
    `PLACED_KEPT`. Not a cached function of its own: Streamlit replays what a cached
    function draws on every later run, and placing draws its progress bar."""
    return LRUCache(maxsize=PLACED_KEPT), threading.Lock()


def session_memo(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, kept in this session under `name` until `key` changes: one value per name,
    so a new upload or a new choice of dates replaces the old one's."""
    memo = MEMO(name)
    if not memo_holds(name, key):
        memo.pop()  # freed before the new one is made
        memo.set((key, make()))
    return memo.get()[1]


def memo_holds(name: str, key: Hashable) -> bool:
    """Whether `session_memo(name, key, ...)` would give what it keeps, without making it."""
    held = MEMO(name).get()
    return held is not None and held[0] == key


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


def place(key: str, trip: Trip, online: bool, *, private: bool) -> tuple[Trip, list[str]]:
    """The trip placed on the map, and what to tell of it: once per server, or once per
    session for a private (uploaded) trip."""
    bar = Progress()
    try:
        if private:
            return session_memo("placed", (key, online),
                                lambda: place_trip(trip, online=online, progress=bar))
        store, lock = placements()
        with lock:
            found = store.get((key, online))
        if found is None:
            found = place_trip(trip, online=online, progress=bar)
            with lock:
                store[(key, online)] = found
        return found
    finally:
        bar.close()
