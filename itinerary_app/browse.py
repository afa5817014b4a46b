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

from itinerary import config
from itinerary.dashboard import tables
from itinerary.dashboard.choices import ALL
from itinerary.model import Trip
from itinerary.render.countries import COUNTRY, choropleth
from itinerary.sources.records import Imported
from itinerary.text import markdown as md
from itinerary_app.caches import placed_record
from itinerary_app.datasets import BUNDLED
from itinerary_app.state import COMPARE, COUNTRIES, SEEN, TABLES, TRAVELLER, TRIP, Key

_ROW_PX = 35  # a row of Streamlit's table, and its header


def reset_tables() -> None:
    """Clear the tables' selections: they are drawn anew under new keys. For a change the
    tables did not make (a link, a picker, Clear comparison)."""
    TABLES.set(TABLES.get() + 1)


def travellers_key() -> str:
    return f"travellers::{TABLES.get()}"


def trips_key(who: str) -> str:
    return f"trips::{who}::{TABLES.get()}"


def picked() -> tuple[tuple[str, str], ...]:
    return tuple(COMPARE.get())


def follow_tables(record: Imported) -> None:
    """Apply what was selected in the tables since the last run."""
    rows = _picked(travellers_key())
    people = [p.who for p in record.travellers]
    if rows and rows[0] < len(people):
        TRAVELLER.set(people[rows[0]])
        open_traveller()
    who = TRAVELLER.get()
    if who is None:
        return
    rows = _picked(trips_key(who))
    if rows is None:
        return
    days = [j.first_day.isoformat() for j in record.journeys_of(who)]
    chosen = [c for c in picked() if c[0] != who] + [(who, days[r]) for r in rows
                                                     if r < len(days)]
    COMPARE.set(tuple(chosen))
    if len(chosen) == 1:
        TRAVELLER.set(chosen[0][0])
        TRIP(BUNDLED, chosen[0][0]).set(chosen[0][1])


def _picked(key: str) -> list[int] | None:
    """The rows now selected in a table, shown wide or narrow, when they changed since the
    last run; None when they did not."""
    for shape in SHAPES:
        rows = _rows(f"{key}::{shape}")
        if _changed(f"{key}::{shape}", rows):
            return rows
    return None


def open_traveller() -> None:
    """A traveller picked, in the sidebar or in the table, opens their whole record: their
    trips, each its own route; the trip picker then narrows it to one."""
    who = TRAVELLER.get()
    if who is not None:
        TRIP(BUNDLED, who).set(ALL)


def _rows(key: str) -> list[int]:
    state = Key(key, None).get() or {}
    return list((state.get("selection") or {}).get("rows") or [])


def _changed(key: str, rows: list[int]) -> bool:
    """Whether the selection differs from the one last followed (each run sees it again)."""
    seen = SEEN(key)
    if seen.get() == rows:
        return False
    seen.set(rows)
    return True


def clear_comparison() -> None:
    COMPARE.set(())
    reset_tables()


def record_browser(shown: Trip, compared: int) -> None:
    """Under the title, for trips of the bundled record: the comparison's banner, and the
    browser, folded (the map stays on the first screen of a phone): travellers and trips,
    and the countries of what is shown. The record is placed once per server, for the
    tables' kilometres and countries; the trip itself is placed with the rest."""
    if compared:
        compare_banner(compared)
    folder = str(config.travels_dir())
    record = placed_record(folder)
    with st.expander("Browse the record: travellers, trips and countries"):
        people, places = st.tabs(["Travellers and trips", "Countries"])
        with people:
            _travellers(folder)
            _trips(record, folder)
        with places:
            countries(shown)


@st.cache_data(show_spinner=False, max_entries=4)
def _travellers_frame(folder: str) -> pd.DataFrame:
    return tables.travellers(placed_record(folder))


@st.cache_data(show_spinner=False, max_entries=64)
def _trips_frame(folder: str, who: str) -> pd.DataFrame:
    return tables.trips(placed_record(folder), who)


# Each table is drawn in two shapes, of which the page's stylesheet shows one: every
# column at a desktop's width, the columns that matter on a phone (page.css, 640 px).
SHAPES = ("wide", "narrow")
_TRAVELLER_COLUMNS = {
    "wide": {"Traveller": st.column_config.TextColumn("Traveller", width=200),
             "Years": st.column_config.TextColumn("Years", width=100),
             "Trips": st.column_config.NumberColumn("Trips", width=70),
             "Countries": st.column_config.NumberColumn("Countries", width=85),
             "Km": st.column_config.NumberColumn("Km", format="localized", width=95)},
    "narrow": {"Traveller": st.column_config.TextColumn("Traveller", width=150),
               "Years": st.column_config.TextColumn("Years", width=80),
               "Trips": st.column_config.NumberColumn("Trips", width=50)}}
_DAY = st.column_config.DateColumn(format="YYYY-MM-DD", width=100)
_TRIP_COLUMNS = {
    "wide": {"First day": _DAY, "Last day": _DAY,
             "Trip": st.column_config.TextColumn("Trip", width=200),
             "Countries": st.column_config.TextColumn("Countries", width=180),
             "Stops": st.column_config.NumberColumn("Stops", width=60),
             "Km": st.column_config.NumberColumn("Km", format="localized", width=85)},
    "narrow": {"First day": _DAY, "Trip": st.column_config.TextColumn("Trip", width=175)}}


def _travellers(folder: str) -> None:
    frame = _travellers_frame(folder)
    st.caption("Every Secretary of State: pick one to open their trips.")
    _table(frame, travellers_key(), "single-row", _TRAVELLER_COLUMNS)


def _trips(record: Imported, folder: str) -> None:
    who = TRAVELLER.get()
    if who is None:
        return
    frame = _trips_frame(folder, who)
    name = next((p.name for p in record.travellers if p.who == who), who)
    st.caption(md(f"Trips of {name}: pick one or several to show them on the map; "
                  "trips picked stay picked while you choose another traveller, to "
                  "compare them."))
    _table(frame, trips_key(who), "multi-row", _TRIP_COLUMNS)


def _table(frame: pd.DataFrame, key: str, mode: str, shapes: dict[str, dict]) -> None:
    for shape, columns in shapes.items():
        with st.container(key=f"{shape}_table_{key.replace(':', '_')}"):
            st.dataframe(frame, key=f"{key}::{shape}", on_select="rerun", selection_mode=mode,
                         hide_index=True, height=_height(frame), width="stretch",
                         column_order=list(columns), column_config=columns)


def _height(frame: pd.DataFrame) -> int:
    """Room for the rows a table has, up to a scrolling 300 px: no empty rows below."""
    return min(300, _ROW_PX * (len(frame) + 1) + 3)


def countries(shown: Trip) -> None:
    """The choropleth of what is shown, and the visits to the country clicked."""
    visits = tables.country_visits(shown)
    if visits.empty:
        st.caption("No stop of these trips lies in a known country.")
        return
    st.altair_chart(choropleth(visits), key=COUNTRIES.name, on_select="rerun",
                    selection_mode=COUNTRY, width="stretch")
    # Natural Earth's outlines draw a country with its overseas parts as one shape.
    st.caption("Shaded by country, with each country's overseas regions and territories "
               "in its shade: French Guiana is shaded as France.")
    chosen = ((COUNTRIES.get() or {}).get("selection") or {}).get(COUNTRY)
    numeric = chosen[0].get("id") if chosen else None
    if numeric is None:
        st.caption("Click a country to list the visits there.")
        return
    there = tables.visits_in(shown, str(numeric))
    name = visits.loc[visits["id"] == str(numeric), "Country"]
    title = name.iloc[0] if len(name) else "this country"
    st.markdown(f"**{md(title)}**: {len(there)} visit{'s' if len(there) != 1 else ''}")
    st.dataframe(there, hide_index=True, width="stretch")


def compare_banner(count: int) -> None:
    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    row.markdown(f"Comparing **{count} trips**, each in its own colour; the map's legend "
                 "turns each on or off.")
    row.button("Clear comparison", key="clear_comparison", on_click=clear_comparison)
