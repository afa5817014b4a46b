"""The trip map: a folium map with vendored assets, offline country outlines, and the trip
layer (markers and great-circle route) built from the stops; plus the standalone export.

Everything taken from data is escaped before it reaches the page: tooltips and popups are
HTML-escaped and passed to Leaflet inside JSON string literals, never pasted into
JavaScript template strings as folium's own Tooltip and Popup do, and never parsed as a
Jinja template (see `layers`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache

import folium

from itinerary import assets
from itinerary.layers import CSS, CountryOutlines, Header, RawText, TripLayer
from itinerary.model import Meeting, Stop, format_range
from itinerary.route import LatLon

_TOOLTIP_VISITS = 6


def escape(text: str) -> str:
    """HTML-escape text from data, and the characters a JS template literal would run."""
    return (html.escape(text, quote=True)
            .replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;"))


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
                   zoom_start=2, world_copy_jump=False, prefer_canvas=False)
    m.default_js = [("leaflet", assets.url("leaflet_js"))]
    m.default_css = [("leaflet_css", assets.url("leaflet_css"))]
    Header(CSS).add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False).add_to(m)
    folium.FeatureGroup(name="Country outlines only (offline)", overlay=False).add_to(m)
    outlines = (CountryOutlines(data=assets.read("outlines")) if standalone
                else CountryOutlines(url=assets.url("outlines")))
    outlines.add_to(m)
    points = display_points(located)
    by_stop: dict[str, list[Meeting]] = {}
    if standalone:
        for meeting in meetings:
            by_stop.setdefault(meeting.stop_id, []).append(meeting)
    places = marker_places(located, points, numbers, by_stop if standalone else None)
    TripLayer(places, [(round(lat, 5), round(lon, 5)) for lat, lon in points]).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    if points:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(40, 40),
                     max_zoom=6)
    return m


def marker_places(stops: Sequence[Stop], points: Sequence[LatLon], numbers: dict[str, int],
                  meetings: dict[str, list[Meeting]] | None) -> list[list]:
    """One marker per place: stops at the same point share it, labelled by the first
    visit's number ("4+" when there are more), with every visit in the tooltip."""
    groups: dict[LatLon, list[Stop]] = {}
    for stop, (lat, lon) in zip(stops, points, strict=True):
        groups.setdefault((round(lat, 5), round(lon, 5)), []).append(stop)
    places = []
    for (lat, lon), visits in groups.items():
        first = numbers.get(visits[0].stop_id, 0)
        label = f"{first}+" if len(visits) > 1 else str(first)
        entry: list = [lat, lon, label, tooltip_html(visits, numbers)]
        if meetings is not None:
            entry.append("".join(popup_html(s, meetings.get(s.stop_id, [])) for s in visits))
        places.append(entry)
    return places


def display_points(stops: Sequence[Stop]) -> list[LatLon]:
    """The stops' positions on the map, in order."""
    return [(float(s.lat), float(s.lon)) for s in stops]  # type: ignore[arg-type]


def tooltip_html(visits: Sequence[Stop], numbers: dict[str, int]) -> str:
    """The place and each visit's number and dates, at most `_TOOLTIP_VISITS` of them."""
    first = visits[0]
    if len(visits) == 1:
        return _single_tooltip(first, numbers.get(first.stop_id, 0))
    lines = [f"<b>{escape(first.label)}</b>"]
    lines += [f"{numbers.get(s.stop_id, 0)}. {escape(s.dates)}"
              for s in visits[:_TOOLTIP_VISITS]]
    if len(visits) > _TOOLTIP_VISITS:
        lines.append(f"and {len(visits) - _TOOLTIP_VISITS} more visits")
    return "<br>".join(lines)


@lru_cache(maxsize=65536)
def _single_tooltip(stop: Stop, number: int) -> str:
    # Memoised: the same stops are labelled again on every rerun of the app.
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


def selection_layer(point: LatLon, *, large: bool = False) -> folium.FeatureGroup:
    """A ring around the selected stop, sent to the app's map without rebuilding it."""
    group = folium.FeatureGroup(name="Selected stop", control=False)
    ring = folium.CircleMarker(point, radius=12 if large else 19, color="#f1c40f", weight=4,
                               fill=False)
    ring.options["interactive"] = False
    ring.add_to(group)
    return group


def standalone_html(stops: Sequence[Stop], *, numbers: dict[str, int] | None = None,
                    meetings: Sequence[Meeting] = (), title: str = "Itinerary") -> str:
    """A self-contained HTML page of the map: every script and the outlines inlined."""
    m = build_map(stops, numbers=numbers, meetings=meetings, standalone=True)
    m.get_root().header.add_child(RawText(f"<title>{html.escape(title)}</title>"),
                                  name="title")
    return assets.inline(m.get_root().render())
