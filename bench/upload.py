"""Upload benchmark: a 461,000-stop CSV through the browser, and what the server keeps.

Run with `make bench` or `python bench/upload.py`. It writes an itinerary of 461,000 located
stops (19 MB, under the uploader's 20 MB limit), starts `streamlit run` with a short
`server.disconnectedSessionTTL`, and in headless Chromium:

- opens the built-in trip first, the baseline: time to its markers, and the server's
  resident memory with that session open;
- then, in several sessions one after another, uploads the file and times it until the map
  has drawn its 20,000 newest stops and the notice says so; the server's memory is read
  with the session open and again after it closed and its time to live passed.

Ratios are against the baseline measured in the same run. The drawn limit is what keeps the
tab alive (before it, this upload froze it for over 400 s); the memory after each closed
session shows whether the server freed what the session held.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.streamlit_server import Server  # noqa: E402

STOPS = 461_000
SESSIONS = 3
TTL_S = 5
SETTLE_S = 5
FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MARKERS_DRAWN = """n => [...document.querySelectorAll('FRAME')].some(f => {
    const w = f.contentWindow;
    return w?.itinerary?.shown?.markers.length === n
        && w.document.querySelector('.leaflet-marker-icon') !== null;
})""".replace("FRAME", FRAME)


def generate(path: Path, n: int = STOPS, seed: int = 5) -> None:
    """n located stops at real towns, a few a day from 1900 on, in short rows."""
    from itinerary.geocoding import countries
    from itinerary.geocoding.gazetteer import Gazetteer

    rng = random.Random(seed)
    towns = [(name, countries.country(cc), lat, lon)
             for name, cc, lat, lon in Gazetteer().towns(100_001) if "," not in name]
    # Short names, as the 19.5 MB file had: 461,000 rows under the 20 MB limit.
    towns = [(name, info.name, lat, lon) for name, info, lat, lon in towns
             if info is not None and len(name) <= 8 and len(info.name) <= 8]
    with path.open("w", encoding="utf-8") as out:
        out.write("stop_id,place,country,start_date,lat,lon\n")
        for i in range(n):
            name, country, lat, lon = rng.choice(towns)
            day = date(1900, 1, 1) + timedelta(days=i * 70_000 // n)
            out.write(f"{_base36(i)},{name},{country},{day},{lat:.2f},{lon:.2f}\n")


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        n, r = divmod(n, 36)
        text = digits[r] + text
        if n == 0:
            return text


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def open_page(browser: object, url: str) -> tuple[object, object]:
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(600_000)
    page.goto(url)
    return context, page


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "stops461k.csv"
        generate(path)
        size_mb = path.stat().st_size / 1e6  # as the uploader counts
        server = Server(options={"server.disconnectedSessionTTL": TTL_S})
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        pid = server.process.pid
        try:
            started = time.perf_counter()
            context, page = open_page(browser, server.url)
            page.wait_for_function(MARKERS_DRAWN, arg=3)
            base_s, base_mb = time.perf_counter() - started, rss_mb(pid)
            context.close()
            rows = []
            for _ in range(SESSIONS):
                context, page = open_page(browser, server.url)
                page.wait_for_function(MARKERS_DRAWN, arg=3)
                page.get_by_text("Itinerary CSV").click()
                started = time.perf_counter()
                page.locator('input[type="file"]').first.set_input_files(str(path))
                page.get_by_text("The map shows the 20,000 newest of 461,000 stops").wait_for()
                page.wait_for_function(MARKERS_DRAWN, arg=20_000)
                upload_s, open_mb = time.perf_counter() - started, rss_mb(pid)
                context.close()
                time.sleep(TTL_S + 2)
                # Streamlit drops expired sessions when it next stores one: when another
                # visit ends.
                context, page = open_page(browser, server.url)
                page.wait_for_function(MARKERS_DRAWN, arg=3)
                context.close()
                time.sleep(SETTLE_S)  # the expired session is collected, then trimmed
                rows.append((upload_s, open_mb, rss_mb(pid)))
        finally:
            browser.close()
            server.stop()
    print(f"| session | stops drawn | time (s) | server memory open (MB) | "
          f"after close (MB) |\n|---|---:|---:|---:|---:|\n"
          f"| built-in trip (baseline) | 3 | {base_s:.1f} | {base_mb:.0f} | |")
    for n, (upload_s, open_mb, closed_mb) in enumerate(rows, start=1):
        print(f"| upload {n}: {STOPS:,} stops, {size_mb:.1f} MB | 20,000 | {upload_s:.1f} "
              f"({upload_s / base_s:.0f}×) | {open_mb:.0f} ({open_mb / base_mb:.1f}×) | "
              f"{closed_mb:.0f} ({closed_mb / base_mb:.1f}×) |")


if __name__ == "__main__":
    main()
