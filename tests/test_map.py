"""The map, rendered to HTML and checked by fragments, as folium's own tests do."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from itinerary import assets
from itinerary.errors import AssetError
from itinerary.layers import NUMBERED_MAX
from itinerary.load import load_trip
from itinerary.map import build_map, escape, standalone_html, tooltip_html

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def page(located_trip):
    return build_map(located_trip.stops).get_root().render()


def trip_layer(page: str) -> tuple[list, list]:
    """The places and route arrays the trip layer sends to the browser."""
    places = json.loads(re.search(r"var places = (\[.*?\]);\n", page).group(1))
    route = json.loads(re.search(r"var route = (\[.*?\]);\n", page).group(1))
    return places, route


def test_assets_come_from_the_app_not_a_cdn(page):
    sources = re.findall(r'<script src="([^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert sources == ["/app/static/vendor/leaflet.js",
                       "/app/static/vendor/topojson-client.min.js",
                       "/app/static/vendor/leaflet-ant-path.js"]
    assert styles == ["/app/static/vendor/leaflet.css"]
    assert "cdn" not in page.lower() and "jquery" not in page.lower()


def test_markers_are_numbered_in_trip_order_with_tooltips(page):
    places, _ = trip_layer(page)
    assert [(p[2], p[3]) for p in places] == [
        ("1", "<b>1. Bogotá, Colombia</b><br>3–4 Oct 2022"),
        ("2", "<b>2. Santiago, Chile</b><br>5 Oct 2022"),
        ("3", "<b>3. Lima, Peru</b><br>6–7 Oct 2022"),
    ]
    assert '"numbered": true' not in page and "var numbered = true;" in page


def test_route_joins_the_stops_in_order_and_is_drawn_first(page, located_trip):
    _, route = trip_layer(page)
    assert route == [[round(s.lat, 5), round(s.lon, 5)] for s in located_trip.stops]
    script = page[page.index("var route = "):]
    # Great-circle arcs, under the markers and deaf to the mouse.
    assert "Math.acos(dot)" in script and "interactive: false" in script
    assert script.index("L.polyline.antPath(") < script.index("L.marker(")


def test_view_fits_the_stops(page, located_trip):
    fit = re.search(r"fitBounds\(\s*\[\[([-\d.]+), ([-\d.]+)\], \[([-\d.]+), ([-\d.]+)\]\]",
                    page)
    south, west, north, east = map(float, fit.groups())
    lats = [s.lat for s in located_trip.stops]
    lons = [s.lon for s in located_trip.stops]
    assert (south, west, north, east) == (min(lats), min(lons), max(lats), max(lons))


def test_outlines_are_fetched_from_the_app(page):
    assert 'fetch("/app/static/vendor/countries-50m.json")' in page
    assert 'createPane("outlines")' in page


def test_unlocated_stops_are_not_drawn(located_trip):
    stops = [*located_trip.stops[:2], replace(located_trip.stops[2], lat=None, lon=None)]
    places, route = trip_layer(build_map(stops).get_root().render())
    assert len(places) == len(route) == 2


def test_visits_to_one_place_share_a_marker(located_trip):
    bogota, santiago, lima = located_trip.stops
    again = replace(bogota, stop_id="back", place="Bogota")
    page = build_map([bogota, santiago, lima, again]).get_root().render()
    places, route = trip_layer(page)
    assert [p[2] for p in places] == ["1+", "2", "3"]
    assert places[0][3] == "<b>Bogotá, Colombia</b><br>1. 3–4 Oct 2022<br>4. 3–4 Oct 2022"
    assert len(route) == 4  # the route still returns to Bogotá


def test_large_trips_use_canvas_circles_and_a_plain_line(located_trip):
    from datetime import timedelta

    base = located_trip.stops[0]
    stops = [replace(base, stop_id=f"s{i}", lat=base.lat + i * 0.01, lon=base.lon,
                     start=base.start + timedelta(days=i), end=base.start + timedelta(days=i))
             for i in range(NUMBERED_MAX + 1)]
    page = build_map(stops).get_root().render()
    assert "var numbered = false;" in page
    assert "leaflet-ant-path.js" not in page  # not even loaded
    assert "/app/static/vendor/leaflet.markercluster.js" in page  # clusters where crowded
    assert "/app/static/vendor/MarkerCluster.Default.css" in page
    places, _ = trip_layer(page)
    assert len(places) == NUMBERED_MAX + 1


def test_markers_across_the_antimeridian_stay_on_the_main_world():
    from datetime import date

    from itinerary.model import Stop

    day = date(2022, 1, 1)
    stops = [Stop("t", "Tokyo", "", day, day, lat=35.68, lon=139.69),
             Stop("h", "Honolulu", "", day, day, lat=21.3, lon=-157.8)]
    places, route = trip_layer(build_map(stops).get_root().render())
    assert [p[:2] for p in places] == route == [[35.68, 139.69], [21.3, -157.8]]


PAYLOADS = ["<img src=x onerror=alert(1)>", "${alert(2)}", "`x`",
            "</script><script>alert(3)</script>"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_from_data_never_reaches_the_page_raw(payload):
    trip = load_trip(DATA / "stops_payload.csv", DATA / "meetings_payload.csv")
    for page in (build_map(trip.stops).get_root().render(),
                 standalone_html(trip.stops, meetings=trip.meetings)):
        assert payload not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in escape(payload) or payload != PAYLOADS[0]


@pytest.mark.parametrize(("text", "escaped"), [
    ("<b>", "&lt;b&gt;"), ("${x}", "&#36;{x}"), ("`", "&#96;"), ("a\\b", "a&#92;b"),
    ('"q"', "&quot;q&quot;"),
])
def test_escape(text, escaped):
    assert escape(text) == escaped


def test_tooltip_escapes_place_names(located_trip):
    stop = replace(located_trip.stops[0], place="<i>Bogotá</i>")
    assert tooltip_html([stop], {stop.stop_id: 1}) == (
        "<b>1. &lt;i&gt;Bogotá&lt;/i&gt;, Colombia</b><br>3–4 Oct 2022")


def test_standalone_file_needs_nothing_from_the_network(located_trip):
    page = standalone_html(located_trip.stops, meetings=located_trip.meetings, title="Trip")
    assert "<script src=" not in page and '<link rel="stylesheet"' not in page
    assert "/app/static/" not in page
    assert '"type":"Topology"' in page  # outlines inlined
    assert "url(data:image/png;base64," in page  # Leaflet's control images inlined
    places, _ = trip_layer(page)
    assert [p[4].startswith('<div class="itinerary-popup"><h4>') for p in places] == [True] * 3
    assert "Pedro Castillo" in page and "<title>Trip</title>" in page


def test_missing_asset_is_a_clear_error(tmp_path):
    (tmp_path / "leaflet.js").write_text("")
    with pytest.raises(AssetError) as caught:
        assets.check(tmp_path)
    assert str(caught.value) == (
        f"map assets missing from {tmp_path}: leaflet.css, leaflet-ant-path.js, "
        "leaflet.markercluster.js, MarkerCluster.css, MarkerCluster.Default.css, "
        "topojson-client.min.js, countries-50m.json; the map cannot be drawn. Restore them "
        "with scripts/vendor.sh or a fresh checkout.")


@pytest.mark.parametrize("name", ["{{ 7*7 }}", "{% if true %}x{% endif %}", "{# c #}",
                                  "{{ cycler.__init__.__globals__ }}"])
def test_template_syntax_in_data_is_never_evaluated(located_trip, name):
    # branca re-parses rendered scripts as Jinja; data must reach the page as it was.
    stop = replace(located_trip.stops[0], place=name)
    page = build_map([stop]).get_root().render()
    places, _ = trip_layer(page)
    assert places[0][3].startswith(f"<b>1. {escape(name)}, Colombia</b>")
    assert "{{" not in page.split("var places = ")[1].split(";")[0]
    standalone = standalone_html([stop], title=name)
    assert f"<title>{name}</title>" in standalone
