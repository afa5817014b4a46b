"""Sessions at once: the built-in trip open in one browser session, then in ten, each
clicking markers in turn; the median click (marker to panel) of ten against one's, measured
in the same run, and the server's resident memory per open session. Then the memory of
sessions that each upload a 5,000-stop trip (an upload is held by its session alone).

It runs twice: as a reader sees the page, the route's dashes moving, and with
`prefers-reduced-motion`, the dashes still. The ten pages share one browser on the bench's
machine, so the first run also counts the browser's work of ten animations; the second is
closer to the server's own share, as ten readers on ten machines would meet it.

Run with `make bench` or `python bench/sessions.py` (after `make test` has installed
Chromium).
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import generate  # noqa: E402
from upload import rss_mb  # noqa: E402

from tests.streamlit_server import Server  # noqa: E402

SESSIONS, CLICKS = 10, 6
UPLOADS, UPLOADED_STOPS = 4, 5000  # sessions that each upload a trip of this many stops
FRAME = 'iframe[title="streamlit_folium.st_folium"]'
HEADING = """text => [...document.querySelectorAll('h3')]
    .some(h => h.textContent.startsWith(text))"""


def open_session(browser: object, url: str, motion: str) -> object:
    context = browser.new_context(viewport={"width": 1400, "height": 950},
                                  reduced_motion=motion)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(url)
    page.frame_locator(FRAME).locator(".itinerary-stop").first.wait_for()
    page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()
    return page


def click(page: object, number: int) -> float:
    """A click on marker `number` (1 to 3), until the panel heads with that stop."""
    marker = page.frame_locator(FRAME).locator(".itinerary-stop",
                                               has_text=re.compile(rf"^{number}$"))
    started = time.perf_counter()
    marker.click()
    page.wait_for_function(HEADING, arg=f"{number}.", polling="raf")
    spent = time.perf_counter() - started
    page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()
    return spent


def clicks(pages: list[object]) -> list[float]:
    """Each session clicks the three markers in turn, the sessions one after another, so
    that every click meets the others' sessions open on the server."""
    spent = []
    for round_ in range(CLICKS):
        for page in pages:
            spent.append(click(page, round_ % 3 + 1))
    return spent


def measure(browser: object, motion: str) -> tuple[float, float, float, float, float]:
    """On a server of its own: the medians of one session's clicks and ten's, and the
    server's memory idle, with one session and with ten."""
    server = Server()
    try:
        idle = rss_mb(server.process.pid)
        one = [open_session(browser, server.url, motion)]
        clicks(one)  # warm
        single = statistics.median(clicks(one))
        with_one = rss_mb(server.process.pid)
        many = one + [open_session(browser, server.url, motion) for _ in range(SESSIONS - 1)]
        together = statistics.median(clicks(many))
        with_many = rss_mb(server.process.pid)
        for page in many:
            page.context.close()
    finally:
        server.stop()
    return single, together, idle, with_one, with_many


def uploaded(browser: object) -> tuple[float, float, float]:
    """On a server of its own: its memory idle, with one session that uploaded a 5,000-stop
    trip (stops and meetings), and with `UPLOADS` such sessions open."""
    drawn = ("n => [...document.querySelectorAll('FRAME')].some(f => "
             "f.contentWindow?.itinerary?.shown?.markers.length === n)").replace("FRAME", FRAME)
    server = Server()
    pages, memory = [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            stops, meetings = generate(UPLOADED_STOPS, Path(tmp))
            idle = rss_mb(server.process.pid)
            for _ in range(UPLOADS):
                page = open_session(browser, server.url, "reduce")
                page.get_by_text("Itinerary CSV").click()
                inputs = page.locator('input[type="file"]')
                inputs.first.set_input_files(str(stops))
                inputs.nth(1).set_input_files(str(meetings))
                page.wait_for_function(drawn, arg=UPLOADED_STOPS)
                page.locator('.stApp[data-test-script-state="notRunning"]').wait_for()
                pages.append(page)
                memory.append(rss_mb(server.process.pid))
        for page in pages:
            page.context.close()
    finally:
        server.stop()
    return idle, memory[0], memory[-1]


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        for motion, said in (("no-preference", "route dashes moving"),
                             ("reduce", "route dashes still (prefers-reduced-motion)")):
            single, together, idle, with_one, with_many = measure(browser, motion)
            print(f"{said}: click → panel, median: one session {single:.2f} s; {SESSIONS} "
                  f"sessions open {together:.2f} s (×{together / single:.2f})")
            print(f"  server memory: {idle:.0f} MB idle, {with_one:.0f} MB with one session, "
                  f"{with_many:.0f} MB with {SESSIONS}: about "
                  f"{(with_many - with_one) / (SESSIONS - 1):.1f} MB per further session")
        idle, with_one, with_all = uploaded(browser)
        print(f"sessions that each uploaded {UPLOADED_STOPS:,} stops: server memory {idle:.0f} "
              f"MB idle, {with_one:.0f} MB with one, {with_all:.0f} MB with {UPLOADS}: about "
              f"{(with_all - with_one) / (UPLOADS - 1):.1f} MB per further session")
        browser.close()


if __name__ == "__main__":
    main()
