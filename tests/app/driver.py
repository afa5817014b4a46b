"""Driving the dashboard with Streamlit's AppTest: open it, read its map, click on it."""

from __future__ import annotations

import json
import re

from streamlit.testing.v1 import AppTest

from tests.pages import marker_titles, trip_data
from tests.paths import ROOT

APP = str(ROOT / "app.py")


def app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def the_map(at: AppTest):
    (element,) = at.get("component_instance")
    return element


def map_data(at: AppTest) -> dict:
    return trip_data(json.loads(the_map(at).proto.json_args)["script"])


def selection(at: AppTest) -> str:
    """The script the page sends the map to mark its selected stop."""
    (body,) = [h.proto.body for h in at.get("html") if "itinerarySelected" in h.proto.body]
    return body


def markers(at: AppTest) -> list[str]:
    """The markers on the map, in order, by their tooltips' first line."""
    return marker_titles(map_data(at))


def click(at: AppTest, point, **extra) -> AppTest:
    """A click on the marker at a point, as streamlit-folium (and bridge.js) report it."""
    value = {"last_object_clicked": {"lat": point[0], "lng": point[1]}, **extra}
    at.session_state[the_map(at).key] = value
    return at.run()


def click_empty_map(at: AppTest, point=(0.5, 0.5)) -> AppTest:
    at.session_state[the_map(at).key] = {"last_clicked": {"lat": point[0], "lng": point[1]}}
    return at.run()


def panel(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def heading(at: AppTest) -> str:
    """The panel's first line as the reader sees it: the selected stop's heading, or the
    overview's summary."""
    first = next(m.value for m in at.markdown if m.value.startswith(("###", "**")))
    return seen(first.split("\n")[0].rstrip())


def seen(markdown: str) -> str:
    """Escaped Markdown as the reader sees it: each backslash escape as its character."""
    return re.sub(r"\\(.)", r"\1", markdown)


def title(at: AppTest) -> str:
    return seen(at.title[0].value)


def warnings(at: AppTest) -> list[str]:
    return [seen(w.value) for w in at.warning]


def errors(at: AppTest) -> list[str]:
    return [seen(e.value) for e in at.error]
