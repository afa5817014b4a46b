"""The map in a real browser: drawn offline, every stop reachable, text shown as text."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright import sync_api as playwright

from tests.browser.conftest import MAP_FRAME, Visit
from tests.paths import DATA
from tests.streamlit_server import Server

pytestmark = pytest.mark.browser
expect = playwright.expect


@pytest.fixture(scope="module")
def payload_server() -> Iterator[Server]:
    running = Server(str(DATA / "stops_payload.csv"), str(DATA / "meetings_payload.csv"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def pacific_server() -> Iterator[Server]:
    running = Server(str(DATA / "stops_pacific.csv"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def crowded_server(gazetteer, tmp_path_factory) -> Iterator[Server]:
    """400 stops at real towns: past the numbered-marker limit, so dots in clusters."""
    towns = sorted(gazetteer.towns(200_001), key=lambda t: t[0])[:400]
    path = tmp_path_factory.mktemp("crowded") / "crowded.csv"
    lines = ["stop_id,place,country,start_date,lat,lon"]
    lines += [f"c{i},{name.replace(',', ' ')},{cc},2000-01-{1 + i % 28:02d},{lat},{lon}"
              for i, (name, cc, lat, lon) in enumerate(towns)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    running = Server(str(path))
    yield running
    running.stop()


def test_map_shows_markers_route_and_outlines_without_the_network(server, visit):
    frame = visit.open(server.url)
    expect(frame.locator(".itinerary-stop")).to_have_count(3)
    assert sorted(frame.locator(".itinerary-stop").all_inner_texts()) == ["1", "2", "3"]
    expect(frame.locator("path.leaflet-ant-path")).not_to_have_count(0)
    # Two legs drawn as great-circle arcs, a point per degree, not two straight segments.
    legs = visit.map_frame.evaluate(
        "window.itinerary.shown.routes[0].getLatLngs().map(l => l.length)")
    assert len(legs) == 2 and sum(legs) > 40
    # The offline base layer: Natural Earth outlines drawn in their own pane.
    outlines = frame.locator(".leaflet-outlines-pane path")
    expect(outlines).not_to_have_count(0)
    assert outlines.count() > 100
    # Only map tiles were asked of the outside world; every script came from the app.
    assert all("tile.openstreetmap.org" in url for url in visit.outside), visit.outside
    assert visit.dialogs == [] and visit.errors == []


@pytest.mark.parametrize(("motion", "animation"), [
    ("no-preference", "leaflet-ant-path-animation"),  # the dashes run from stop to stop
    ("reduce", "none"),  # a reader who asked for less motion: they stand still
])
def test_the_routes_dashes_move_unless_less_motion_is_asked_for(server, visit, motion,
                                                                 animation):
    visit.page.emulate_media(reduced_motion=motion)
    visit.open(server.url)
    names = visit.map_frame.evaluate("""[...document.querySelectorAll('path.leaflet-ant-path')]
        .map(p => getComputedStyle(p).animationName)""")
    assert names and set(names) == {animation}


def test_a_leg_across_the_antimeridian_reaches_both_markers(pacific_server, visit):
    visit.open(pacific_server.url)
    ends = visit.map_frame.evaluate("window.itinerary.shown.routes[0].getLatLngs().map(l => "
                                    "[l[0].lng, l[l.length - 1].lng])")
    # Tokyo to Honolulu leaves Tokyo eastwards past 180° and, drawn again a world to the
    # west, arrives at Honolulu's marker; Honolulu to Los Angeles is one plain leg.
    assert [[round(a, 1), round(b, 1)] for a, b in ends] == [
        [139.7, 202.2], [-220.3, -157.8], [-157.8, -118.2]]
    assert visit.errors == []


def test_no_outline_streaks_across_the_map(server, visit):
    visit.open(server.url + "?who=blinken-antony-j&trip=all", ".itinerary-cluster")
    # Every drawn ring of a country's outline spans at most the whole world: Antarctica too.
    widest = visit.map_frame.evaluate("""() => {
        let widest = 0;
        const visit = rings => {
            if (rings.length && rings[0].lng !== undefined) {
                const lngs = rings.map(p => p.lng);
                widest = Math.max(widest, Math.max(...lngs) - Math.min(...lngs));
            } else {
                rings.forEach(visit);
            }
        };
        window.itinerary.outlines.eachLayer(layer => visit(layer.getLatLngs()));
        return widest;
    }""")
    assert 300 < widest <= 360  # Antarctica goes round the world, and no further


def test_a_wide_trip_fits_and_every_stop_is_in_reach(server, visit):
    """All of Blinken's trips: 261 stops around the world, clustered where they crowd."""
    frame = visit.open(server.url + "?who=blinken-antony-j&trip=all", ".itinerary-cluster")
    zoom, shown, total = visit.map_frame.evaluate("""() => {
        const group = window.itinerary.shown.group;
        let reached = 0;
        group.getLayers().forEach(m => { if (group.getVisibleParent(m)) reached += 1; });
        return [window.map.getZoom(), reached, group.getLayers().length];
    }""")
    # Each stop is on the map, alone or in a cluster that opens on a click.
    assert zoom >= 1 and shown == total == 261
    expect(frame.locator(".itinerary-cluster").first).to_be_visible()


def test_stops_at_one_place_open_like_a_spider_and_each_answers_a_click(places_server, visit):
    frame = visit.open(places_server.url, ".itinerary-cluster")
    # Rome beside Vatican City and the two visits to Bogotá each show as one cluster.
    assert sorted(frame.locator(".itinerary-cluster").all_inner_texts()) == ["1+", "2+"]
    frame.locator(".itinerary-cluster", has_text="1+").click()
    expect(frame.locator(".itinerary-stop:not(.itinerary-cluster)", has_text="5")).to_be_visible()
    frame.locator(".itinerary-stop:not(.itinerary-cluster)", has_text="5").click()
    expect(visit.heading("5. Bogotá, Colombia")).to_be_visible()


def test_picking_a_stop_brings_its_marker_into_view(places_server, visit):
    frame = visit.open(places_server.url, ".itinerary-cluster")
    visit.page.get_by_role("combobox", name=re.compile("^Stop")).click()
    visit.page.get_by_role("option", name=re.compile("^3. Vatican City")).click()
    expect(visit.heading("3. Vatican City, Vatican")).to_be_visible()
    # Out of its cluster, on screen, and marked as the selection.
    selected = frame.locator(".itinerary-selected")
    expect(selected).to_have_text("3")
    box, map_box = selected.bounding_box(), visit.page.locator(MAP_FRAME).bounding_box()
    assert map_box["x"] <= box["x"] and box["x"] + box["width"] <= map_box["x"] + map_box["width"]


def test_a_crowded_map_clusters_and_its_stops_still_answer_clicks(crowded_server, visit):
    visit.page.goto(crowded_server.url)
    visit.page.wait_for_function(
        "() => [...document.querySelectorAll('iframe')].some(f => f.contentWindow && "
        "f.contentWindow?.itinerary?.shown?.markers.length === 400)")
    frame = visit.frame
    expect(frame.locator(".itinerary-cluster").first).to_be_visible()
    # A cluster is a button named by what it holds and where, not by its count alone.
    names = frame.locator(".itinerary-cluster").evaluate_all(
        "els => els.map(e => [e.getAttribute('role'), e.getAttribute('aria-label')])")
    assert all(role == "button" and re.fullmatch(r"\d+ stops near .+, .+, expand", label)
               for role, label in names), names
    # Zoom in until one stop is drawn on its own, then click it.
    visit.map_frame.evaluate("""() => window.map.setView(
        window.itinerary.shown.group.getLayers()[0].getLatLng(), 9, {animate: false})""")
    visit.map_frame.wait_for_function("""() => window.map.getZoom() === 9
        && window.map.hasLayer(window.itinerary.shown.group.getLayers()[0])""")
    dot = frame.locator(".itinerary-dot").first
    label = dot.get_attribute("aria-label")  # "17. Taizhou, China, 17 Jan 2000"
    dot.click()
    expect(visit.heading(label.rsplit(", ", 1)[0])).to_be_visible()
    assert visit.errors == []


def test_the_top_markers_tooltip_opens_inside_the_map(places_server, visit):
    frame = visit.open(places_server.url, ".itinerary-cluster")
    # Rome's marker in the middle across, whatever the map's width, so nothing beside the map
    # (the layers control, the panel's column) lies over it.
    visit.map_frame.evaluate(
        "() => window.map.setView([41.89193, 12.51133], 14, {animate: false})")
    marker = frame.locator(".itinerary-stop:not(.itinerary-cluster)", has_text="2")
    # Move the map so that Rome's marker sits at its very top edge, then hover it.
    visit.map_frame.evaluate("""() => {
        const p = window.map.latLngToContainerPoint([41.89193, 12.51133]);
        window.map.panBy([0, p.y - 20], {animate: false});
    }""")
    marker.hover()
    tip = frame.locator(".leaflet-tooltip")
    expect(tip).to_contain_text("2. Rome, Italy")
    box, map_box = tip.bounding_box(), visit.page.locator(MAP_FRAME).bounding_box()
    assert box["y"] >= map_box["y"]


def test_link_with_one_day_leaves_only_santiago(server, visit):
    frame = visit.open(server.url + "?start=2022-10-05&end=2022-10-05")
    expect(frame.locator(".itinerary-stop")).to_have_count(1)
    expect(frame.locator(".itinerary-stop")).to_have_text(["2"])
    expect(visit.page.get_by_text("1 stop in 1 country")).to_be_visible()


PAYLOAD = ("<img src=x onerror=alert(1)> ${alert(2)} `alert(3)` "
           "</script><script>alert(4)</script> javascript:alert(5) "
           "[link](javascript:alert(6)) {{ 7*7 }} :red[x] $5")


def test_script_payloads_in_data_raise_no_dialog_and_show_as_text(payload_server, visit):
    frame = visit.open(payload_server.url)
    marker = frame.locator(".itinerary-stop", has_text="1")
    marker.hover()
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(f"1. Bogotá {PAYLOAD}")
    assert "49" not in frame.locator(".leaflet-tooltip").inner_text()
    marker.click()
    page = visit.page
    expect(page.get_by_role("heading", name=f"1. Bogotá {PAYLOAD}, Colombia")).to_be_visible()
    panel = page.locator('[data-testid="stMarkdownContainer"]', has_text="Meetings (1)")
    # Every field's payload is shown as the text it is: summary, extra column, the meeting.
    expect(panel).to_contain_text(f"note: {PAYLOAD}")
    expect(panel).to_contain_text(f"“{PAYLOAD}” — {PAYLOAD}")
    # The stop whose country is a payload is listed by name, not drawn.
    expect(page.get_by_text("The country").first).to_be_attached()
    page.get_by_label("Search").fill("alert")
    page.get_by_label("Search").press("Enter")
    expect(page.get_by_role("button", name=re.compile(r"^1\. Bogotá <img"))).not_to_have_count(0)
    visit.settled()  # the search's run is drawn: a script in it would have run
    assert visit.dialogs == []
    assert frame.locator("img[src=x]").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert visit.errors == []


def test_standalone_export_works_from_disk_with_no_dialog(browser, tmp_path):
    from itinerary.cli import main

    out = tmp_path / "payload.html"
    assert main(["map", str(DATA / "stops_payload.csv"), "--meetings",
                 str(DATA / "meetings_payload.csv"), "-o", str(out)]) == 0
    v = Visit(browser)
    try:
        v.page.goto(out.as_uri())
        expect(v.page.locator(".itinerary-stop")).to_have_count(2)
        expect(v.page.locator(".leaflet-outlines-pane path")).not_to_have_count(0)
        v.page.locator(".itinerary-stop", has_text="2").click()
        expect(v.page.locator(".itinerary-popup")).to_contain_text("${alert(6)}")
        # The popup's card is text: no element of the payload's was made to run.
        assert v.page.locator(".itinerary-popup img, .itinerary-popup script").count() == 0
        assert v.dialogs == [] and v.errors == []
    finally:
        v.close()


def test_an_upload_over_the_size_limit_is_refused_with_a_message(server, visit):
    visit.open(server.url)
    page = visit.page
    page.get_by_text("Itinerary CSV").click()
    big = b"stop_id,place,country,start_date\n" + b"x" * (21 * 1024 * 1024)
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(
        files=[{"name": "huge.csv", "mimeType": "text/csv", "buffer": big}])
    # The limit is server.maxUploadSize in .streamlit/config.toml; Streamlit says so.
    expect(page.get_by_text("File must be 20.0MB or smaller.")).to_be_visible()
    expect(page.get_by_text("Upload a stops CSV in the sidebar")).to_be_visible()


def test_an_upload_past_the_draw_limit_draws_its_newest_stops_and_says_so(server, visit,
                                                                          gazetteer):
    # 25,000 stops: all of them once froze the tab (461,000 froze it for over 400 s).
    towns = [(name, lat, lon) for name, _, lat, lon in gazetteer.towns(20_001, "PE")
             if "," not in name]
    rows = [f"s{i},{name},Peru,{2000 + i // 2000}-01-{1 + i % 28:02d},{lat:.3f},{lon:.3f}"
            for i, (name, lat, lon) in enumerate(towns * (25_000 // len(towns) + 1))][:25_000]
    data = ("stop_id,place,country,start_date,lat,lon\n" + "\n".join(rows) + "\n").encode()
    visit.open(server.url)
    page = visit.page
    page.get_by_text("Itinerary CSV").click()
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(
        files=[{"name": "many.csv", "mimeType": "text/csv", "buffer": data}])
    notice = page.get_by_text(re.compile(r"^The map shows the 20,000 newest of 25,000 stops, "
                                         r"from 2002-01-\d\d to 2012-01-28\. Narrow the dates"))
    expect(notice).to_be_visible(timeout=120_000)
    page.wait_for_function(f"""() => [...document.querySelectorAll('{MAP_FRAME}')].some(f =>
        f.contentWindow?.itinerary?.shown?.markers.length === 20000)""", timeout=120_000)
    expect(page.get_by_text("25,000 stops in 1 country")).to_be_visible()
    assert visit.errors == []
    assert all("tile.openstreetmap.org" in url for url in visit.outside), visit.outside
