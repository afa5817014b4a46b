"""Playing the trip in a real browser: Play, Pause on a day, the link naming it, the route
drawn as far as the day, the Space key, and a run that asks for less motion."""

from __future__ import annotations

import re

import pytest
from playwright import sync_api as playwright

pytestmark = pytest.mark.browser
expect = playwright.expect
ROUTE_LINES = "window.itinerary.shown.routes[0].getLatLngs().length"


def play_button(visit):
    return visit.page.get_by_role("button", name=re.compile(r"^(play_arrow|pause)?\s*(Play|Pause)"))


def paused_on(visit, stop: str, day: str, attempts: int = 3) -> None:
    """Play from the day before, and Pause as soon as the day's stop shows. At a day a
    second, a slow machine may answer the Pause a day late: then it plays again."""
    for _ in range(attempts):
        visit.page.goto(f"{visit.base}?day=2022-10-04")
        visit.frame.locator(".itinerary-stop").first.wait_for()
        expect(visit.heading("1. Bogotá, Colombia")).to_be_visible()
        play_button(visit).click()
        expect(visit.heading(stop)).to_be_visible()
        play_button(visit).click()
        expect(play_button(visit)).to_have_text(re.compile("Play"))
        visit.settled()
        if re.search(rf"day={day}", visit.page.url):
            return
    pytest.fail(f"never paused on {day}")


def test_play_the_built_in_trip_and_pause_on_5_october(server, visit):
    visit.base = server.url
    paused_on(visit, "2. Santiago, Chile", "2022-10-05")
    expect(visit.heading("2. Santiago, Chile")).to_be_visible()
    expect(visit.page.get_by_text("Paused at 5 Oct 2022")).to_be_visible()
    visit.page.wait_for_url(re.compile(r"stop=santiago&day=2022-10-05$"))
    # The route as far as the day: the leg to Santiago, not yet the one to Lima.
    visit.until(f"() => {ROUTE_LINES} === 1", frame=True)
    # Paused: nothing moves on.
    visit.after_map_timers(2500)
    assert re.search(r"day=2022-10-05$", visit.page.url)
    expect(visit.heading("2. Santiago, Chile")).to_be_visible()
    assert visit.dialogs == [] and visit.errors == []


def test_space_plays_and_a_click_on_a_marker_stops_it(server, visit):
    visit.open(server.url)
    visit.page.locator("h1").first.click()  # the focus on the page, not in a field
    visit.page.keyboard.press("Space")
    expect(play_button(visit)).to_have_text(re.compile("Pause"))
    visit.page.wait_for_url(re.compile(r"day=2022-10-0\d"))
    visit.frame.locator(".itinerary-stop", has_text=re.compile(r"^3$")).click()
    expect(visit.heading("3. Lima, Peru")).to_be_visible()
    expect(play_button(visit)).to_have_text(re.compile("Play"))
    visit.page.wait_for_url(re.compile(r"\?stop=lima$"))
    visit.until(f"() => {ROUTE_LINES} === 2", frame=True)  # the whole route again


def test_less_motion_steps_without_animation(server, visit):
    visit.page.emulate_media(reduced_motion="reduce")
    visit.open(server.url)
    play_button(visit).click()
    expect(visit.heading("3. Lima, Peru")).to_be_visible()
    names = visit.map_frame.evaluate("""[...document.querySelectorAll('path.leaflet-ant-path')]
        .map(p => getComputedStyle(p).animationName)""")
    assert set(names) <= {"none"}
    visit.page.wait_for_url(re.compile(r"day=2022-10-07$"))
    expect(play_button(visit)).to_have_text(re.compile("Play"))  # paused on the last day
    assert visit.errors == []
