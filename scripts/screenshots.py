"""Takes the README's screenshots in headless Chromium, offline: the built-in trip with Lima
selected, on a desktop and on a phone (docs/desktop.png, docs/phone.png), and Blinken's
October 2022 trip compared with Rubio's February 2025 trip, the record's tables open
(docs/compare.png).

Run: .venv/bin/python scripts/screenshots.py (after `make test` has installed Chromium).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.streamlit_server import Server  # noqa: E402

FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def main() -> None:
    server = Server()
    SERVER_URL.append(server.url)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                        args=["--no-sandbox", "--disable-gpu",
                                              "--disable-background-networking"])
            for name, size, phone in (("desktop", {"width": 1400, "height": 900}, False),
                                      ("phone", {"width": 390, "height": 844}, True)):
                context = browser.new_context(viewport=size, is_mobile=phone, has_touch=phone,
                                              device_scale_factor=1)
                context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"),
                              lambda route: route.abort())
                page = context.new_page()
                page.goto(server.url)
                marker = page.frame_locator(FRAME).locator(".itinerary-stop",
                                                          has_text=re.compile("^3$"))
                marker.tap() if phone else marker.click()
                page.get_by_role("heading", name="3. Lima, Peru").wait_for()
                page.wait_for_timeout(1500)
                if phone:  # the page as the phone shows it first: title, map, timeline
                    page.evaluate("""() => document.querySelector('[data-testid="stMain"]')
                                     .scrollTo(0, 0)""")
                    page.wait_for_timeout(500)
                page.screenshot(path=str(ROOT / "docs" / f"{name}.png"))
                context.close()
            compare(browser)
            browser.close()
    finally:
        server.stop()


def compare(browser: object) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1500},
                                  device_scale_factor=1)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{SERVER_URL[0]}?who=blinken-antony-j&trip=2022-10-03&who=rubio-marco"
              "&trip=2025-02-01")
    page.frame_locator(FRAME).locator(".itinerary-legend").wait_for()
    page.get_by_text("Browse the record: travellers, trips and countries").click()
    page.wait_for_timeout(2000)
    page.screenshot(path=str(ROOT / "docs" / "compare.png"))
    context.close()


SERVER_URL: list[str] = []


if __name__ == "__main__":
    main()
