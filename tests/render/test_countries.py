"""The map of countries: visits per country on the outlines, drawn with no network."""

import pandas as pd

from itinerary.render.countries import COUNTRY, choropleth

VISITS = pd.DataFrame([{"id": "170", "code": "CO", "Country": "Colombia", "Visits": 3},
                       {"id": "604", "code": "PE", "Country": "Peru", "Visits": 1}])


def test_the_outlines_travel_inside_the_chart():
    spec = choropleth(VISITS).to_dict()
    data = spec["data"]
    assert "url" not in data and data["format"] == {"type": "topojson", "feature": "countries"}
    topology = spec["datasets"][data["name"]]
    ids = {g.get("id") for g in topology["objects"]["countries"]["geometries"]}
    assert {"170", "604"} <= ids


def test_countries_are_shaded_by_visits_and_picked_by_id():
    spec = choropleth(VISITS).to_dict()
    (lookup,) = spec["transform"]
    assert (lookup["lookup"], lookup["from"]["key"], lookup["from"]["fields"]) == (
        "id", "id", ["Country", "Visits"])
    rows = spec["datasets"][lookup["from"]["data"]["name"]]
    assert [(r["id"], r["Visits"]) for r in rows] == [("170", 3), ("604", 1)]
    (param,) = spec["params"]
    assert (param["name"], param["select"]["fields"]) == (COUNTRY, ["id"])
    assert spec["encoding"]["color"]["condition"]["field"] == "Visits"
