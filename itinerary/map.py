"""The trip map: folium with vendored assets, country outlines, a geodesic route and
numbered stop markers.

Everything taken from data is escaped before it reaches the page: tooltips and popups are
HTML-escaped and passed to Leaflet as JSON string literals, never pasted into JavaScript
template strings as folium's own Tooltip and Popup do.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence

import folium
from folium.elements import JSCSSMixin
from folium.plugins import AntPath
from folium.template import Template

from itinerary import assets
from itinerary.model import Meeting, Stop, format_range
from itinerary.route import LatLon, arc

STOP_COLOR = "#b03a2e"
ROUTE_COLOR = "#1d4f91"
_CSS = f"""
<style>
  .leaflet-container {{ background: #bcd6e6; }}
  .itinerary-stop {{ background: {STOP_COLOR}; color: #fff; border: 2px solid #fff;
    border-radius: 50%; box-shadow: 0 1px 4px rgba(0,0,0,.45); display: flex;
    align-items: center; justify-content: center; font: bold 13px/1 sans-serif; }}
  .itinerary-popup h4 {{ margin: 0 0 4px; font-size: 14px; }}
  .itinerary-popup p {{ margin: 4px 0; }}
</style>
"""


def escape(text: str) -> str:
    """HTML-escape text from data, and the characters a JS template literal would run."""
    return (html.escape(text, quote=True)
            .replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;"))


class _Header(folium.MacroElement):
    """Raw HTML for the page head (our CSS); never built from data."""

    _template = Template("{% macro header(this, kwargs) %}{{ this.markup }}{% endmacro %}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.markup = markup


class CountryOutlines(JSCSSMixin, folium.MacroElement):
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


class _Bind(folium.MacroElement):
    """Binds a tooltip or popup whose HTML we built and escaped, as a JSON string."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.{{ this.method }}({{ this.content|tojson }},
            {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, method: str, content: str, **options: object) -> None:
        super().__init__()
        self.method, self.content, self.options = method, content, options


def build_map(stops: Sequence[Stop], *, numbers: dict[str, int] | None = None,
              meetings: Sequence[Meeting] = (), standalone: bool = False,
              height: str = "100%") -> folium.Map:
    """The map of the located stops, numbered in trip order, with the route between them.

    `numbers` maps stop ids to their position in the whole trip (so a filtered view keeps
    the trip's numbering). `standalone` inlines the outlines and adds popups with each
    stop's meetings, for an HTML file that works without the app.
    """
    assets.check()
    located = [s for s in stops if s.located]
    numbers = numbers or {s.stop_id: i for i, s in enumerate(stops, start=1)}
    m = folium.Map(tiles=None, control_scale=True, height=height, location=(20, 0),
                   zoom_start=2, world_copy_jump=False)
    m.default_js = [("leaflet", assets.url("leaflet_js"))]
    m.default_css = [("leaflet_css", assets.url("leaflet_css"))]
    _Header(_CSS).add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False).add_to(m)
    folium.FeatureGroup(name="Country outlines only (offline)", overlay=False).add_to(m)
    outlines = (CountryOutlines(data=assets.read("outlines")) if standalone
                else CountryOutlines(url=assets.url("outlines")))
    outlines.add_to(m)
    points = display_points(located)
    _add_route(m, points)
    by_stop: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        by_stop.setdefault(meeting.stop_id, []).append(meeting)
    for stop, point in zip(located, points, strict=True):
        marker = _marker(stop, point, numbers.get(stop.stop_id, 0))
        if standalone:
            _Bind("bindPopup", popup_html(stop, by_stop.get(stop.stop_id, [])),
                  maxWidth=340).add_to(marker)
        marker.add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    if points:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(40, 40),
                     max_zoom=6)
    return m


def display_points(stops: Sequence[Stop]) -> list[LatLon]:
    """Stop positions with longitudes unwrapped along the trip, so that markers and the
    route stay on the same copy of the world when a trip crosses the antimeridian."""
    points: list[LatLon] = []
    for stop in stops:
        lon = float(stop.lon)  # type: ignore[arg-type]
        if points:
            lon += round((points[-1][1] - lon) / 360) * 360
        points.append((float(stop.lat), lon))  # type: ignore[arg-type]
    return points


def _add_route(m: folium.Map, points: Sequence[LatLon]) -> None:
    path: list[LatLon] = []
    for a, b in itertools.pairwise(points):
        if a != b:
            path.extend(arc(a, b)[1 if path else 0:])
    if len(path) < 2:
        return
    route = AntPath(path, color=ROUTE_COLOR, pulse_color="#ffffff", weight=3, opacity=0.85,
                    delay=1200, dash_array=[12, 18])
    # Drawn before the markers and deaf to the mouse, so it never takes their clicks.
    route.options["interactive"] = False
    route.options["className"] = "itinerary-route"
    route.default_js = [("antpath", assets.url("antpath_js"))]
    route.add_to(m)


def _marker(stop: Stop, point: LatLon, number: int) -> folium.Marker:
    icon = folium.DivIcon(html=f"<span>{number}</span>", icon_size=(26, 26),
                          icon_anchor=(13, 13), class_name="itinerary-stop")
    marker = folium.Marker(location=point, icon=icon)
    _Bind("bindTooltip", tooltip_html(stop, number), direction="top",
          offset=[0, -12]).add_to(marker)
    return marker


def tooltip_html(stop: Stop, number: int) -> str:
    return f"<b>{number}. {escape(stop.label)}</b><br>{escape(stop.dates)}"


def popup_html(stop: Stop, meetings: Sequence[Meeting]) -> str:
    parts = [f'<div class="itinerary-popup"><h4>{escape(stop.label)}</h4>',
             f"<p><i>{escape(stop.dates)}</i></p>"]
    if stop.summary:
        parts.append(f"<p>{escape(stop.summary)}</p>")
    for meeting in meetings:
        when = f" ({escape(format_range(meeting.date, meeting.date))})" if meeting.date else ""
        parts.append(f"<p><b>{escape(meeting.with_)}</b>{when}<br>{escape(meeting.summary)}")
        if meeting.quote:
            by = f" — {escape(meeting.quote_by)}" if meeting.quote_by else ""
            parts.append(f"<br>“{escape(meeting.quote)}”{by}")
        parts.append("</p>")
    parts.append("</div>")
    return "".join(parts)


def selection_layer(point: LatLon) -> folium.FeatureGroup:
    """A ring around the selected stop, sent to the app's map without rebuilding it."""
    group = folium.FeatureGroup(name="Selected stop", control=False)
    ring = folium.CircleMarker(point, radius=19, color="#f1c40f", weight=4, fill=False)
    ring.options["interactive"] = False
    ring.add_to(group)
    return group


def standalone_html(stops: Sequence[Stop], *, numbers: dict[str, int] | None = None,
                    meetings: Sequence[Meeting] = (), title: str = "Itinerary") -> str:
    """A self-contained HTML page of the map: every script and the outlines inlined."""
    m = build_map(stops, numbers=numbers, meetings=meetings, standalone=True)
    m.get_root().header.add_child(
        folium.Element(f"<title>{html.escape(title)}</title>"), name="title")
    return assets.inline(m.get_root().render())
