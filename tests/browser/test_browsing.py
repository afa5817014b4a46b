"""Browsing in a real browser: clicks that land, Back and Forward, stepping, the keyboard,
search, the timeline, and the wheel."""

from __future__ import annotations

import re

import pytest
from playwright import sync_api as playwright

from tests.browser.conftest import MAP_FRAME

pytestmark = pytest.mark.browser
expect = playwright.expect


def marker(visit, number: str):
    return visit.frame.locator(".itinerary-stop", has_text=re.compile(rf"^{number}$"))


def scroll_page(visit, dy: int) -> None:
    """Scroll whichever element scrolls the page (Streamlit's main area, or the window)."""
    visit.page.evaluate("""dy => {
        const main = document.querySelector('[data-testid="stMain"]');
        if (main && main.scrollHeight > main.clientHeight) main.scrollBy(0, dy);
        else window.scrollBy(0, dy);
    }""", dy)


def test_the_first_click_or_tap_on_a_marker_selects_it(server, sized):
    sized.open(server.url)
    lima = marker(sized, "3")
    if sized.page.viewport_size["width"] < 500:
        lima.tap()
    else:
        lima.click()
    expect(sized.heading("3. Lima, Peru")).to_be_in_viewport()
    sized.page.wait_for_url(re.compile(r"\?stop=lima$"))


def test_a_click_lands_with_the_map_partly_scrolled_out_of_view(server, browser):
    from tests.browser.conftest import SHORT, Visit

    visit = Visit(browser, SHORT)
    try:
        visit.open(server.url)
        top = visit.page.evaluate(f"() => document.querySelector('{MAP_FRAME}')"
                                  ".getBoundingClientRect().top")
        scroll_page(visit, int(top) + 120)  # the map's top is above the window now
        visit.until(f"() => document.querySelector('{MAP_FRAME}').getBoundingClientRect()"
                    ".top < 0")
        marker(visit, "2").click()
        expect(visit.heading("2. Santiago, Chile")).to_be_visible()
    finally:
        visit.close()


def test_a_click_is_reported_at_once_not_after_a_debounce(server, visit):
    visit.page.add_init_script("""window.__sent = [];
        window.addEventListener('message', e => {
            if (e.data && e.data.type === 'streamlit:setComponentValue')
                window.__sent.push(Date.now());
        });""")
    visit.open(server.url)
    visit.page.evaluate("() => { window.__sent = []; }")
    marker(visit, "3").click()
    expect(visit.heading("3. Lima, Peru")).to_be_visible()
    # streamlit-folium's own report is debounced by 250 ms: once it is due, it finds
    # nothing new and sends nothing. (How soon the click is reported: make bench.)
    visit.after_map_timers(400)
    assert len(visit.page.evaluate("window.__sent")) == 1


def test_back_and_forward_step_through_what_was_shown(server, visit):
    visit.open(server.url)
    page = visit.page
    visit.settled()  # the first run, which writes the link, is over
    # The new tab's blank page and this one: opening the dashboard pushed nothing more.
    assert page.evaluate("history.length") == 2
    marker(visit, "1").click()
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    page.wait_for_url(re.compile(r"\?stop=bogota$"))  # written as the run ends
    marker(visit, "3").click()
    expect(visit.heading("3. Lima, Peru")).to_be_visible()
    page.wait_for_url(re.compile(r"\?stop=lima$"))
    assert page.evaluate("history.length") == 4  # one entry a selection
    page.go_back()
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    assert page.url.endswith("?stop=bogota")
    page.go_back()
    expect(page.get_by_text("3 stops in 3 countries")).to_be_visible()
    assert page.url == server.url
    page.go_forward()
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    assert page.url.endswith("?stop=bogota")


def test_back_undoes_a_change_of_dates(server, visit):
    visit.open(server.url + "?start=2022-10-05&end=2022-10-05")
    expect(visit.frame.locator(".itinerary-stop")).to_have_count(1)
    visit.page.get_by_role("button", name=re.compile("^Next stop")).click()
    expect(visit.heading("2. Santiago, Chile")).to_be_visible()
    visit.page.wait_for_url(re.compile(r"&stop=santiago$"))  # written as the run ends
    visit.page.go_back()
    expect(visit.page.get_by_text("1 stop in 1 country")).to_be_visible()
    assert visit.page.url.endswith("?start=2022-10-05&end=2022-10-05")


def test_stepping_with_buttons_and_keys_and_back_to_the_overview(server, visit):
    visit.open(server.url)
    page = visit.page
    page.get_by_role("button", name=re.compile("^Next stop")).click()
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    visit.settled()
    page.locator("h1").click()  # the keys belong to the page, not to a field
    page.keyboard.press("ArrowRight")
    expect(visit.heading("2. Santiago, Chile")).to_be_visible()
    # The map follows: the selected stop is marked.
    expect(visit.frame.locator(".itinerary-selected")).to_have_text("2")
    visit.settled()
    page.keyboard.press("ArrowLeft")
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    visit.settled()
    page.get_by_role("button", name=re.compile("^Previous stop")).click()
    expect(page.get_by_text("3 stops in 3 countries")).to_be_visible()
    visit.settled()
    page.get_by_role("button", name=re.compile("^Next stop")).click()
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    visit.settled()
    page.locator("h1").click()
    page.keyboard.press("Escape")
    expect(page.get_by_text("3 stops in 3 countries")).to_be_visible()
    expect(visit.frame.locator(".itinerary-selected")).to_have_count(0)


def test_keys_pressed_on_the_map_step_too_and_a_click_on_empty_map_clears(server, visit):
    visit.open(server.url)
    marker(visit, "1").click()
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    visit.settled()
    marker(visit, "1").press("ArrowRight")  # the focus is on the map's marker
    expect(visit.heading("2. Santiago, Chile")).to_be_visible()
    box = visit.page.locator(MAP_FRAME).bounding_box()
    visit.page.mouse.click(box["x"] + box["width"] - 60, box["y"] + box["height"] / 2)
    expect(visit.page.get_by_text("3 stops in 3 countries")).to_be_visible()


def test_markers_are_reached_with_tab_and_opened_with_enter(server, visit):
    visit.open(server.url)
    page = visit.page
    page.get_by_label("Search").focus()
    for _ in range(40):  # from the search box, Tab on until a marker has the focus
        page.keyboard.press("Tab")
        focused = visit.map_frame.evaluate(
            "() => document.activeElement && document.activeElement.className || ''")
        if "itinerary-stop" in focused:
            break
    assert "itinerary-stop" in focused
    outline = visit.map_frame.evaluate("() => getComputedStyle(document.activeElement)"
                                       ".outlineStyle")
    assert outline != "none"  # a visible focus ring
    label = visit.map_frame.evaluate("() => document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    expect(visit.heading(label.rsplit(", ", 1)[0])).to_be_visible()


def test_a_skip_link_takes_tab_to_the_first_marker(server, visit):
    visit.open(server.url)
    page = visit.page
    presses = 0
    while presses < 5 and page.evaluate(
            "() => document.activeElement.textContent") != "Skip to the map":
        page.keyboard.press("Tab")
        presses += 1
    assert presses <= 3, presses
    expect(page.get_by_text("Skip to the map")).to_be_visible()  # seen once it has the focus
    page.keyboard.press("Enter")
    visit.until("() => document.activeElement?.textContent === '1'", frame=True)


def test_tab_goes_through_the_markers_in_trip_order(server, visit):
    visit.open(server.url)
    first = visit.frame.locator(".itinerary-stop", has_text=re.compile(r"^1$"))
    first.focus()
    seen = [visit.map_frame.evaluate("() => document.activeElement.textContent")]
    for _ in range(2):
        visit.page.keyboard.press("Tab")
        seen.append(visit.map_frame.evaluate("() => document.activeElement.textContent"))
    assert seen == ["1", "2", "3"]


def test_search_finds_meetings_and_a_result_selects_its_stop(server, visit):
    visit.open(server.url)
    page = visit.page
    page.get_by_label("Search").fill("petro")
    page.get_by_label("Search").press("Enter")
    expect(page.get_by_text("2 found")).to_be_visible()
    page.get_by_role("button", name=re.compile("joint press conference")).click()
    expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
    expect(visit.frame.locator(".itinerary-selected")).to_have_text("1")


def test_a_meeting_chosen_among_the_results_is_brought_into_view_and_marked(server, browser):
    from tests.browser.conftest import SHORT, Visit

    visit = Visit(browser, SHORT)  # Lima's last meeting is below the fold: it must scroll
    try:
        visit.open(server.url)
        page = visit.page
        page.get_by_label("Search").fill("castillo")
        page.get_by_label("Search").press("Enter")
        page.get_by_role("button", name=re.compile("Pedro Castillo")).click()
        expect(visit.heading("3. Lima, Peru")).to_be_visible()
        meeting = page.locator(".st-key-stop_panel p", has_text="Pedro Castillo, President")
        expect(meeting).to_have_class(re.compile("itinerary-found"))
        expect(meeting).to_be_in_viewport()
        expect(page.locator(".itinerary-found").first).to_contain_text("Pedro Castillo")
        expect(meeting).not_to_have_class(re.compile("itinerary-found"), timeout=6000)
    finally:
        visit.close()


def test_a_topic_in_the_overview_filters_the_meetings(server, visit):
    visit.open(server.url)
    page = visit.page
    page.get_by_role("radio", name="ukraine (1)").click()
    expect(page.get_by_label("Search")).to_have_value("ukraine")
    expect(page.get_by_role("button", name=re.compile("OAS General Assembly"))).to_be_visible()


def test_the_timeline_shows_the_stops_and_a_click_on_a_bar_selects_one(server, visit):
    visit.open(server.url)
    chart = visit.page.locator('[data-testid="stVegaLiteChart"]')
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    # Lima's bar spans 6-7 October, the last two fifths of the axis; the bars' row is first.
    visit.page.mouse.click(box["x"] + box["width"] * 0.85, box["y"] + 14)
    expect(visit.heading("3. Lima, Peru")).to_be_visible()


def test_the_wheel_scrolls_the_page_and_zooms_the_map_only_with_ctrl(server, browser):
    from tests.browser.conftest import SHORT, Visit

    visit = Visit(browser, SHORT)
    try:
        visit.open(server.url)
        page = visit.page
        zoom = visit.map_frame.evaluate("() => window.map.getZoom()")
        box = page.locator(MAP_FRAME).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 100)
        top = box["y"]
        page.mouse.wheel(0, 100)
        visit.until(f"top => document.querySelector('{MAP_FRAME}').getBoundingClientRect()"
                    ".top < top", top)  # the page scrolled
        assert visit.map_frame.evaluate("() => window.map.getZoom()") == zoom
        page.keyboard.down("Control")
        page.mouse.wheel(0, -100)  # one notch
        page.keyboard.up("Control")
        visit.until("zoom => window.map.getZoom() !== zoom && !window.map._animatingZoom",
                    zoom, frame=True)
        assert visit.map_frame.evaluate("() => window.map.getZoom()") - zoom in (1, 0.5)
    finally:
        visit.close()
