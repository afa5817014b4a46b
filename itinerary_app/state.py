"""The page's session state: every key it keeps between runs, named here once, with its type
and its default.

Streamlit keeps a session's state in `st.session_state` under string keys, widgets' values
included. The page reads and writes it only through these `Key`s, so that a key is spelled
in one place, and what it holds is known where it is used. Widgets take `key=KEY.name`.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Generic, TypeVar

import streamlit as st

T = TypeVar("T")


class Key(Generic[T]):
    """One entry of the session's state."""

    __slots__ = ("default", "name")

    def __init__(self, name: str, default: T) -> None:
        self.name, self.default = name, default

    def get(self) -> T:
        return st.session_state.get(self.name, self.default)

    def set(self, value: T) -> None:
        st.session_state[self.name] = value

    def pop(self) -> T:
        return st.session_state.pop(self.name, self.default)

    def setdefault(self, value: T) -> T:
        return st.session_state.setdefault(self.name, value)

    @property
    def is_set(self) -> bool:
        return self.name in st.session_state


class Family(Generic[T]):
    """Keys of one kind, one for each of several things: a trip picker per traveller."""

    __slots__ = ("default", "prefix")

    def __init__(self, prefix: str, default: T) -> None:
        self.prefix, self.default = prefix, default

    def __call__(self, *parts: Hashable) -> Key[T]:
        return Key("::".join([self.prefix, *map(str, parts)]), self.default)


# The view: what is shown.
SOURCE = Key[str]("source", "")  # the data picker's choice
DATES = Key[tuple]("dates", ())  # the date range picker's value
SELECTED = Key[str]("selected_stop", "")  # the selected stop's id; "" is the overview
PICKER = Key[Any]("stop_picker", None)  # the stop picker, empty but while a pick is followed
SEARCH = Key[str]("search", "")
TOPIC = Key[Any]("topic", None)  # the overview's topic pills, a filter to pick, not a state
DATASET = Key[str]("dataset", "")  # the key of the data the view was last set for
EDITS_OF = Key[str]("edits_of", "")  # the key of the data before the tables' edits, likewise

# What the map, the timeline and the tables last reported, so each report is followed once.
MAP = Key[Any]("map", None)  # streamlit-folium's value
LAST_CLICK = Key[Any]("last_click", None)  # (stop number, point, count) of the last click
LAST_MAP_CLICK = Key[Any]("last_map_click", None)  # the last click on the empty map
TIMELINE = Key[Any]("timeline", None)  # the timeline chart's selection
LAST_TIMELINE_PICK = Key[str]("last_timeline_pick", "")
COUNTRIES = Key[Any]("countries_chart", None)  # the map of countries' selection
PRINT_NOW = Key[bool]("print_now", False)  # the Print brief button was pressed
# A meeting chosen among the search's results: its place among its stop's meetings, for the
# card to bring into view once.
FOUND = Key[Any]("found_meeting", None)

# Playback (see itinerary/dashboard/playback.py).
PLAYING = Key[bool]("playing", False)
PLAY_AT = Key[Any]("play_at", None)  # the Frame shown, playing or paused; None when stopped
PLAY_SPEED = Key[int]("play_speed", 1)  # days a second
PLAY_FRESH = Key[bool]("play_fresh", False)  # Play or the speed pressed: no step this run
PLAY_STOPPED = Key[bool]("play_stopped", False)  # a choice stopped it: the page runs anew
LINK_DAY = Key[Any]("link_day", None)  # the day a link names, applied once

# A draft from an article, and the tables that edit a trip.
ARTICLE_TEXT = Key[str]("article_text", "")  # the pasted article
PUBLISHED = Key[Any]("article_published", None)  # the publication date the user gives
EDITING = Family[bool]("editing", False)  # the "Edit in tables" toggle, per trip
EDITED = Family[Any]("edited", None)  # per trip: the last edited version that read well

# A saved trip: the link that named it ({"id", "key", "version"}, and "opened", the
# version the session began from), what the last save told, and its refusal.
SAVED_LINK = Key[Any]("saved_link", None)
SAVE_TOLD = Key[Any]("save_told", None)  # the links just made, to show once
CONFLICT = Key[str]("save_conflict", "")
SAVE_FAILED = Key[Any]("save_failed", None)  # a save's failure, to tell once

# The link and the browser's history.
WRITTEN = Key[Any]("written_query", None)  # the query the page last wrote into the URL
PENDING = Key[Any]("url_view", None)  # the view a link asks for, applied once
LINK_WARNINGS = Key[list]("link_warnings", [])

# The official record's pickers and tables.
TRAVELLER = Key[Any]("record_traveller", None)  # the traveller picker's slug
COMPARE = Key[tuple]("compare", ())  # trips picked in the table: ((who, first day), ...)
TABLES = Key[int]("tables_version", 0)  # bumped to draw the tables anew, selections cleared
TRIP = Family[str]("record_trip", "")  # the trip picker, per record source and traveller
SEEN = Family[list]("seen", [])  # a table's selection last followed
MEMO = Family[Any]("memo", None)  # a session's own cached values (see caches.session_memo)

# Widgets that the page's stylesheet and scripts find by their key (.st-key-NAME).
PREVIOUS_STOP, NEXT_STOP, OVERVIEW_BUTTON = "previous_stop", "next_stop", "overview"
STOP_PANEL, PRINT_BRIEF, STEPS, TOOLBAR = "stop_panel", "print_brief", "steps", "toolbar"
PLAY_BUTTON = "play"
