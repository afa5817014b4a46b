"""Scale benchmark: the dashboard at 10 to 20,000 stops against a naive baseline.

Run with `make bench`. For each size it generates an itinerary of real places (GeoNames
towns from the gazetteer, given coordinates so geocoding is not what is timed), random
dates and meetings, then measures in a fresh process for each app:

- build: building the folium map and rendering it to HTML;
- payload: the map's HTML/JS the browser receives (the component's arguments);
- filter, click: the app's rerun time with Streamlit's AppTest after a date-filter change
  and after a marker click (median of several runs);
- resent: what a click's rerun sends the browser again, in KB. Streamlit sends a message
  of 10 KB or more only as a reference when the browser holds the same message already, so
  what is resent is each element whose message changed since the last click, and every
  small one. The largest of them are named;
- memory: the process's resident memory after those runs.

The baseline is `bench/naive_app.py`: one folium.Marker with a popup per stop, the whole
map rebuilt on every rerun. Ratios are itinerary / naive, measured in the same run.
"""

from __future__ import annotations

import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZES = (10, 100, 1000, 5000, 20000)
RUNS = 5


def generate(n: int, folder: Path, seed: int = 7) -> tuple[Path, Path]:
    """An itinerary of n stops at real towns, with a meeting at about half of them."""
    from itinerary.geocoding import countries
    from itinerary.geocoding.gazetteer import Gazetteer

    rng = random.Random(seed)
    towns = Gazetteer().towns(50_001)
    day = date(1900, 1, 1)  # 20,000 stops at about two days each stay before 2100
    stops, meetings = [], []
    for i in range(n):
        name, cc, lat, lon = rng.choice(towns)
        info = countries.country(cc)
        length = rng.choice((0, 0, 1, 2))
        stop_id = f"s{i + 1}"
        stops.append([stop_id, name, info.name if info else cc, day.isoformat(),
                      (day + timedelta(days=length)).isoformat(), f"{lat:.5f}", f"{lon:.5f}",
                      f"Visit {i + 1} to {name}."])
        if rng.random() < 0.5:
            meetings.append([stop_id, "", f"Official {i}, Minister", "trade;security",
                             "Talks on trade.", "", ""])
        day += timedelta(days=length + rng.choice((0, 1, 3)))
    stops_path, meetings_path = folder / f"stops{n}.csv", folder / f"meetings{n}.csv"
    with stops_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["stop_id", "place", "country", "start_date", "end_date", "lat", "lon",
                         "summary"])
        writer.writerows(stops)
    with meetings_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["stop_id", "date", "with", "topics", "summary", "quote", "quote_by"])
        writer.writerows(meetings)
    return stops_path, meetings_path


def measure(app: str, stops: Path, meetings: Path) -> dict:
    """Run in a fresh process: build, payload, filter and click reruns, memory."""
    import streamlit_folium  # noqa: F401  (imported before timing, as the app has it)
    from streamlit.testing.v1 import AppTest

    script = ROOT / ("app.py" if app == "itinerary" else "bench/naive_app.py")
    sys.argv = [str(script), str(stops), *([str(meetings)] if app == "itinerary" else [])]
    result = {"build": _build_time(app, stops, meetings)}
    at = AppTest.from_file(str(script), default_timeout=600).run()
    assert not at.exception, [e.value for e in at.exception]
    element = at.get("component_instance")[0]
    result["payload"] = len(element.proto.json_args.encode())
    first, last = at.date_input[0].value
    middle = first + (last - first) / 4, last - (last - first) / 4
    # The naive app takes seconds a rerun at thousands of stops: fewer runs there.
    runs = RUNS if app == "itinerary" or len(_places(at)) < 5000 else 3
    filters = []
    for i in range(runs):
        started = time.perf_counter()
        at.date_input[0].set_value(middle if i % 2 == 0 else (first, last)).run()
        filters.append(time.perf_counter() - started)
    result["filter"] = statistics.median(filters)
    at.date_input[0].set_value((first, last)).run()  # every stop clickable again
    places = _places(at)
    clicks, sent = [], [_messages(at)]
    for i in range(runs):
        lat, lon = places[(i * 7919) % len(places)]
        value = {"last_object_clicked": {"lat": lat, "lng": lon},
                 "last_object_clicked_count": i + 1}
        key = "map" if app == "itinerary" else at.get("component_instance")[0].key
        at.session_state[key] = value
        started = time.perf_counter()
        at.run()
        clicks.append(time.perf_counter() - started)
        sent.append(_messages(at))
        if app == "itinerary":  # the click really selected a stop
            assert at.session_state["selected_stop"], "click selected nothing"
    result["click"] = statistics.median(clicks)
    resent = _resent(sent[-2], sent[-1])
    result["resent"] = sum(resent.values())
    result["largest"] = ", ".join(f"{name} {size / 1024:,.0f}" for name, size in
                                  sorted(resent.items(), key=lambda kv: -kv[1])[:3])
    result["memory"] = _rss_mb()
    return result


MIN_CACHED = 10_000  # Streamlit's global.minCachedMessageSize, by default


def _messages(at: object) -> dict[str, bytes]:
    """Each element's message after a run, by its place on the page and its kind."""
    found: dict[str, bytes] = {}

    def walk(node: object, path: str) -> None:
        children = getattr(node, "children", None)
        if children:
            for index, child in children.items():
                walk(child, f"{path}.{index}")
        elif getattr(node, "proto", None) is not None:
            key = getattr(node, "key", None) or node.type
            found[f"{path} {key}"] = node.proto.SerializeToString()

    walk(at._tree, "")
    return found


def _resent(before: dict[str, bytes], after: dict[str, bytes]) -> dict[str, int]:
    """What a rerun sends again, by kind of element (the sizes of all the elements of one
    kind, such as every markdown, added up): each changed, or too small to be cached."""
    sizes: Counter[str] = Counter()
    for path, message in after.items():
        if len(message) < MIN_CACHED or before.get(path) != message:
            sizes[path.split(" ", 1)[1]] += len(message)
    return dict(sizes)


def _build_time(app: str, stops: Path, meetings: Path) -> float:
    import folium

    from itinerary.render.map import build_map
    from itinerary.sources.stops import load_trip

    trip = load_trip(stops, meetings)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        if app == "itinerary":
            build_map(trip, base="../files/").get_root().render()
        else:
            m = folium.Map(location=(20, 0), zoom_start=2)
            for s in trip.stops:
                folium.Marker((s.lat, s.lon), popup=f"{s.place}, {s.country}<br>{s.summary}",
                              tooltip=s.place).add_to(m)
            folium.PolyLine([(s.lat, s.lon) for s in trip.stops]).add_to(m)
            m.get_root().render()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _places(at: object) -> list[tuple[float, float]]:
    from itinerary.sources.stops import load_trip

    stops = list(load_trip(Path(sys.argv[1])).stops)
    return [(s.lat, s.lon) for s in stops]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_one(app: str, stops: Path, meetings: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", app, str(stops), str(meetings)],
                         capture_output=True, text=True, check=False, cwd=ROOT,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if out.returncode != 0:
        raise SystemExit(f"{app} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(rows: list[tuple[int, dict, dict]]) -> str:
    lines = ["| stops | build ms (ratio) | payload KB (ratio) | filter rerun ms (ratio) | "
             "click rerun ms (ratio) | click resends KB (ratio) | memory MB (ratio) | "
             "largest resent, KB |", "|---:|---:|---:|---:|---:|---:|---:|:---|"]
    for n, ours, base in rows:
        cells = [f"{ours[key] * scale:,.0f} ({ours[key] / base[key]:.2f})"
                 for key, scale in (("build", 1000), ("payload", 1 / 1024), ("filter", 1000),
                                    ("click", 1000), ("resent", 1 / 1024), ("memory", 1))]
        lines.append(f"| {n:,} | " + " | ".join(cells) + f" | {ours['largest']} |")
    return "\n".join(lines)


def main(sizes: tuple[int, ...]) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            stops, meetings = generate(n, Path(tmp))
            ours = run_one("itinerary", stops, meetings)
            base = run_one("naive", stops, meetings)
            rows.append((n, ours, base))
            print(f"{n:>6} stops: itinerary {json.dumps(_rounded(ours))}; naive "
                  f"{json.dumps(_rounded(base))}", file=sys.stderr, flush=True)
    print(table(rows))


def _rounded(result: dict) -> dict:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        app, stops, meetings = sys.argv[2:5]
        print(json.dumps(measure(app, Path(stops), Path(meetings))))
    else:
        main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
