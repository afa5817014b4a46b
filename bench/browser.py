"""Browser benchmark: the dashboard in headless Chromium at 3, 5,000 and 20,000 stops.

Run with `make bench` (after `make test` has installed Chromium) or
`python bench/browser.py`. For each size it starts `streamlit run`, then in several fresh
browser contexts (no network beyond the local server) measures:

- first marker: from `goto` to the first marker (or cluster of markers) on the map, and
  beside it a blank Streamlit page's first text, Streamlit's own floor;
- load: from `goto` to every marker drawn on the map;
- click: from a click on a marker to the side panel showing that stop;
- picker: from choosing a stop in the panel's stop picker to the panel showing it, the
  baseline for the click (the same rerun, with no map click to report);
- filter: from a change of the start date to the map redrawn with the remaining stops.

The sizes run on servers side by side, one run of each in turn after a run of each to
warm up, and the larger trips' figures are also given as a ratio to the 3-stop ones
measured in the same run. It prints the median of the runs, in seconds.
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import generate  # noqa: E402

from itinerary.config import SEED_STOPS  # noqa: E402
from tests.streamlit_server import Server  # noqa: E402

RUNS = 5
# The generated trips' sizes, beside the built-in trip's 3 stops.
LARGE = (5000, 20000)
FRAME = 'iframe[title="streamlit_folium.st_folium"]'
FIRST_MARKER = """() => [...document.querySelectorAll('FRAME')].some(f =>
    f.contentWindow && f.contentWindow.document.querySelector(
        '.itinerary-stop, .marker-cluster, .leaflet-marker-pane > *'))""".replace("FRAME", FRAME)
MARKERS_DRAWN = """n => [...document.querySelectorAll('FRAME')].some(f => {
    const w = f.contentWindow;
    return w?.itinerary?.shown?.markers.length === n
        && w.document.querySelector('.leaflet-marker-icon') !== null;
})""".replace("FRAME", FRAME)
HEADING = """text => [...document.querySelectorAll('h3')]
    .some(h => h.textContent.startsWith(text))"""
# Markers are clustered where they crowd: zoom close to one stop that stands alone at its
# place first, so that it is drawn on its own (zooming is not timed); then find a marker
# inside the visible map. The page may fit the map to the trip again just after it is
# drawn: zoom until it holds.
ZOOM_TO_A_STOP = """() => {
    const all = window.itinerary.shown.group.getLayers(), at = new Map();
    // Cells of half a degree: a stop alone in its cell and the eight around it has no
    // other within about 50 km, so at zoom 12 nothing clusters with it (at 20,000 stops,
    // a stop alone at its own point still had neighbours a few km away).
    const cell = (lat, lon) => Math.floor(lat * 2) + ":" + Math.floor(lon * 2);
    for (const m of all) {
        const p = m.getLatLng(), key = cell(p.lat, p.lng);
        at.set(key, (at.get(key) || 0) + 1);
    }
    const around = m => {
        const p = m.getLatLng();
        let n = 0;
        for (const dy of [-0.5, 0, 0.5]) for (const dx of [-0.5, 0, 0.5])
            n += at.get(cell(p.lat + dy, p.lng + dx)) || 0;
        return n;
    };
    const alone = all.filter(m => around(m) === 1);
    const stop = alone[Math.floor(alone.length / 2)] || all[Math.floor(all.length / 2)];
    if (window.map.getZoom() !== ZOOM) window.map.setView(stop.getLatLng(), ZOOM, {animate: false});
    return window.map.getZoom() === ZOOM;
}""".replace("ZOOM", "12")
MARKER_POINT = """() => {
    const map = window.map, size = map.getSize();
    for (const marker of window.itinerary.shown.group.getLayers()) {
        if (!map.hasLayer(marker)) continue;
        const p = map.latLngToContainerPoint(marker.getLatLng());
        // Clear of the zoom and layer controls, the scale and the attribution.
        if (p.x > 70 && p.y > 80 && p.x < size.x - 70 && p.y < size.y - 50) return [p.x, p.y];
    }
    return null;
}"""


class Missed(Exception):
    """A run that found nothing to click: retried, as a failed wait is."""


def places_between(stops: Path, start: date | None = None) -> tuple[int, date, date]:
    """Markers (one a stop) of the stops from `start` on, and the trip's dates."""
    rows = list(csv.DictReader(stops.open(encoding="utf-8")))
    first = min(date.fromisoformat(r["start_date"]) for r in rows)
    last = max(date.fromisoformat(r["end_date"] or r["start_date"]) for r in rows)
    start = start or first
    shown = [r for r in rows if date.fromisoformat(r["end_date"] or r["start_date"]) >= start]
    return len(shown), first, last


def one_run(browser: object, url: str, markers: int, field: str, value: str,
            markers_after: int) -> tuple[float, float, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    page: Page = context.new_page()
    page.set_default_timeout(60_000)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(FIRST_MARKER, polling="raf")
    first = time.perf_counter() - started
    page.wait_for_function(MARKERS_DRAWN, arg=markers)
    load = time.perf_counter() - started

    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function(ZOOM_TO_A_STOP, polling=100)
    page.wait_for_timeout(300)  # the clusters redraw after the zoom
    frame.wait_for_function(ZOOM_TO_A_STOP, polling=100)
    point = frame.evaluate(MARKER_POINT)
    if point is None:  # the clusters were still being made when it looked
        raise Missed("no single marker in view to click")
    x, y = point
    box = page.locator(FRAME).bounding_box()
    started = time.perf_counter()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_function(HEADING, arg="", polling="raf")
    click = time.perf_counter() - started

    page.get_by_role("combobox", name=re.compile("^Stop")).click()
    option = page.get_by_role("option").nth(1)  # the first stop, or the second if it is
    if option.get_attribute("aria-selected") == "true":
        option = page.get_by_role("option").nth(2)
    label = option.inner_text().rsplit(" (", 1)[0]
    started = time.perf_counter()
    option.click()
    page.wait_for_function(HEADING, arg=label, polling="raf")
    picker = time.perf_counter() - started

    spin = page.get_by_role("spinbutton", name=f"{field}, Dates start date")
    spin.click()
    spin.type(value)
    started = time.perf_counter()
    page.keyboard.press("Escape")
    page.locator("h1").first.click()  # the range commits when the field loses focus
    page.wait_for_function(MARKERS_DRAWN, arg=markers_after)
    flt = time.perf_counter() - started
    context.close()
    return first, load, click, picker, flt


class Scenario:
    """One size of trip on its own server, with what each run waits for."""

    def __init__(self, label: str, stops: Path, args: list[str], field: str, value: str,
                 new_start: date) -> None:
        self.label, self.field, self.value = label, field, value
        self.markers, _, _ = places_between(stops)
        self.after, _, _ = places_between(stops, new_start)
        self.server = Server(*args)
        self.runs: list[tuple[float, ...]] = []
        self.failures = 0

    def run(self, browser: object) -> None:
        while True:
            try:
                self.runs.append(one_run(browser, self.server.url, self.markers, self.field,
                                         self.value, self.after))
                return
            except (PlaywrightError, Missed) as exc:  # a missed click or a slow page: say so, retry
                self.failures += 1
                print(f"{self.label} stops: a run failed ({str(exc).splitlines()[0]}); "
                      "retrying", file=sys.stderr)
                if self.failures > RUNS:
                    raise

    def medians(self) -> list[float]:
        counted = self.runs[1:]  # the first run warms the server's caches
        return [statistics.median(r[i] for r in counted) for i in range(5)]


def blank_page(browser: object, server: Server) -> float:
    """From `goto` to a blank Streamlit page's line of text: Streamlit's own floor."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    page: Page = context.new_page()
    started = time.perf_counter()
    page.goto(server.url)
    page.get_by_text("A line of text.").wait_for()
    spent = time.perf_counter() - started
    context.close()
    return spent


def large(n: int, folder: Path) -> Scenario:
    """A generated trip of `n` stops, filtered to start ten years after its first day."""
    stops, meetings = generate(n, folder)
    _, first, _ = places_between(stops)
    later = date(first.year + 10, first.month, first.day)
    return Scenario(f"{n:,}", stops, [str(stops), str(meetings)], "year", str(later.year),
                    later)


def main() -> None:
    blank_runs: list[float] = []
    lines = ["| stops | markers | load → first marker (s) | load → all markers drawn (s) | "
             "marker click → panel (s) | stop picker → panel (s) | click ÷ picker | "
             "filter change → map redrawn (s) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        blank = Server(script=ROOT / "bench" / "blank_app.py")
        small = Scenario("3", SEED_STOPS, [], "day", "05", date(2022, 10, 5))
        scenarios = [small, *(large(n, Path(tmp)) for n in LARGE)]
        try:
            for _ in range(RUNS + 1):
                blank_runs.append(blank_page(browser, blank))
                for scenario in scenarios:
                    scenario.run(browser)
        finally:
            blank.stop()
            for scenario in scenarios:
                scenario.server.stop()
        browser.close()
    base = small.medians()
    for scenario in scenarios:
        figures = scenario.medians()
        cells = [f"{x:.2f}" + (f" ({x / b:.2f}×)" if scenario is not small else "")
                 for x, b in zip(figures, base, strict=True)]
        cells.insert(4, f"{figures[2] / figures[3]:.2f}")
        lines.append(f"| {scenario.label} | {scenario.markers:,} | " + " | ".join(cells) + " |")
    print("\n".join(lines))
    floor = statistics.median(blank_runs[1:])
    print(f"A blank Streamlit page shows its text in {floor:.2f} s; the built-in trip's first "
          f"marker in {base[0]:.2f} s ({base[0] / floor:.2f}× the blank page).")


if __name__ == "__main__":
    main()
