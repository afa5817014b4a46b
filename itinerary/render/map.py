"""The trip map: a folium map with the packaged assets, offline country outlines, and the
trip layer (markers and great-circle route); and the standalone HTML page of it.

Everything taken from data reaches the page as JSON string literals, and is escaped by the
trip layer's script where it becomes HTML; nothing from data is pasted into JavaScript
source, as folium's own Tooltip and Popup do, or parsed as a Jinja template (see `layers`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import folium

from itinerary.model import Stop, Trip
from itinerary.render import assets
from itinerary.render.layers import CountryOutlines, LatLon, RawText, TripLayer, is_numbered

# A trip that fits in this many degrees is shown close enough for the fine outlines.
_FINE_SPAN_DEG = 60.0


def build_map(trip: Trip, *, base: str, popups: bool = False,
              height: str = "100%") -> folium.Map:
    """The map of the trip's located stops, numbered as in the trip, with the route.

    `base` is the URL the package's static folder is published at; a standalone page uses
    `assets.INLINE` and has the files inlined afterwards. `popups` adds each stop's summary
    and meetings to its marker, for a page that works without the app's side panel.
    """
    assets.check()
    points = display_points(trip.stops)
    m = folium.Map(tiles=None, control_scale=True, height=height, location=(20, 0),
                   zoom_start=2, world_copy_jump=False, prefer_canvas=False)
    m.default_js = [("leaflet", assets.url(base, "leaflet_js"))]
    m.default_css = [("leaflet_css", assets.url(base, "leaflet_css")),
                     ("itinerary_css", assets.url(base, "itinerary_css"))]
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False).add_to(m)
    folium.FeatureGroup(name="Country outlines only (offline)", overlay=False).add_to(m)
    inline = base == assets.INLINE
    CountryOutlines(base, inline=inline, fine=inline and _small(points)).add_to(m)
    TripLayer(trip, points, base, popups=popups).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    if points:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(40, 40),
                     max_zoom=6)
    return m


def display_points(stops: Sequence[Stop]) -> list[LatLon]:
    """The located stops' positions on the map, in order."""
    return [(float(s.lat), float(s.lon)) for s in stops if s.located]  # type: ignore[arg-type]


def selection_layer(trip: Trip, stop_id: str) -> folium.FeatureGroup | None:
    """A ring around a stop's marker, sent to the app's map without rebuilding it; None when
    the stop is not on the map. Sized for a numbered marker, or for a circle."""
    stop = trip.stop(stop_id)
    if stop is None or not stop.located:
        return None
    group = folium.FeatureGroup(name="Selected stop", control=False)
    numbered = is_numbered(display_points(trip.stops))
    ring = folium.CircleMarker((stop.lat, stop.lon), radius=19 if numbered else 12,
                               color="#f1c40f", weight=4, fill=False)
    ring.options["interactive"] = False
    ring.add_to(group)
    return group


def standalone_html(trip: Trip, *, title: str) -> str:
    """A self-contained HTML page of the map, popups included: every script, style and the
    outlines inlined, so it opens from disk with no server and no network."""
    m = build_map(trip, base=assets.INLINE, popups=True)
    m.get_root().header.add_child(RawText(f"<title>{html.escape(title)}</title>"),
                                  name="title")
    return assets.inline(m.get_root().render())


def _small(points: Sequence[LatLon]) -> bool:
    if not points:
        return False
    span = max(max(p[0] for p in points) - min(p[0] for p in points),
               max(p[1] for p in points) - min(p[1] for p in points))
    return span < _FINE_SPAN_DEG
