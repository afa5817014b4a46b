"""The record browser: a table of travellers, a table of the chosen traveller's trips, and
a map of the countries they visited.

Selecting a traveller opens their whole record; selecting trips shows them, several at
once as a comparison (of one traveller or of several: the trips picked stay picked while
another traveller is chosen). Selections are read at the start of a run, before the
sidebar's pickers are drawn, so that the pickers can follow them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from itinerary.dashboard import tables
from itinerary.dashboard.view import ALL
from itinerary.model import Trip
from itinerary.render.countries import COUNTRY, choropleth
from itinerary.sources.records import Imported
from itinerary.text import markdown as md

COMPARE = "compare"  # the record trips picked in the trips table: ((who, first day), ...)
TRAVELLER = "record_traveller"  # the sidebar's traveller picker
BUNDLED = "bundled"
_VERSION = "tables_version"
COUNTRIES_KEY = "countries_chart"
_ROW_PX = 35  # a row of Streamlit's table, and its header


def trip_key(source: str, who: str) -> str:
    return f"record_trip::{source}::{who}"


def reset_tables() -> None:
    """Clear the tables' selections: they are drawn anew under new keys. For a change the
    tables did not make (a link, a picker, Clear comparison)."""
    st.session_state[_VERSION] = st.session_state.get(_VERSION, 0) + 1


def travellers_key() -> str:
    return f"travellers::{st.session_state.get(_VERSION, 0)}"


def trips_key(who: str) -> str:
    return f"trips::{who}::{st.session_state.get(_VERSION, 0)}"


def picked() -> tuple[tuple[str, str], ...]:
    return tuple(st.session_state.get(COMPARE, ()))


def follow_tables(record: Imported) -> None:
    """Apply what was selected in the tables since the last run."""
    rows = _rows(travellers_key())
    people = [p.who for p in record.travellers]
    if _changed(travellers_key(), rows) and rows and rows[0] < len(people):
        who = people[rows[0]]
        st.session_state[TRAVELLER] = who
        st.session_state[trip_key(BUNDLED, who)] = ALL  # their trips, each its own route
    who = st.session_state.get(TRAVELLER)
    if who is None:
        return
    rows = _rows(trips_key(who))
    if not _changed(trips_key(who), rows):
        return
    days = [j.first_day.isoformat() for j in record.journeys_of(who)]
    chosen = [c for c in picked() if c[0] != who] + [(who, days[r]) for r in rows
                                                     if r < len(days)]
    st.session_state[COMPARE] = tuple(chosen)
    if len(chosen) == 1:
        st.session_state[TRAVELLER] = chosen[0][0]
        st.session_state[trip_key(BUNDLED, chosen[0][0])] = chosen[0][1]


def _rows(key: str) -> list[int]:
    state = st.session_state.get(key) or {}
    return list((state.get("selection") or {}).get("rows") or [])


def _changed(key: str, rows: list[int]) -> bool:
    """Whether the selection differs from the one last followed (each run sees it again)."""
    mark = f"seen::{key}"
    if st.session_state.get(mark, []) == rows:
        return False
    st.session_state[mark] = rows
    return True


def clear_comparison() -> None:
    st.session_state[COMPARE] = ()
    reset_tables()


def record_tables(record: Imported, shown: Trip | None) -> None:
    """The browser, folded under the title (the map stays on the first screen of a
    phone): travellers and trips, and the countries of what is shown."""
    with st.expander("Browse the record: travellers, trips and countries"):
        people, places = st.tabs(["Travellers and trips", "Countries"])
        with people:
            left, right = st.columns(2, gap="medium")
            with left:
                _travellers(record)
            with right:
                _trips(record)
        with places:
            if shown is not None:
                countries(shown)


def _travellers(record: Imported) -> None:
    frame = _cached_frame("travellers", lambda: tables.travellers(record))
    st.caption("Every Secretary of State: pick one to open their trips.")
    st.dataframe(frame, key=travellers_key(), on_select="rerun", selection_mode="single-row",
                 hide_index=True, height=_height(frame), width="stretch",
                 column_config={"Km": st.column_config.NumberColumn("Km", format="localized",
                                                                   width="small"),
                                "Years": st.column_config.TextColumn("Years", width="small"),
                                "Trips": st.column_config.NumberColumn("Trips", width="small"),
                                "Countries": st.column_config.NumberColumn("Countries",
                                                                           width="small")})


def _trips(record: Imported) -> None:
    who = st.session_state.get(TRAVELLER)
    if who is None:
        return
    frame = _cached_frame(f"trips::{who}", lambda: tables.trips(record, who))
    name = next((p.name for p in record.travellers if p.who == who), who)
    st.caption(md(f"Trips of {name}: pick one or several to show them on the map; "
                  "trips picked stay picked while you choose another traveller, to "
                  "compare them."))
    st.dataframe(frame, key=trips_key(who), on_select="rerun", selection_mode="multi-row",
                 hide_index=True, height=_height(frame), width="stretch",
                 column_config={"Km": st.column_config.NumberColumn("Km", format="localized"),
                                "First day": st.column_config.DateColumn(format="YYYY-MM-DD"),
                                "Last day": st.column_config.DateColumn(format="YYYY-MM-DD")})


def _height(frame: pd.DataFrame) -> int:
    """Room for the rows a table has, up to a scrolling 300 px: no empty rows below."""
    return min(300, _ROW_PX * (len(frame) + 1) + 3)


def countries(shown: Trip) -> None:
    """The choropleth of what is shown, and the visits to the country clicked."""
    visits = tables.country_visits(shown)
    if visits.empty:
        st.caption("No stop of these trips lies in a known country.")
        return
    st.altair_chart(choropleth(visits), key=COUNTRIES_KEY, on_select="rerun",
                    selection_mode=COUNTRY, width="stretch")
    chosen = ((st.session_state.get(COUNTRIES_KEY) or {}).get("selection") or {}).get(COUNTRY)
    numeric = chosen[0].get("id") if chosen else None
    if numeric is None:
        st.caption("Click a country to list the visits there.")
        return
    there = tables.visits_in(shown, str(numeric))
    name = visits.loc[visits["id"] == str(numeric), "Country"]
    title = name.iloc[0] if len(name) else "this country"
    st.markdown(f"**{md(title)}**: {len(there)} visit{'s' if len(there) != 1 else ''}")
    st.dataframe(there, hide_index=True, width="stretch")


def _cached_frame(name: str, make) -> pd.DataFrame:  # noqa: ANN001
    """A table of the bundled record, made once per session: it does not change."""
    key = f"frame::{name}"
    if key not in st.session_state:
        st.session_state[key] = make()
    return st.session_state[key]


def compare_banner(count: int) -> None:
    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    row.markdown(f"Comparing **{count} trips**, each in its own colour; the map's legend "
                 "turns each on or off.")
    row.button("Clear comparison", key="clear_comparison", on_click=clear_comparison)
