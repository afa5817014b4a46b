"""The app in a real browser: Playwright drives Debian's Chromium against `streamlit run`.

Nothing leaves the machine: every request that is not to the local server is aborted and
recorded, and the map must still show its markers, route and outlines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright import sync_api as playwright

from tests.paths import DATA
from tests.streamlit_server import Server

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 30_000

# `make test` installs Debian's Chromium; without it these tests fail, they do not skip.
assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make chromium`"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.stop()


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
    """400 stops at real towns: past the numbered-marker limit, so circles in clusters."""
    towns = gazetteer._db.execute(
        "SELECT name, cc, lat, lon FROM places WHERE kind = 'city' AND population > 200000 "
        "ORDER BY population DESC LIMIT 400").fetchall()
    path = tmp_path_factory.mktemp("crowded") / "crowded.csv"
    lines = ["stop_id,place,country,start_date,lat,lon"]
    lines += [f"c{i},{name.replace(',', ' ')},{cc},2000-01-{1 + i % 28:02d},{lat},{lon}"
              for i, (name, cc, lat, lon) in enumerate(towns)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    running = Server(str(path))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        yield chromium
        chromium.close()


class Visit:
    """A page that records dialogs and aborts every request leaving the machine."""

    def __init__(self, browser: object) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)  # before goto: it also hears the map's iframe
        self.context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/]|file:|data:).*"),
                           self._block)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _block(self, route: object) -> None:
        self.outside.append(route.request.url)
        route.abort()

    def open(self, url: str) -> object:
        self.page.goto(url)
        frame = self.page.frame_locator(MAP_FRAME)
        frame.locator(".itinerary-stop").first.wait_for()
        return frame

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser) -> Iterator[Visit]:
    v = Visit(browser)
    yield v
    v.close()


def test_map_shows_markers_route_and_outlines_without_the_network(server, visit):
    frame = visit.open(server.url)
    expect = playwright.expect
    expect(frame.locator(".itinerary-stop")).to_have_count(3)
    expect(frame.locator(".itinerary-stop")).to_have_text(["1", "2", "3"])
    expect(frame.locator("path.leaflet-ant-path")).not_to_have_count(0)
    # Two legs drawn as great-circle arcs, a point per degree, not two straight segments.
    map_frame = next(f for f in visit.page.frames if "streamlit_folium" in f.url)
    legs = map_frame.evaluate("window.itineraryRoute.getLatLngs().map(l => l.length)")
    assert len(legs) == 2 and sum(legs) > 40
    # The offline base layer: Natural Earth outlines drawn in their own pane.
    outlines = frame.locator(".leaflet-outlines-pane path")
    expect(outlines).not_to_have_count(0)
    assert outlines.count() > 100
    # Only map tiles were asked of the outside world; every script came from the app.
    assert all("tile.openstreetmap.org" in url for url in visit.outside), visit.outside
    assert visit.dialogs == []


def test_a_leg_across_the_antimeridian_reaches_both_markers(pacific_server, visit):
    visit.open(pacific_server.url)
    map_frame = next(f for f in visit.page.frames if "streamlit_folium" in f.url)
    ends = map_frame.evaluate("window.itineraryRoute.getLatLngs().map(l => "
                              "[l[0].lng, l[l.length - 1].lng])")
    # Tokyo to Honolulu leaves Tokyo eastwards past 180° and, drawn again a world to the
    # west, arrives at Honolulu's marker; Honolulu to Los Angeles is one plain leg.
    assert [[round(a, 1), round(b, 1)] for a, b in ends] == [
        [139.7, 202.2], [-220.3, -157.8], [-157.8, -118.2]]
    assert visit.errors == []


def test_a_crowded_map_clusters_and_its_stops_still_answer_clicks(crowded_server, visit):
    visit.page.goto(crowded_server.url)
    visit.page.wait_for_function(
        "() => [...document.querySelectorAll('iframe')].some(f => f.contentWindow && "
        "f.contentWindow.itineraryMarkers === 400)")
    frame = visit.page.frame_locator(MAP_FRAME)
    playwright.expect(frame.locator(".marker-cluster").first).to_be_visible()
    assert frame.locator(".itinerary-stop").count() == 0  # circles on a canvas instead
    map_frame = next(f for f in visit.page.frames if "streamlit_folium" in f.url)
    # Zoom in until one stop is drawn on its own, then click it.
    map_frame.evaluate("""() => window.map.setView(
        window.itineraryLayer.getLayers()[0].getLatLng(), 9, {animate: false})""")
    map_frame.wait_for_function("""() => window.map.getZoom() === 9
        && window.map.hasLayer(window.itineraryLayer.getLayers()[0])""")
    x, y = map_frame.evaluate("""() => {
        const p = window.map.latLngToContainerPoint(
            window.itineraryLayer.getLayers()[0].getLatLng());
        return [p.x, p.y];
    }""")
    box = visit.page.locator(MAP_FRAME).bounding_box()
    visit.page.mouse.click(box["x"] + x, box["y"] + y)
    place = map_frame.evaluate("""() => {
        const marker = window.itineraryLayer.getLayers()[0];
        return marker.getTooltip().getContent()(marker);  // built when first shown
    }""")
    label = re.sub(r"<[^>]+>", " ", place).split("  ")[0].strip()  # "17. Taizhou, CN"
    playwright.expect(visit.page.get_by_role("heading", name=label)).to_be_visible()
    assert visit.errors == []


def test_clicking_limas_marker_shows_the_castillo_meeting(server, visit):
    frame = visit.open(server.url)
    frame.locator(".itinerary-stop", has_text="3").click()
    expect = playwright.expect
    expect(visit.page.get_by_text("Pedro Castillo, President of Peru")).to_be_visible()
    expect(visit.page.get_by_role("heading", name="3. Lima, Peru")).to_be_visible()
    visit.page.wait_for_url(re.compile(r"stop=lima"))


def test_link_with_one_day_leaves_only_santiago(server, visit):
    frame = visit.open(server.url + "?start=2022-10-05&end=2022-10-05")
    expect = playwright.expect
    expect(frame.locator(".itinerary-stop")).to_have_count(1)
    expect(frame.locator(".itinerary-stop")).to_have_text(["2"])
    expect(visit.page.get_by_text("1 stop in 1 country")).to_be_visible()


PAYLOAD = ("<img src=x onerror=alert(1)> ${alert(2)} `alert(3)` "
           "</script><script>alert(4)</script> javascript:alert(5) "
           "[link](javascript:alert(6)) {{ 7*7 }} :red[x] $5")


def test_script_payloads_in_data_raise_no_dialog_and_show_as_text(payload_server, visit):
    frame = visit.open(payload_server.url)
    expect = playwright.expect
    marker = frame.locator(".itinerary-stop", has_text="1")
    marker.hover()
    expect(frame.locator(".leaflet-tooltip")).to_contain_text(f"1. Bogotá {PAYLOAD}")
    marker.click()
    page = visit.page
    expect(page.get_by_role("heading", name=f"1. Bogotá {PAYLOAD}, Colombia")).to_be_visible()
    panel = page.locator('[data-testid="stMarkdownContainer"]', has_text="Meetings (1)")
    # Every field's payload is shown as the text it is: summary, extra column, the meeting.
    expect(panel).to_contain_text(f"note: {PAYLOAD}")
    expect(panel).to_contain_text(f"“{PAYLOAD}” — {PAYLOAD}")
    # The stop whose country is a payload is listed by name, not drawn.
    expect(page.get_by_text("The country").first).to_be_attached()
    page.wait_for_timeout(1000)  # give any injected script the chance to run
    assert visit.dialogs == []
    assert frame.locator("img[src=x]").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert "49" not in frame.locator(".leaflet-tooltip").inner_text()
    assert visit.errors == []


def test_standalone_export_works_from_disk_with_no_dialog(browser, tmp_path):
    from itinerary.cli import main

    out = tmp_path / "payload.html"
    assert main(["map", str(DATA / "stops_payload.csv"), "--meetings",
                 str(DATA / "meetings_payload.csv"), "-o", str(out)]) == 0
    v = Visit(browser)
    try:
        v.page.goto(out.as_uri())
        expect = playwright.expect
        expect(v.page.locator(".itinerary-stop")).to_have_count(2)
        expect(v.page.locator(".leaflet-outlines-pane path")).not_to_have_count(0)
        v.page.locator(".itinerary-stop", has_text="2").click()
        expect(v.page.locator(".itinerary-popup")).to_contain_text("${alert(6)}")
        v.page.wait_for_timeout(500)
        assert v.dialogs == []
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
    playwright.expect(page.get_by_text("File must be 20.0MB or smaller.")).to_be_visible()
    playwright.expect(page.get_by_text("Upload a stops CSV in the sidebar")).to_be_visible()
