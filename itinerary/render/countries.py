"""The map of countries: visits per country as a choropleth on Natural Earth's outlines,
an Altair (Vega-Lite) chart drawn with no network (the outlines travel inside the chart).

Clicking a country selects it through the point selection `COUNTRY` on the field `id`,
the country's ISO numeric code as the outlines name it; the app lists the visits there.
"""

from __future__ import annotations

import json
from functools import cache

import altair as alt
import pandas as pd

from itinerary.render import assets, palette

COUNTRY = "country"  # the chart's point selection, on the field id


@cache
def _outlines() -> dict:
    return json.loads(assets.read("outlines_coarse"))


def choropleth(visits: pd.DataFrame, height: int = 360) -> alt.Chart:
    """Countries shaded by their number of visits (see `tables.country_visits`); those
    with none in a light fill, so that the map reads as a map."""
    pick = alt.selection_point(name=COUNTRY, fields=["id"], on="click", clear=False,
                               empty=False)
    shapes = alt.InlineData(values=_outlines(),
                            format=alt.DataFormat(type="topojson", feature="countries"))
    lookup = alt.LookupData(visits[["id", "Country", "Visits"]], "id", ["Country", "Visits"])
    return (alt.Chart(shapes).mark_geoshape(strokeWidth=0.5).encode(
        color=alt.condition("datum.Visits > 0",
                            alt.Color("Visits:Q", scale=alt.Scale(scheme="blues"),
                                      legend=alt.Legend(title="Visits", orient="bottom-left")),
                            alt.value(palette.UNVISITED)),
        stroke=alt.condition(pick, alt.value(palette.PICKED), alt.value(palette.BORDER)),
        strokeWidth=alt.condition(pick, alt.value(2), alt.value(0.5)),
        tooltip=[alt.Tooltip("properties.name:N", title="Country"),
                 alt.Tooltip("Visits:Q", title="Visits")],
    ).transform_lookup(lookup="id", from_=lookup, default="0")
        .add_params(pick)
        .project("equalEarth")
        .properties(height=height))
