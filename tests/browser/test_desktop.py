"""The first screen at desktop sizes (1400×900, 1280×720) and on a phone: the title just
under the header, Play, Download and Print brief above the map, and the step buttons in
one row."""

from __future__ import annotations

import pytest
from playwright import sync_api as playwright

from tests.browser.conftest import DESKTOP, MAP_FRAME, PHONE, Visit

pytestmark = pytest.mark.browser
expect = playwright.expect

LAPTOP = {"width": 1280, "height": 720}
SIZES = {"1400": DESKTOP, "1280": LAPTOP, "phone": PHONE}


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def screen(browser, request):
    v = Visit(browser, SIZES[request.param])
    yield v
    v.close()


def top(visit, locator) -> float:
    return locator.bounding_box()["y"]


def test_the_title_stands_just_under_the_header(server, screen):
    screen.open(server.url)
    # Streamlit's own 6rem above it left about 110 px blank on a desktop.
    assert top(screen, screen.page.locator("h1").first) < 75


def test_play_download_and_print_are_on_the_first_screen_above_the_map(server, screen):
    screen.open(server.url)
    page = screen.page
    map_top = top(screen, page.locator(MAP_FRAME))
    for name in ("Play", "Download", "Print brief"):
        button = page.get_by_role("button", name=name, exact=False).first
        expect(button).to_be_in_viewport(ratio=1)
        assert top(screen, button) < map_top
    assert map_top < screen.page.viewport_size["height"] / 2
    # Where the sidebar stands open, no button leads to it; on a phone one does.
    trip_and_dates = page.get_by_role("button", name="Trip and dates")
    if page.viewport_size == PHONE:
        expect(trip_and_dates).to_be_in_viewport(ratio=1)
    else:
        expect(trip_and_dates).to_be_hidden()


def test_the_step_buttons_stand_in_one_row(server, screen):
    screen.open(server.url)
    tops = {round(top(screen, screen.page.locator(f".st-key-{key} button")))
            for key in ("previous_stop", "overview", "next_stop")}
    assert len(tops) == 1


def test_a_click_on_blank_space_draws_no_box_around_the_page(server, screen):
    """Streamlit makes its main area focusable (to scroll it by keys): a click on blank
    space, after a key was pressed, must not ring the whole page."""
    screen.open(server.url)
    page = screen.page
    size = page.viewport_size
    page.keyboard.press("ArrowRight")
    screen.heading("1. Bogotá, Colombia").wait_for()
    page.mouse.click(size["width"] - 8, size["height"] - 60)
    ring = page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        return [e.dataset.testid, s.outlineStyle, s.boxShadow];
    }""")
    assert ring in (["stMain", "none", "none"], [None, "none", "none"])
