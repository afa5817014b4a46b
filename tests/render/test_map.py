"""The map, rendered to HTML and checked by fragments, as folium's own tests do."""

import re
from dataclasses import replace
from datetime import date

import pytest

from itinerary.config import NUMBERED_MAX
from itinerary.model import Stop, Trip
from itinerary.render import assets
from itinerary.render.map import build_map, selected_index, standalone_html
from itinerary.sources.stops import load_trip
from tests.pages import marker_titles, points, trip_data
from tests.paths import DATA

BASE = "../files/"


def render(trip: Trip) -> str:
    return build_map(trip, base=BASE).get_root().render()


@pytest.fixture(scope="module")
def page(located_trip):
    return render(located_trip)


def test_assets_come_from_the_base_url_not_a_cdn(page):
    sources = re.findall(r'<script src="([^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert sources == [f"{BASE}vendor/leaflet.js", f"{BASE}vendor/topojson-client.min.js",
                       f"{BASE}outlines.js", f"{BASE}vendor/leaflet.markercluster.js",
                       f"{BASE}vendor/leaflet-ant-path.js", f"{BASE}trip-layer.js"]
    assert styles == [f"{BASE}vendor/leaflet.css", f"{BASE}itinerary.css",
                      f"{BASE}vendor/MarkerCluster.css", f"{BASE}vendor/MarkerCluster.Default.css"]
    assert "cdn" not in page.lower() and "jquery" not in page.lower()


def test_an_embedded_map_scrolls_with_its_page_and_reports_to_it(located_trip):
    page = build_map(located_trip, base=BASE, embedded=True).get_root().render()
    assert f"{BASE}vendor/leaflet-gesture-handling.min.js" in page
    assert "bridge" not in page  # the page's own, which the page adds
    assert '"gestureHandling": true' in page and '"keyboard": false' in page
    assert "popup" not in trip_data(page)["stops"]


def test_markers_are_numbered_in_trip_order(page):
    data = trip_data(page)
    assert marker_titles(data) == ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    assert data["numbered"] is True and "popup" in data["stops"]
    # Dates travel as the cards write them.
    assert [data["text"][i] for i in data["stops"]["dates"]] == [
        "3–4 Oct 2022", "5 Oct 2022", "6–7 Oct 2022"]


def test_markers_stand_where_the_stops_are(page, located_trip):
    assert points(trip_data(page)) == [[round(s.lat, 5), round(s.lon, 5)]
                                       for s in located_trip.stops]


def test_view_fits_the_stops(page, located_trip):
    fit = re.search(r"fitBounds\(\s*\[\[([-\d.]+), ([-\d.]+)\], \[([-\d.]+), ([-\d.]+)\]\]",
                    page)
    south, west, north, east = map(float, fit.groups())
    lats = [s.lat for s in located_trip.stops]
    lons = [s.lon for s in located_trip.stops]
    assert (south, west, north, east) == (min(lats), min(lons), max(lats), max(lons))


def test_outlines_are_fetched_coarse_first_then_fine(page):
    assert ('itinerary.drawOutlines(' in page and
            f'"coarse":"{BASE}vendor/countries-110m.json","fine":"{BASE}vendor/'
            'countries-50m.json","fineFrom":4' in page)


def test_unlocated_stops_are_not_drawn(located_trip):
    stops = (*located_trip.stops[:2], replace(located_trip.stops[2], lat=None, lon=None))
    assert marker_titles(trip_data(render(replace(located_trip, stops=stops)))) == [
        "1. Bogotá, Colombia", "2. Santiago, Chile"]


def test_each_visit_to_one_place_has_its_own_marker(located_trip):
    bogota, santiago, lima = located_trip.stops
    again = replace(bogota, stop_id="back", place="Bogota")
    data = trip_data(render(replace(located_trip, stops=(bogota, santiago, lima, again))))
    assert marker_titles(data) == ["1. Bogotá, Colombia", "2. Santiago, Chile",
                                   "3. Lima, Peru", "4. Bogota, Colombia"]
    assert points(data)[3] == points(data)[0]  # clustered, and spread on click


def test_large_trips_use_canvas_circles_and_clusters(located_trip):
    base = located_trip.stops[0]
    stops = tuple(replace(base, stop_id=f"s{i}", lat=base.lat + i * 0.01,
                          start=date(2022, 1, 1), end=date(2022, 1, 1))
                  for i in range(NUMBERED_MAX + 1))
    page = render(Trip(stops))
    data = trip_data(page)
    assert data["numbered"] is False and len(points(data)) == NUMBERED_MAX + 1
    assert "leaflet-ant-path.js" not in page  # not even loaded


def test_a_filtered_trip_keeps_its_numbers(located_trip):
    shown = located_trip.between(date(2022, 10, 6), date(2022, 10, 7))
    assert marker_titles(trip_data(render(shown))) == ["3. Lima, Peru"]


def test_markers_across_the_antimeridian_stay_on_the_main_world():
    day = date(2022, 1, 1)
    trip = Trip((Stop("t", "Tokyo", "", day, day, lat=35.68, lon=139.69),
                 Stop("h", "Honolulu", "", day, day, lat=21.3, lon=-157.8)))
    assert points(trip_data(render(trip))) == [[35.68, 139.69], [21.3, -157.8]]


@pytest.mark.parametrize(("stop_id", "index"), [("lima", 2), ("bogota", 0), (None, None),
                                                ("nowhere", None)])
def test_the_selection_is_the_stops_index_among_the_markers(located_trip, stop_id, index):
    assert selected_index(located_trip, stop_id) == index


def test_a_stop_the_map_does_not_draw_is_no_selection():
    day = date(2022, 1, 1)
    trip = Trip((Stop("a", "Nowhere", "", day, day), Stop("b", "Lima", "Peru", day, day,
                                                          lat=-12.0, lon=-77.0)))
    assert (selected_index(trip, "a"), selected_index(trip, "b")) == (None, 0)


# What could end the script, start markup, or be evaluated as a template never stands raw
# in the page; the rest (`${alert(2)}`, backquotes) is inert inside a JSON string literal.
# Either way the text arrives as it was written, and trip-layer.js escapes it as HTML.
PAYLOADS = ["<img src=x onerror=alert(1)>", "</script><script>alert(4)</script>", "{{ 7*7 }}"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_from_data_never_reaches_the_page_raw(payload):
    trip = load_trip(DATA / "stops_payload.csv", DATA / "meetings_payload.csv")
    placed = replace(trip, stops=tuple(replace(s, lat=4.6, lon=-74.1) for s in trip.stops))
    for page in (render(placed), standalone_html(placed, title="x"),
                 build_map(placed, base=BASE, embedded=True).get_root().render()):
        assert payload not in page
        assert any(payload in text for text in trip_data(page)["text"])


@pytest.mark.parametrize("name", ["{{ 7*7 }}", "{% if true %}x{% endif %}", "{# c #}",
                                  "{{ cycler.__init__.__globals__ }}"])
def test_template_syntax_in_data_is_never_evaluated(located_trip, name):
    # branca re-parses rendered scripts as Jinja; data must reach the page as it was.
    stop = replace(located_trip.stops[0], place=name)
    data = trip_data(render(Trip((stop,))))
    assert data["text"][0] == f"1. {name}, Colombia"
    standalone = standalone_html(Trip((stop,)), title=name)
    assert f"<title>{name}</title>" in standalone


def test_the_standalone_file_needs_nothing_from_the_network(located_trip):
    page = standalone_html(located_trip, title="Trip")
    assert "<script src=" not in page and '<link rel="stylesheet"' not in page
    assert assets.INLINE not in page
    assert '"type":"Topology"' in page  # outlines inlined
    assert "url(data:image/png;base64," in page  # Leaflet's control images inlined
    data = trip_data(page)
    popups = [data["text"][i] for i in data["stops"]["popup"]]
    assert "<b>Pedro Castillo, President of Peru</b> · 6 Oct 2022" in popups[2]
    assert "<title>Trip</title>" in page


@pytest.mark.parametrize(("lats", "fine"), [((4.6, -33.4), True), ((60.0, -40.0), False)])
def test_a_standalone_file_inlines_the_outlines_its_extent_needs(lats, fine):
    day = date(2022, 1, 1)
    trip = Trip(tuple(Stop(f"s{i}", "P", "", day, day, lat=lat, lon=-70.0)
                      for i, lat in enumerate(lats)))
    page = standalone_html(trip, title="t")
    size = len(assets.read("outlines_fine" if fine else "outlines_coarse"))
    assert len(page) > size and (len(page) < len(assets.read("outlines_fine"))) is not fine
