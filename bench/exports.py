"""Export benchmark: how long each format takes, and how big it is, for the built-in trip
and for 5,000 generated stops, against a baseline measured in the same run.

Run with `make bench` or `python bench/exports.py`. The baseline is the least any export
must do: the stops written as plain JSON (`json.dumps` of a dict per stop). Ratios are
format / baseline at the same size; the seconds are the median of five runs.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale import generate  # noqa: E402
from itinerary.config import SEED_MEETINGS, SEED_STOPS  # noqa: E402
from itinerary.exports import FORMATS, export  # noqa: E402
from itinerary.geocoding import place_trip  # noqa: E402
from itinerary.model import Trip  # noqa: E402
from itinerary.sources.stops import load_trip  # noqa: E402

RUNS = 5


def baseline(trip: Trip) -> bytes:
    return json.dumps([{"id": s.stop_id, "place": s.place, "lat": s.lat, "lon": s.lon,
                        "start": s.start.isoformat(), "end": s.end.isoformat(),
                        "summary": s.summary} for s in trip.stops]).encode()


def timed(make, trip: Trip) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        size = len(make(trip))
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stops, meetings = generate(5000, Path(tmp))
        trips = {3: place_trip(load_trip(SEED_STOPS, SEED_MEETINGS))[0],
                 5000: place_trip(load_trip(stops, meetings))[0]}
    print(f"{'format':10}" + "".join(f"{f'{n:,} stops: s (ratio)':>26}{'KB':>9}"
                                     for n in trips))
    base = {n: timed(baseline, trip) for n, trip in trips.items()}
    rows = [("baseline", baseline), *((name, lambda t, n=name: export(t, n))
                                      for name in FORMATS)]
    for name, make in rows:
        cells = ""
        for n, trip in trips.items():
            seconds, size = base[n] if name == "baseline" else timed(make, trip)
            cells += f"{seconds:>15.4f} ({seconds / base[n][0]:>7.1f}){size / 1024:>9,.0f}"
        print(f"{name:10}{cells}")


if __name__ == "__main__":
    main()
