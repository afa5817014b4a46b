"""The dashboard on a phone (390×844, touch): it fits, a tap shows the stop, one finger
scrolls the page and two move the map, and the map's controls keep clear of each other."""

from __future__ import annotations

import re

import pytest
from playwright import sync_api as playwright

from tests.browser.conftest import MAP_FRAME, PHONE

pytestmark = pytest.mark.browser
expect = playwright.expect


def page_scroll(visit) -> float:
    return visit.page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        return window.scrollY + (main ? main.scrollTop : 0);
    }""")


def title_lines(phone) -> int:
    """The lines the page's title takes, from where its text's boxes start."""
    return phone.page.locator("h1").first.evaluate("""h => {
        const range = document.createRange();
        range.selectNodeContents(h);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    }""")


def test_the_title_fits_in_two_lines_and_the_map_starts_on_the_first_screen(server, phone):
    phone.open(server.url)
    assert title_lines(phone) <= 2
    map_box = phone.page.locator(MAP_FRAME).bounding_box()
    assert map_box["y"] < PHONE["height"] / 2


def test_a_record_trips_title_fits_too(server, phone):
    phone.open(server.url + "?who=rubio-marco&trip=2025-02-01")
    expect(phone.page.locator("h1").first).to_have_text("Rubio · Central America, Feb 2025")
    assert title_lines(phone) <= 2


def test_a_tap_on_a_marker_brings_its_stop_into_view(server, phone):
    phone.open(server.url)
    phone.frame.locator(".itinerary-stop", has_text=re.compile("^3$")).tap()
    heading = phone.heading("3. Lima, Peru")
    expect(heading).to_be_in_viewport()
    assert phone.page.locator(MAP_FRAME).bounding_box()["y"] < 0  # the page scrolled to it


def swipe(phone, fingers: int, dy: float) -> None:
    """Fingers laid on the map's middle, moved up (dy < 0) or down together, and lifted."""
    box = phone.page.locator(MAP_FRAME).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 200)
    cdp = phone.context.new_cdp_session(phone.page)

    def touch(kind: str, step: int) -> None:
        points = [] if kind == "touchEnd" else [
            {"x": x + 80 * (i - (fingers - 1) / 2), "y": y + dy * step / 10, "id": i}
            for i in range(fingers)]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", 0)
    for step in range(1, 11):
        touch("touchMove", step)
    touch("touchEnd", 10)


def test_one_finger_scrolls_the_page_and_leaves_the_map_alone(server, phone):
    phone.open(server.url)
    center = phone.map_frame.evaluate("() => window.map.getCenter()")
    before = page_scroll(phone)
    swipe(phone, 1, -250)
    phone.until("before => window.scrollY + (document.querySelector("
                "'[data-testid=\"stMain\"]')?.scrollTop || 0) > before + 100", before)
    assert phone.map_frame.evaluate("() => window.map.getCenter()") == center


def test_two_fingers_move_the_map(server, phone):
    phone.open(server.url)
    center = phone.map_frame.evaluate("() => window.map.getCenter()")
    before = page_scroll(phone)
    swipe(phone, 2, 120)
    # Dragged down: the map shows more of the north.
    phone.until("lat => window.map.getCenter().lat > lat", center["lat"], frame=True)
    assert page_scroll(phone) == before


def test_the_attribution_never_covers_the_scale(server, phone):
    frame = phone.open(server.url)
    scale = frame.locator(".leaflet-control-scale").bounding_box()
    attribution = frame.locator(".leaflet-control-attribution").bounding_box()
    overlap_x = (min(scale["x"] + scale["width"], attribution["x"] + attribution["width"])
                 - max(scale["x"], attribution["x"]))
    overlap_y = (min(scale["y"] + scale["height"], attribution["y"] + attribution["height"])
                 - max(scale["y"], attribution["y"]))
    assert overlap_x <= 0 or overlap_y <= 0


def test_no_picker_or_step_button_label_is_cut_off(server, phone):
    phone.open(server.url + "?who=rubio-marco&trip=2025-02-01")
    page = phone.page
    page.get_by_role("button", name=re.compile("^Next stop")).click()
    expect(phone.heading(re.compile("^1. Panama City"))).to_be_visible()
    shown = page.evaluate("""() => [...document.querySelectorAll(
            '[data-testid="stButton"] button p, input[role="combobox"]')]
        .filter(e => {  // on the screen: the folded sidebar stands off it, to the left
            const r = e.getBoundingClientRect();
            return e.offsetParent !== null && r.width > 0 && r.right > 0;
        })
        .map(e => [e.value || e.textContent, e.scrollWidth > e.clientWidth + 1])""")
    assert len(shown) >= 4 and [text for text, cut in shown if cut] == []


def test_no_traveller_or_trip_name_is_cut_off_in_the_sidebar(server, visit):
    """Every name either sidebar picker can show, measured in the picker's own font against
    the room its box leaves for text."""
    from itinerary.config import BUNDLED_TRAVELS_DIR
    from itinerary.dashboard.labels import traveller, trip_choices
    from itinerary.sources.records import import_folder

    record = import_folder(BUNDLED_TRAVELS_DIR)
    names = [traveller(t) for t in record.travellers]
    names += [label for t in record.travellers for label in trip_choices(record, t.who).values()]
    visit.open(server.url + "?who=blinken-antony-j&trip=2022-10-03")
    too_wide = visit.page.evaluate("""names => {
        const box = document.querySelector('[data-testid="stSidebar"] input[role="combobox"]');
        const style = getComputedStyle(box);
        const room = box.clientWidth - parseFloat(style.paddingLeft)
                     - parseFloat(style.paddingRight);
        const context = document.createElement('canvas').getContext('2d');
        context.font = style.font;
        return names.filter(n => context.measureText(n).width > room);
    }""", names)
    assert len(names) > 1000 and too_wide == []


def test_trip_and_dates_above_the_map_opens_the_sidebar(server, phone):
    phone.open(server.url)
    page = phone.page
    button = page.get_by_role("button", name="Trip and dates")
    expect(button).to_be_in_viewport(ratio=1)
    assert button.bounding_box()["y"] < page.locator(MAP_FRAME).bounding_box()["y"]
    dates = page.get_by_test_id("stSidebar").get_by_text("Dates", exact=True)
    expect(dates).not_to_be_in_viewport()
    button.tap()
    expect(dates).to_be_in_viewport()
    expect(page.get_by_test_id("stSidebar").get_by_text("Built-in trip")).to_be_in_viewport()


def test_a_tables_toolbar_leaves_its_caption_clear(server, phone):
    phone.open(server.url + "?who=rubio-marco")
    page = phone.page
    page.get_by_text("Browse the record: travellers, trips and countries").tap()
    caption = page.get_by_text("Every Secretary of State: pick one to open their trips.")
    table = page.locator('[data-testid="stDataFrame"] >> visible=true').first
    table.locator('[data-testid="data-grid-canvas"]').wait_for()
    table.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"] >> visible=true').first
    toolbar.wait_for()
    text, bar = caption.bounding_box(), toolbar.bounding_box()
    assert bar["y"] >= text["y"] + text["height"] - 1  # below the caption's last line
