"""The record browser in a real browser: a comparison's legend and its toggles, tables that
fit at 1400, 1280 and 390 px, a row of the trips table picked with the mouse (and on a
phone, by touch), and the map of countries clicked."""

from __future__ import annotations

import re

import pytest
from playwright import sync_api as playwright

from tests.browser.conftest import DESKTOP, PHONE, Visit

pytestmark = pytest.mark.browser
expect = playwright.expect

COMPARE = ("?who=blinken-antony-j&trip=2022-10-03&who=rubio-marco&trip=2025-02-01")
ROW_PX = 35  # the height of a row of Streamlit's table, its header's too

ROUTES = "() => window.itinerary.shown.routes.filter(Boolean).length"  # routes drawn


def test_a_comparison_has_a_legend_that_turns_each_trip_on_and_off(server, sized):
    frame = sized.open(server.url + COMPARE)
    expect(sized.heading("Blinken and Rubio · 2 trips, 2022–2025")).to_be_visible()
    legend = frame.locator(".itinerary-legend label")
    expect(legend).to_have_text(["Blinken · Oct 2022 · Colombia, Chile and Peru",
                                 "Rubio · Feb 2025 · Central America"])
    colours = frame.locator(".itinerary-swatch").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)")
    assert colours == ["rgb(0, 114, 178)", "rgb(213, 94, 0)"]
    assert sized.map_frame.evaluate(ROUTES) == 2
    # A cluster of one trip's stops wears that trip's colour too.
    clusters = frame.locator(".itinerary-cluster span[style]").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)")
    assert set(clusters) <= {"rgb(0, 114, 178)", "rgb(213, 94, 0)"}
    blinken = frame.get_by_role("checkbox").first
    expect(frame.locator(".itinerary-stop", has_text=re.compile(r"^1$"))).to_have_count(1)
    blinken.set_checked(False)  # a tap on a phone, a click on a desktop
    expect(frame.locator(".itinerary-stop", has_text=re.compile(r"^1$"))).to_have_count(0)
    assert sized.map_frame.evaluate("() => window.itinerary.shown.partsShown") == 1
    blinken.set_checked(True)
    expect(frame.locator(".itinerary-stop", has_text=re.compile(r"^1$"))).to_have_count(1)
    # Nothing but the optional tiles was asked of the network (and refused), no error.
    assert all("tile.openstreetmap.org" in url for url in sized.outside), sized.outside
    assert sized.errors == []


def test_the_map_stays_on_a_phones_first_screen_beside_the_record_browser(server, phone):
    phone.open(server.url + COMPARE)
    box = phone.page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    assert box["y"] < 844 - 200  # most of the map shows without scrolling


def tables(visit) -> object:
    """The record's tables as the page shows them (each is drawn wide and narrow)."""
    return visit.page.locator('[data-testid="stDataFrame"] >> visible=true')


def open_tables(visit, url: str) -> object:
    visit.open(url)
    visit.page.get_by_text("Browse the record: travellers, trips and countries").click()
    shown = tables(visit)
    expect(shown).to_have_count(2)
    for i in range(2):
        shown.nth(i).locator('[data-testid="data-grid-canvas"]').wait_for()
        shown.nth(i).locator('[role="columnheader"]').first.wait_for(state="attached")
    return shown


@pytest.mark.parametrize("size", [DESKTOP, {"width": 1280, "height": 720}, PHONE],
                         ids=["1400", "1280", "phone"])
def test_the_tables_fit_with_no_column_cut_and_no_sideways_scroll(server, browser, size):
    visit = Visit(browser, size)
    try:
        shown = open_tables(visit, server.url + "?who=blinken-antony-j&trip=2022-10-03")
        widths = shown.evaluate_all("""grids => grids.map(g => {
            const s = g.querySelector('.dvn-scroller');
            return [s.scrollWidth, s.clientWidth];
        })""")
        assert all(scroll <= client + 1 for scroll, client in widths), widths
        headers = [shown.nth(i).locator('[role="columnheader"]').evaluate_all(
            "cells => cells.map(c => c.textContent)") for i in range(2)]
        if size == PHONE:  # the columns that matter
            assert headers == [["Traveller", "Years", "Trips"], ["First day", "Trip"]]
        else:
            assert headers == [["Traveller", "Years", "Trips", "Countries", "Km"],
                               ["First day", "Last day", "Trip", "Countries", "Stops", "Km"]]
        assert visit.page.evaluate(
            "() => document.documentElement.scrollWidth <= innerWidth") is True
    finally:
        visit.close()


def test_a_row_of_the_trips_table_picked_with_the_mouse_shows_that_trip(server, visit):
    visit.open(server.url + "?who=rubio-marco")
    expect(visit.heading("Rubio · 2 trips, 2025")).to_be_visible()
    visit.page.get_by_text("Browse the record: travellers, trips and countries").click()
    table = tables(visit).nth(1)
    # The grid is a canvas: it takes clicks once it has drawn its rows.
    table.locator('[data-testid="data-grid-canvas"]').wait_for()
    expect(table).to_contain_text("Central America")  # its accessible copy of the rows
    visit.settled()
    box = table.bounding_box()
    # The row's checkbox, in the first column: the February 2025 Central America trip.
    visit.page.mouse.click(box["x"] + 14, box["y"] + ROW_PX + ROW_PX / 2)
    expect(visit.heading("Rubio · Central America, Feb 2025")).to_be_visible()
    visit.page.wait_for_url(re.compile(r"\?who=rubio-marco&trip=2025-02-01$"))


def test_clicking_a_country_lists_the_visits_there(server, visit):
    visit.open(server.url + COMPARE)
    visit.page.get_by_text("Browse the record: travellers, trips and countries").click()
    visit.page.get_by_role("tab", name="Countries").click()
    # The map of countries, not the timeline (a chart too), which is on the page first.
    chart = visit.page.locator('[role="tabpanel"] .vega-embed canvas, '
                               '[role="tabpanel"] .vega-embed svg').first
    chart.wait_for()
    box = chart.bounding_box()
    # Find Peru by its tooltip, moving over the chart, then click it.
    tip = visit.page.locator("#vg-tooltip-element")
    found = None
    for fy in [i / 40 for i in range(14, 34)]:
        for fx in [i / 60 for i in range(12, 30)]:
            x, y = box["x"] + fx * box["width"], box["y"] + fy * box["height"]
            visit.page.mouse.move(x, y)
            if tip.is_visible() and "Peru" in tip.inner_text():
                found = (x, y)
                break
        if found:
            break
    assert found, "Peru was not found on the map of countries"
    visit.page.mouse.click(*found)
    expect(visit.page.get_by_text("Peru: 1 visit")).to_be_visible()
    expect(visit.page.get_by_text("Lima, Peru").first).to_be_visible()


def test_a_travellers_whole_record_folds_its_legend_of_many_trips(server, visit):
    frame = visit.open(server.url + "?who=blinken-antony-j", ".itinerary-cluster")
    toggle = frame.get_by_role("button", name="▸ 85 trips")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(frame.locator(".itinerary-legend label").first).to_be_hidden()
    toggle.click()
    expect(frame.get_by_role("button", name="▾ 85 trips")).to_have_attribute(
        "aria-expanded", "true")
    expect(frame.locator(".itinerary-legend label")).to_have_count(85)
    expect(frame.locator(".itinerary-legend label").first).to_have_text(
        "Mar 2021 · Japan and South Korea")
    # Each trip its own route: 85 trips, and never one line across all of them.
    assert visit.map_frame.evaluate(ROUTES) > 60
