"""The map's own folium elements: the offline country outlines, the trip layer and the
selection, and the page's palette.

Each is a call to a function of our scripts (`static/outlines.js`, `static/trip-layer.js`)
with its data as JSON; the scripts draw in the browser what they are given: the words come
from the stops' cards, the route from `route`, the colours from `palette`. Text in the
data reaches the page only inside JSON string literals, with nothing that could close the
script or open a template, and the scripts escape it where it becomes HTML.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import folium
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from itinerary.config import NUMBERED_MAX, ROUTE_POINTS_MAX
from itinerary.dashboard import cards
from itinerary.model import Stop, Trip
from itinerary.render import assets, palette
from itinerary.route import map_lines

FINE_OUTLINES_FROM_ZOOM = 4  # the 50m outlines are worth fetching from this zoom on
_ROUTE_DECIMALS = 4  # about 10 m: finer than a route is ever looked at


class RawText(Element):
    """Text placed in the page as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


class Script(JSCSSMixin, folium.MacroElement):
    """An element whose script is written in Python (`script`) and joins the page as text,
    with the scripts and styles it needs (`default_js`, `default_css`, which embedders such
    as streamlit-folium read from every JSCSSMixin).

    branca puts every rendered script into a new Jinja template before the page is
    rendered. For scripts that carry data that would be slow (the data is parsed again) and
    unsafe: "{{ ... }}" in a place name would be evaluated on the server. Here the script
    is made once and never parsed again; the template only hands it over, as a value, to
    whoever asks an element for its script macro (streamlit-folium does).
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.script() }}{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self.default_js: list[tuple[str, str]] = []
        self.default_css: list[tuple[str, str]] = []

    def script(self) -> str:
        raise NotImplementedError

    def render(self, **kwargs: object) -> None:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(RawText(self.script()), name=self.get_name())


class Palette(Element):
    """The palette's colours as the page's CSS properties, which the map's stylesheet
    reads (see `palette.css_variables`)."""

    def render(self, **kwargs: object) -> None:
        self.get_root().header.add_child(
            RawText(f"<style>{palette.css_variables()}</style>"), name="itinerary_palette")


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


class CountryOutlines(Script):
    """Natural Earth country shapes in a pane under the tiles, so the map reads offline.

    With `base` the browser fetches the coarse outlines, and the fine ones once zoomed in
    (the app); with `inline` one of them is written into the page (a standalone file, which
    may be opened from disk where fetch is not allowed): the fine outlines when the trip
    covers a small part of the world, where their detail shows.
    """

    def __init__(self, base: str, *, inline: bool = False, fine: bool = False) -> None:
        super().__init__()
        self._name = "CountryOutlines"
        colors = data_json(palette.map_colors())
        if inline:
            self.source = ('{"data":' + assets.read("outlines_fine" if fine
                                                    else "outlines_coarse")
                           + f',"colors":{colors}}}')
        else:
            self.source = data_json({"coarse": assets.url(base, "outlines_coarse"),
                                     "fine": assets.url(base, "outlines_fine"),
                                     "fineFrom": FINE_OUTLINES_FROM_ZOOM,
                                     "colors": palette.map_colors()})
        self.default_js = [("topojson", assets.url(base, "topojson_js")),
                           ("itinerary_outlines", assets.url(base, "outlines_js"))]

    def script(self) -> str:
        return f"itinerary.drawOutlines({self._parent.get_name()}, {self.source});"


class TripLayer(Script):
    """The route and a marker per stop, drawn by `trip-layer.js` from compact columns.

    Markers that overlap are clustered (Leaflet.markercluster) at any size of trip. With
    `popups` (a standalone file) each marker also opens the stop's card. `scripts` are the
    embedding page's own, loaded after the layer's (the app's bridge to itself).
    """

    def __init__(self, trip: Trip, base: str, *, popups: bool = False,
                 scripts: tuple[tuple[str, str], ...] = (),
                 data: LayerData | None = None) -> None:
        super().__init__()
        self._name = "TripLayer"
        made = data or layer_data(trip, popups=popups)
        self.data = made.json
        self.default_js = [("markercluster", assets.url(base, "cluster_js"))]
        if made.numbered:
            self.default_js.append(("antpath", assets.url(base, "antpath_js")))
        self.default_js += [("itinerary_trip", assets.url(base, "trip_js")), *scripts]
        self.default_css = [("markercluster_css", assets.url(base, "cluster_css")),
                            ("markercluster_default_css", assets.url(base, "cluster_default_css"))]

    def script(self) -> str:
        return f"itinerary.drawTrip({self._parent.get_name()}, {self.data});"


@dataclass(frozen=True)
class LayerData:
    """The trip layer's data as its script takes it. Making it is most of making a map, so
    a page that draws the same stops again (the app, on every click) keeps it and hands it
    back (`build_map`'s `data`)."""

    json: str
    numbered: bool  # few enough stops to number each marker and animate the route


def layer_data(trip: Trip, *, popups: bool = False) -> LayerData:
    payload = trip_data(trip, popups=popups)
    return LayerData(data_json(payload), payload["numbered"])


def _routes(located: list[Stop], parts: list[tuple[Stop, ...]], most: int | None) -> dict:
    """Each part's route, as lines of [lat, lon], and the stop (its index among the located
    stops) each line arrives at, by which playback draws the route as far as a day."""
    lines = [map_lines(part, most) for part in parts]
    at = {s.stop_id: i for i, s in enumerate(located)}
    return {"routes": [[[[round(lat, _ROUTE_DECIMALS), round(lon, _ROUTE_DECIMALS)]
                         for lat, lon in line] for line, _ in part] for part in lines],
            "arrivals": [[at[stop.stop_id] for _, stop in part] for part in lines]}


def trip_data(trip: Trip, *, popups: bool = False) -> dict:
    """The trip layer's data (see `trip-layer.js`) for the located stops of a trip: named
    columns, each string once."""
    text = _Strings()
    located = [s for s in trip.stops if s.located]
    parts = trip.by_part()
    made = cards.Cards(trip)
    stops: dict[str, list] = {
        "number": [trip.numbers.get(s.stop_id, 0) for s in located],
        "title": [text.add(cards.title(trip, s)) for s in located],
        "dates": [text.add(s.dates) for s in located],
        "lat": [round(s.lat, 5) for s in located],  # type: ignore[arg-type]
        "lon": [round(s.lon, 5) for s in located],  # type: ignore[arg-type]
    }
    if popups:
        stops["popup"] = [text.add(cards.html(made.stop(s))) for s in located]
    numbered = len(located) <= NUMBERED_MAX
    data: dict = {"numbered": numbered, "stops": stops, "colors": palette.map_colors(),
                  **_routes(located, parts, None if numbered else ROUTE_POINTS_MAX // len(parts))}
    stops["start"] = [s.start.toordinal() for s in located]  # for playback
    if trip.parts:
        data["parts"] = [[text.add(name), palette.part_color(i)]
                         for i, name in enumerate(trip.parts)]
        stops["part"] = [trip.part(s.stop_id) for s in located]
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
