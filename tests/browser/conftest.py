"""The app in a real browser: Playwright drives Debian's Chromium against `streamlit run`.

Nothing leaves the machine: every request that is not to the local server is aborted and
recorded. Each test opens a fresh page at one of three sizes: a desktop, a short desktop
window (where the map is not wholly on screen) and a phone (390×844, touch).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from itinerary.geocoding.index import open_index
from tests.streamlit_server import Server

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 30_000
DESKTOP = {"width": 1400, "height": 900}
SHORT = {"width": 1400, "height": 700}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "short": SHORT, "phone": PHONE}


@pytest.fixture(scope="session", autouse=True)
def built_index(gazetteer) -> None:
    """The gazetteer's index built before any server starts, as the tests before these
    leave it: otherwise the first page a test opens waits for it, past the test's timeout
    on a slow machine. (Making a Gazetteer does not open its index; this does.)"""
    open_index(gazetteer.index_path).conn.close()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def places_server(tmp_path_factory) -> Iterator[Server]:
    """Stops that overlap: two visits to Bogotá, Rome beside Vatican City, and Lima."""
    path = tmp_path_factory.mktemp("places") / "overlapping.csv"
    path.write_text(
        "stop_id,place,country,start_date,lat,lon\n"
        "b1,Bogotá,Colombia,2022-10-01,4.60971,-74.08175\n"
        "rome,Rome,Italy,2022-10-02,41.89193,12.51133\n"
        "vatican,Vatican City,Holy See,2022-10-03,41.90225,12.4533\n"
        "lima,Lima,Peru,2022-10-04,-12.04318,-77.02824\n"
        "b2,Bogotá,Colombia,2022-10-05,4.60971,-74.08175\n", encoding="utf-8")
    running = Server(str(path))
    yield running
    running.stop()


class Visit:
    """A page that records dialogs and errors and aborts every request leaving the machine."""

    def __init__(self, browser: object, size: dict[str, int] = DESKTOP) -> None:
        touch = size == PHONE
        self.context = browser.new_context(viewport=size, is_mobile=touch, has_touch=touch)
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

    def open(self, url: str, marker: str = ".itinerary-stop") -> object:
        self.page.goto(url)
        self.frame.locator(marker).first.wait_for()
        return self.frame

    @property
    def frame(self) -> object:
        return self.page.frame_locator(MAP_FRAME)

    @property
    def map_frame(self) -> object:
        """The map's frame, to run script in it: its Leaflet map is `window.map`."""
        return next(f for f in self.page.frames if "streamlit_folium" in f.url)

    def heading(self, name: str) -> object:
        return self.page.get_by_role("heading", name=name)

    def settled(self) -> None:
        """Wait until the app's run is over, as Streamlit marks its page: call it after what
        an action shows is on the page, so that the next action meets the page that run
        drew, not the one it replaces."""
        self.page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()

    def until(self, script: str, arg: object = None, *, frame: bool = False) -> None:
        """Wait until `script` (a function, in the page or the map's frame) is true."""
        (self.map_frame if frame else self.page).wait_for_function(script, arg=arg)

    def after_map_timers(self, ms: int) -> None:
        """Wait until every timer the map's frame set to fire within `ms` has fired: a
        timer of the frame's own, set now for `ms`, runs after them (timers fire in the
        order they fall due)."""
        self.map_frame.evaluate("ms => new Promise(done => setTimeout(done, ms))", ms)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser) -> Iterator[Visit]:
    v = Visit(browser)
    yield v
    v.close()


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def sized(browser, request) -> Iterator[Visit]:
    """A visit at each of the three sizes."""
    v = Visit(browser, SIZES[request.param])
    yield v
    v.close()


@pytest.fixture
def phone(browser) -> Iterator[Visit]:
    v = Visit(browser, PHONE)
    yield v
    v.close()
