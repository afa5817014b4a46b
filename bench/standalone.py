"""Standalone map benchmark: the size of `itinerary map`'s HTML file at 3 and 5,000 stops.

Run with `make bench`. The file holds every script, style and the country outlines, so it
opens from disk with no network; the stops travel as compact arrays and their tooltips and
popups (with every meeting) are built in the browser. The baseline, measured in the same
run, is plain folium: a `folium.Marker` with a tooltip and a popup of the same text per
stop, and Leaflet and the rest linked from CDNs (so neither offline nor counted).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import generate  # noqa: E402

from itinerary.cli import main as cli  # noqa: E402
from itinerary.config import SEED_MEETINGS, SEED_STOPS  # noqa: E402
from itinerary.sources.stops import load_trip  # noqa: E402


def ours(stops: Path, meetings: Path, out: Path) -> tuple[int, float]:
    started = time.perf_counter()
    assert cli(["map", str(stops), "--meetings", str(meetings), "-o", str(out)]) == 0
    return out.stat().st_size, time.perf_counter() - started


def naive(stops: Path, meetings: Path, out: Path) -> tuple[int, float]:
    import folium

    from itinerary.geocoding import place_trip

    started = time.perf_counter()
    trip, _ = place_trip(load_trip(stops, meetings))
    m = folium.Map(location=(20, 0), zoom_start=2)
    for s in trip.stops:
        said = "".join(f"<p><b>{x.with_}</b><br>{x.summary}</p>"
                       for x in trip.meetings_at(s.stop_id))
        tooltip = f"{trip.number(s.stop_id)}. {s.label}<br>{s.dates}"
        popup = f"<h4>{s.label}</h4><p>{s.dates}</p><p>{s.summary}</p>{said}"
        folium.Marker((s.lat, s.lon), tooltip=tooltip, popup=popup).add_to(m)
    folium.PolyLine([(s.lat, s.lon) for s in trip.stops]).add_to(m)
    m.save(str(out))
    return out.stat().st_size, time.perf_counter() - started


def main() -> None:
    lines = ["| stops | itinerary file KB (offline) | plain folium KB (CDN links) | ratio | "
             "itinerary writes it in (s) |", "|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [("3", SEED_STOPS, SEED_MEETINGS), ("5,000", *generate(5000, folder))]
        for label, stops, meetings in cases:
            size, seconds = ours(stops, meetings, folder / "ours.html")
            base, _ = naive(stops, meetings, folder / "naive.html")
            lines.append(f"| {label} | {size / 1024:,.0f} | {base / 1024:,.0f} | "
                         f"{size / base:.2f} | {seconds:.2f} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
