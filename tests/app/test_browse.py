"""The record browser through AppTest: the travellers and trips tables, comparing trips on
one map with a legend, the map of countries, and links that carry the selection."""

import json

import pytest

from tests.app.driver import app, map_data, title
from tests.app.driver import seen as seen_text

BLINKEN, RUBIO = "blinken-antony-j", "rubio-marco"
COMPARE = {"who": [BLINKEN, RUBIO], "trip": ["2022-10-03", "2025-02-01"]}


def table(at, name: str):
    return next(d for d in at.dataframe if d.key and d.key.startswith(f"{name}::"))


def pick_rows(at, name: str, rows: list[int]):
    at.session_state[table(at, name).key] = {"selection": {"rows": rows, "columns": []}}
    return at.run()


def part_names(at) -> list[str]:
    data = map_data(at)
    return [data["text"][name] for name, _ in data.get("parts", [])]


def test_the_traveller_table_lists_every_secretary():
    at = app({"who": BLINKEN, "trip": "2022-10-03"}).run()
    frame = table(at, "travellers").value
    assert list(frame.columns) == ["Traveller", "Years", "Trips", "Countries", "Km"]
    assert len(frame) == 34
    blinken = frame.loc[BLINKEN]
    assert (blinken["Years"], blinken["Trips"]) == ("2021–2025", 85)
    # Kilometres between the stops abroad of each trip: not the flights from and home.
    assert blinken["Countries"] > 60 and blinken["Km"] > 300_000


def test_picking_a_traveller_opens_their_trips_each_its_own_route():
    at = app({"who": BLINKEN, "trip": "2022-10-03"}).run()
    people = list(table(at, "travellers").value.index)
    at = pick_rows(at, "travellers", [people.index(RUBIO)])
    assert title(at) == "Rubio · 2 trips, 2025"
    assert at.query_params == {"who": RUBIO}
    assert part_names(at) == ["Feb 2025 · Central America", "Feb 2025 · Western Asia"]
    trips = table(at, "trips").value
    assert list(trips.index) == ["2025-02-01", "2025-02-14"]
    assert list(trips.columns) == ["First day", "Last day", "Trip", "Countries", "Stops", "Km"]


def test_trips_of_two_travellers_are_compared_on_one_map():
    at = app({"who": BLINKEN, "trip": "2022-10-03"}).run()
    days = list(table(at, "trips").value.index)
    at = pick_rows(at, "trips", [days.index("2022-10-03")])
    assert title(at) == "Blinken · Colombia, Chile and Peru, Oct 2022"
    people = list(table(at, "travellers").value.index)
    at = pick_rows(at, "travellers", [people.index(RUBIO)])
    at = pick_rows(at, "trips", [0])  # Rubio's February 2025 trip, beside Blinken's
    assert title(at) == "Blinken and Rubio · 2 trips, 2022–2025"
    assert part_names(at) == ["Blinken · Oct 2022 · Colombia, Chile and Peru",
                              "Rubio · Feb 2025 · Central America"]
    data = map_data(at)
    assert [color for _, color in data["parts"]] == ["#0072b2", "#d55e00"]
    assert data["stops"]["part"] == [0, 0, 0, 1, 1, 1, 1, 1]
    assert at.query_params == COMPARE | {}
    assert "Comparing **2 trips**" in " ".join(m.value for m in at.markdown)
    at.button(key="clear_comparison").click().run()
    assert title(at) == "Rubio · 2 trips, 2025"


def test_a_link_opens_a_comparison_and_the_trip_picker_ends_it():
    at = app(COMPARE).run()
    assert title(at) == "Blinken and Rubio · 2 trips, 2022–2025"
    assert len(part_names(at)) == 2
    assert not at.exception
    at.sidebar.selectbox(key=f"record_trip::bundled::{RUBIO}").set_value("2025-02-14").run()
    assert title(at).startswith("Rubio · ")
    assert at.query_params == {"who": RUBIO, "trip": "2025-02-14"}


def test_a_link_with_a_traveller_alone_opens_their_whole_record():
    at = app({"who": RUBIO}).run()
    assert title(at) == "Rubio · 2 trips, 2025"
    assert at.sidebar.selectbox(key=f"record_trip::bundled::{RUBIO}").value == "all"


@pytest.mark.parametrize(("query", "warning"), [
    ({"who": [BLINKEN, "nobody"], "trip": ["2022-10-03", "2025-02-01"]},
     'The link names a traveller "nobody" who is not in the record.'),
    ({"who": [BLINKEN, RUBIO], "trip": ["2022-10-03"]},
     "The link names 2 travellers but 1 trips; each traveller needs one trip."),
])
def test_a_bad_comparison_link_warns_and_shows_what_it_can(query, warning):
    at = app(query).run()
    assert [seen_text(w.value) for w in at.warning] == [warning]
    assert title(at) == "Blinken · Colombia, Chile and Peru, Oct 2022"


def test_the_map_of_countries_lists_the_visits_to_the_one_clicked():
    at = app(COMPARE).run()
    (chart,) = [c for c in at.get("vega_lite_chart") if '"topojson"' in c.proto.spec]
    spec = json.loads(chart.proto.spec)
    assert spec["mark"]["type"] == "geoshape" and spec["params"][0]["name"] == "country"
    assert "Click a country to list the visits there." in [c.value for c in at.caption]
    # What is shaded is said: a country's overseas parts are one shape with it.
    assert ("Shaded by country, with each country's overseas regions and territories in its "
            "shade: French Guiana is shaded as France.") in [c.value for c in at.caption]
    at.session_state["countries_chart"] = {"selection": {"country": [{"id": "604"}]}}
    at.run()
    assert "**Peru**: 1 visit" in [m.value for m in at.markdown]
    listed = next(d.value for d in at.dataframe if list(d.value.columns) == [
        "Dates", "Place", "Trip"])
    assert listed.to_dict("records") == [{"Dates": "6 Oct 2022", "Place": "Lima, Peru",
                                          "Trip": "Blinken · Oct 2022 · Colombia, Chile and "
                                                  "Peru"}]
