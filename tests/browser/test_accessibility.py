"""axe-core in the page and in the map's frame, on a desktop and a phone: no serious or
critical violation (WCAG AA contrast among them) in the overview, a selected stop, the
record browser and playback."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from tests.browser.conftest import DESKTOP, PHONE, Visit

pytestmark = pytest.mark.browser

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
SERIOUS = """() => axe.run(document, {resultTypes: ["violations"]}).then(found =>
    found.violations.filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", ")))"""


def serious(target) -> list[str]:
    target.evaluate(AXE + "\n;0")  # as a script of the page itself, not of a module
    return target.evaluate(SERIOUS)


def overview(visit: Visit, url: str) -> None:
    visit.open(url)


def a_stop(visit: Visit, url: str) -> None:
    visit.open(url + "?stop=santiago")
    visit.heading("2. Santiago, Chile").wait_for()


def the_record(visit: Visit, url: str) -> None:
    visit.open(url + "?who=blinken-antony-j&trip=2022-10-03")
    visit.page.get_by_text("Browse the record").click()
    visit.page.get_by_text("Every Secretary of State").wait_for()


def playing(visit: Visit, url: str) -> None:
    visit.open(url)
    visit.page.get_by_role("button", name="Play").click()
    visit.page.get_by_text("Playing ").wait_for()


STATES = {"overview": overview, "stop": a_stop, "record": the_record, "playing": playing}
SIZES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("state", list(STATES))
def test_no_serious_violation_in_the_page_or_the_map(server, browser, state, size):
    visit = Visit(browser, SIZES[size])
    try:
        STATES[state](visit, server.url)
        visit.settled()
        assert serious(visit.page) == []
        assert serious(visit.map_frame) == []
    finally:
        visit.close()
