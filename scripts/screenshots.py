"""Takes the README's screenshots (docs/desktop.png, docs/phone.png) in headless Chromium,
offline: the built-in trip with Lima selected, on a desktop and on a phone.

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
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
