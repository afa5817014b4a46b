"""The trip map: a folium map with the packaged assets, offline country outlines, and the
trip layer (markers and great-circle route); and the standalone HTML page of it.

Everything taken from data reaches the page as JSON string literals, and is escaped by the
trip layer's script where it becomes HTML; nothing from data is pasted into JavaScript
source, as folium's own Tooltip and Popup do, or parsed as a Jinja template (see `layers`).
"""

from __future__ import annotations

import html

import folium

from itinerary.model import Trip
from itinerary.render import assets
from itinerary.render.layers import CountryOutlines, LayerData, Palette, RawText, TripLayer
from itinerary.render.topology import fine_outlines

# Leaflet's default turns one notch of a mouse wheel into two or three levels of zoom.
_WHEEL_PX_PER_ZOOM = 120


def build_map(trip: Trip, *, base: str, embedded: bool = False, height: str = "100%",
              scripts: tuple[tuple[str, str], ...] = (),
              data: LayerData | None = None) -> folium.Map:
    """The map of the trip's located stops, numbered as in the trip, with the route.

    `base` is the URL the package's static folder is published at; a standalone page uses
    `assets.INLINE` and has the files inlined afterwards. `embedded` is for a map inside a
    page that scrolls and shows each stop's details itself: one finger or the wheel scroll
    the page, two fingers or Ctrl and the wheel move the map; otherwise each marker opens
    its stop's card in a popup. `scripts` ((name, URL) pairs) are the embedding page's own,
    loaded after the map's. `data` is the trip layer's data (`layers.layer_data`) when the
    caller kept it from an earlier map of the same stops.
    """
    assets.check()
    points = [(s.lat, s.lon) for s in trip.stops if s.located]
    m = folium.Map(tiles=None, control_scale=True, height=height, location=(20, 0),
                   zoom_start=2, world_copy_jump=False, prefer_canvas=False, minZoom=1,
                   keyboard=False, wheelPxPerZoomLevel=_WHEEL_PX_PER_ZOOM,
                   gestureHandling=embedded)
    m.default_js = [("leaflet", assets.url(base, "leaflet_js"))]
    m.default_css = [("leaflet_css", assets.url(base, "leaflet_css")),
                     ("itinerary_css", assets.url(base, "itinerary_css"))]
    if embedded:
        m.default_js.append(("gesture", assets.url(base, "gesture_js")))
        m.default_css.append(("gesture_css", assets.url(base, "gesture_css")))
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False).add_to(m)
    folium.FeatureGroup(name="Country outlines only (offline)", overlay=False).add_to(m)
    if points:
        # Before the trip layer, whose clusters are worked out for the view it finds.
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(40, 40),
                     max_zoom=6)
    inline = base == assets.INLINE
    Palette().add_to(m)
    CountryOutlines(base, inline=inline, fine=inline and fine_outlines(points)).add_to(m)
    TripLayer(trip, base, popups=not embedded, scripts=scripts, data=data).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def selected_index(trip: Trip, stop_id: str | None) -> int | None:
    """The selected stop's index among the map's markers (the trip's located stops, in
    order), as the trip layer's `itinerary.select` takes it; None for no stop, or a stop the
    map does not draw."""
    for index, stop in enumerate(s for s in trip.stops if s.located):
        if stop.stop_id == stop_id:
            return index
    return None


def standalone_html(trip: Trip, *, title: str) -> str:
    """A self-contained HTML page of the map, popups included: every script, style and the
    outlines inlined, so it opens from disk with no server and no network."""
    m = build_map(trip, base=assets.INLINE)
    m.get_root().header.add_child(RawText(f"<title>{html.escape(title)}</title>"),
                                  name="title")
    return assets.inline(m.get_root().render())
