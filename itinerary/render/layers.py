"""The map's own folium elements: the offline country outlines and the trip layer.

Each is a call to a function of our scripts (`static/outlines.js`, `static/trip-layer.js`)
with its data as JSON; the scripts draw in the browser. Text in the data reaches the page
only inside JSON string literals, with nothing that could close the script or open a
template, and the scripts escape it where it becomes HTML.
"""

from __future__ import annotations

import json
import re
from datetime import date

import folium
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from itinerary.config import NUMBERED_MAX
from itinerary.model import Trip
from itinerary.render import assets
from itinerary.render.palette import part_color

FINE_OUTLINES_FROM_ZOOM = 4  # the 50m outlines are worth fetching from this zoom on
_EPOCH = date(1970, 1, 1)


class RawText(Element):
    """Text placed in the page as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


class _RawScript(JSCSSMixin, folium.MacroElement):
    """An element whose rendered script joins the page as plain text.

    branca puts every rendered script into a new Jinja template before the page is
    rendered. For scripts that carry data that would be slow (the data is parsed again) and
    unsafe: "{{ ... }}" in a place name would be evaluated on the server. Here the script
    is rendered once, and its output never parsed again.
    """

    def render(self, **kwargs: object) -> None:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        script = self._template.module.__dict__["script"](self, kwargs)
        figure.script.add_child(RawText(script), name=self.get_name())


def data_json(value: object) -> str:
    """JSON for a script element: nothing in it can close the script or open a template.

    `<`, `>` and `&` can only stand inside strings, so they are escaped everywhere; braces
    also structure the JSON, so they are escaped inside strings only.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return _JSON_STRING.sub(_escape_braces, text)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _escape_braces(string: re.Match[str]) -> str:
    return string.group(0).replace("{", "\\u007b").replace("}", "\\u007d")


class CountryOutlines(_RawScript):
    """Natural Earth country shapes in a pane under the tiles, so the map reads offline.

    With `base` the browser fetches the coarse outlines, and the fine ones once zoomed in
    (the app); with `inline` one of them is written into the page (a standalone file, which
    may be opened from disk where fetch is not allowed): the fine outlines when the trip
    covers a small part of the world, where their detail shows.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        itinerary.drawOutlines({{ this._parent.get_name() }}, {{ this.source }});
        {% endmacro %}
    """)

    def __init__(self, base: str, *, inline: bool = False, fine: bool = False) -> None:
        super().__init__()
        self._name = "CountryOutlines"
        if inline:
            self.source = '{"data":' + assets.read("outlines_fine" if fine
                                                    else "outlines_coarse") + "}"
        else:
            self.source = data_json({"coarse": assets.url(base, "outlines_coarse"),
                                     "fine": assets.url(base, "outlines_fine"),
                                     "fineFrom": FINE_OUTLINES_FROM_ZOOM})
        self.default_js = [("topojson", assets.url(base, "topojson_js")),
                           ("itinerary_outlines", assets.url(base, "outlines_js"))]


class TripLayer(_RawScript):
    """The route and a marker per stop, drawn by `trip-layer.js` from compact arrays.

    Markers that overlap are clustered (Leaflet.markercluster) at any size of trip. With
    `popups` (a standalone file) each marker also opens the stop's summary and meetings;
    `embedded` (the app) adds `bridge.js`, which reports clicks and keys to the page.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        itinerary.drawTrip({{ this._parent.get_name() }}, {{ this.data }});
        {% endmacro %}
    """)

    def __init__(self, trip: Trip, base: str, *, popups: bool = False,
                 embedded: bool = False) -> None:
        super().__init__()
        self._name = "TripLayer"
        payload = trip_data(trip, popups=popups)
        self.data = data_json(payload)
        self.default_js = [("markercluster", assets.url(base, "cluster_js"))]
        if payload["numbered"]:
            self.default_js.append(("antpath", assets.url(base, "antpath_js")))
        self.default_js.append(("itinerary_trip", assets.url(base, "trip_js")))
        if embedded:
            self.default_js.append(("itinerary_bridge", assets.url(base, "bridge_js")))
        self.default_css = [("markercluster_css", assets.url(base, "cluster_css")),
                            ("markercluster_default_css", assets.url(base, "cluster_default_css"))]


class Selection(_RawScript):
    """Marks the selected stop on the app's map and brings it into view; sent with
    streamlit-folium's `feature_group_to_add`, so selecting does not rebuild the map."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        itinerary.select({{ this.index }});
        {% endmacro %}
    """)

    def __init__(self, index: int | None) -> None:
        super().__init__()
        self._name = "Selection"
        self.index = "null" if index is None else str(int(index))


def trip_data(trip: Trip, *, popups: bool = False) -> dict:
    """The trip layer's data (see `trip-layer.js`) for the located stops of a trip."""
    text = _Strings()
    located = [s for s in trip.stops if s.located]
    index = {s.stop_id: i for i, s in enumerate(located)}
    stops = [[trip.numbers.get(s.stop_id, 0), text.add(s.label), _day(s.start), _day(s.end),
              round(s.lat, 5), round(s.lon, 5),  # type: ignore[arg-type]
              *([text.add(s.summary)] if popups else [])] for s in located]
    data: dict = {"numbered": len(located) <= NUMBERED_MAX, "popups": popups, "stops": stops}
    if trip.parts:
        data["parts"] = [[text.add(name), part_color(i)] for i, name in enumerate(trip.parts)]
        data["part"] = [trip.part(s.stop_id) for s in located]
    if popups:
        data["meetings"] = [
            [index[m.stop_id], text.add(m.with_), _day(m.date) if m.date else None,
             text.add(m.summary), text.add(m.quote), text.add(m.quote_by)]
            for m in trip.meetings if m.stop_id in index]
    data["text"] = text.values
    return data


class _Strings:
    """Each distinct string once; a place's label or a repeated summary is sent one time."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def add(self, value: str) -> int:
        found = self._index.get(value)
        if found is None:
            found = self._index[value] = len(self.values)
            self.values.append(value)
        return found


def _day(day: date) -> int:
    return (day - _EPOCH).days
