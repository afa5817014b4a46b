"""The map's own folium elements: the offline country outlines and the trip layer.

The trip layer sends every stop as one compact JSON array and builds the markers and the
route in the browser, so a trip of thousands of stops costs tens of bytes a stop instead of
a JavaScript object each. Up to `NUMBERED_MAX` places it draws numbered markers and an
animated route; beyond that, canvas-rendered circles, clustered where they crowd, and a
plain line. Text in the data has
been escaped by the caller and reaches the page only inside JSON string literals.
"""

from __future__ import annotations

import json

import folium
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from itinerary import assets

NUMBERED_MAX = 300
STOP_COLOR = "#b03a2e"
ROUTE_COLOR = "#1d4f91"
CSS = f"""
<style>
  .leaflet-container {{ background: #bcd6e6; }}
  .itinerary-stop {{ background: {STOP_COLOR}; color: #fff; border: 2px solid #fff;
    border-radius: 50%; box-shadow: 0 1px 4px rgba(0,0,0,.45); display: flex;
    align-items: center; justify-content: center; font: bold 12px/1 sans-serif; }}
  .itinerary-popup h4 {{ margin: 0 0 4px; font-size: 14px; }}
  .itinerary-popup p {{ margin: 4px 0; }}
</style>
"""


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
    """JSON for a script element: nothing in it can close the script or open a template."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("{", "\\u007b"), ("}", "\\u007d"), ("\u2028", "\\u2028"),
                       ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


class Header(folium.MacroElement):
    """Raw HTML for the page head (our CSS); never built from data."""

    _template = Template("{% macro header(this, kwargs) %}{{ this.markup }}{% endmacro %}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.markup = markup


class CountryOutlines(_RawScript):
    """Natural Earth country shapes in a pane under the tiles, so the map reads offline.

    With `url` the browser fetches the TopoJSON once (the app); with `data` it is inlined
    (a standalone file, which may be opened from disk where fetch is not allowed).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var pane = map.createPane("outlines");
            pane.style.zIndex = 150;
            pane.style.pointerEvents = "none";
            // Rings that cross the antimeridian (Fiji, Chukotka) would be drawn as bands
            // across the whole world; unwrap their longitudes so they stay continuous.
            function unwrap(ring) {
                for (var i = 1; i < ring.length; i++) {
                    while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
                    while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
                }
            }
            function draw(topo) {
                var shapes = topojson.feature(topo, topo.objects.countries);
                shapes.features.forEach(function (f) {
                    if (!f.geometry) return;
                    var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates]
                        : f.geometry.coordinates;
                    polys.forEach(function (p) { p.forEach(unwrap); });
                });
                window.itineraryOutlines = L.geoJSON(shapes, {
                    pane: "outlines", interactive: false,
                    style: {color: "#8c8c8c", weight: 0.6, fillColor: "#f3efe4",
                            fillOpacity: 1}
                }).addTo(map);
            }
            {% if this.data %}
            draw({{ this.data }});
            {% else %}
            fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }).then(draw)
                .catch(function (e) { console.warn("country outlines unavailable", e); });
            {% endif %}
        })();
        {% endmacro %}
    """)

    def __init__(self, *, url: str | None = None, data: str | None = None) -> None:
        super().__init__()
        self._name = "CountryOutlines"
        self.url, self.data = url, data
        self.default_js = [("topojson", assets.url("topojson_js"))]


class TripLayer(_RawScript):
    """The route and the stop markers, built in the browser from compact arrays.

    `places` holds one entry per marker: [lat, lon, label, tooltip HTML] and, in a
    standalone file, popup HTML. `route` holds the stops' points in trip order; each leg is
    drawn as a great-circle arc, one point per degree, interpolated in the browser, and a
    leg across the antimeridian on both sides of it. The route is drawn first and takes no
    clicks, so it never steals the markers' clicks.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var places = {{ this.places_json }};
            var route = {{ this.route_json }};
            var numbered = {{ this.numbered|tojson }};
            var renderer = L.canvas({padding: 0.5});
            var rad = Math.PI / 180;
            function vec(p) {
                var la = p[0] * rad, lo = p[1] * rad;
                return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)];
            }
            // One leg as points along the great circle, a point per degree, starting at
            // the leg's own start so the line stays continuous across the antimeridian.
            function arc(a, b) {
                var u = vec(a), v = vec(b), out = [];
                var dot = Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
                var w = Math.acos(dot), n = Math.max(1, Math.ceil(w / rad)), s = Math.sin(w);
                for (var i = 0; i <= n; i++) {
                    var t = i / n;
                    var f = s < 1e-9 ? 1 - t : Math.sin((1 - t) * w) / s;
                    var g = s < 1e-9 ? t : Math.sin(t * w) / s;
                    var x = f * u[0] + g * v[0], y = f * u[1] + g * v[1], z = f * u[2] + g * v[2];
                    var lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / rad;
                    var lon = Math.atan2(y, x) / rad;
                    var prev = out.length ? out[out.length - 1][1] : a[1];
                    out.push([lat, lon + Math.round((prev - lon) / 360) * 360]);
                }
                return out;
            }
            // Markers stay on the main copy of the world; a leg that crosses the
            // antimeridian is drawn on both sides of it, so it reaches both markers.
            var legs = [];
            for (var i = 1; i < route.length; i++) {
                var leg = arc(route[i - 1], route[i]);
                legs.push(leg);
                var end = leg[leg.length - 1][1];
                if (end > 180 || end < -180) {
                    var shift = end > 180 ? -360 : 360;
                    legs.push(leg.map(function (q) { return [q[0], q[1] + shift]; }));
                }
            }
            if (legs.length) {
                var style = {color: {{ this.color|tojson }}, weight: numbered ? 3 : 1.5,
                             opacity: 0.85, interactive: false};
                window.itineraryRoute = (numbered && L.polyline.antPath)
                    ? L.polyline.antPath(legs, Object.assign(style, {
                        delay: 1200, dashArray: [12, 18], pulseColor: "#ffffff",
                        className: "itinerary-route"}))
                    : L.polyline(legs, Object.assign(style, {renderer: renderer}));
                window.itineraryRoute.addTo(map);
            }
            var markers = places.map(function (p) {
                var marker = numbered
                    ? L.marker([p[0], p[1]], {keyboard: false, icon: L.divIcon({
                        html: "<span>" + p[2] + "</span>", className: "itinerary-stop",
                        iconSize: [26, 26], iconAnchor: [13, 13]})})
                    : L.circleMarker([p[0], p[1]], {renderer: renderer, radius: 6,
                        color: "#ffffff", weight: 1.5, fillColor: {{ this.fill|tojson }},
                        fillOpacity: 0.95});
                marker.bindTooltip(p[3], {direction: "top", offset: [0, numbered ? -12 : -6]});
                if (p.length > 4) marker.bindPopup(p[4], {maxWidth: 340});
                return marker;
            });
            if (numbered || !L.markerClusterGroup) {
                markers.forEach(function (m) { m.addTo(map); });
                window.itineraryLayer = L.featureGroup(markers);
            } else {
                // Crowded maps cluster; clicks on a stop reach the app through the group.
                window.itineraryLayer = L.markerClusterGroup({
                    chunkedLoading: true, maxClusterRadius: 40, disableClusteringAtZoom: 8,
                    showCoverageOnHover: false});
                window.itineraryLayer.addLayers(markers);
                window.itineraryLayer.addTo(map);
            }
            window.itineraryMarkers = places.length;
        })();
        {% endmacro %}
    """)

    def __init__(self, places: list[list], route: list[tuple[float, float]]) -> None:
        super().__init__()
        self._name = "TripLayer"
        self.places_json, self.route_json = data_json(places), data_json(route)
        self.numbered = len(places) <= NUMBERED_MAX
        self.color, self.fill = ROUTE_COLOR, STOP_COLOR
        if self.numbered:
            self.default_js = [("antpath", assets.url("antpath_js"))]
        else:
            self.default_js = [("markercluster", assets.url("cluster_js"))]
            self.default_css = [("markercluster_css", assets.url("cluster_css")),
                                ("markercluster_default_css", assets.url("cluster_default_css"))]
