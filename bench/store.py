"""The store of saved trips, timed on SQLite and on a PostgreSQL server started here, side
by side in one run (ratios against baselines measured in the same run):

- opening the built-in trip by a saved link against opening it from its CSV files, as the
  page does (AppTest, best of several runs);
- saving a 5,000-stop trip;
- opening and saving with 10,000 saved trips and 100,000 versions in the store, against
  the same in an empty store, with the process's memory and the database's size.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract import best_of  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from itinerary.config import SEED_MEETINGS, SEED_STOPS  # noqa: E402
from itinerary.model import Stop, Trip  # noqa: E402
from itinerary.sources.export import meetings_to_csv, stops_to_csv  # noqa: E402
from itinerary.sources.stops import load_trip  # noqa: E402
from itinerary.store import TripStore, open_store  # noqa: E402
from itinerary.store.keys import digest, new_id  # noqa: E402
from itinerary.store.schema import trips, versions  # noqa: E402
from tests.postgres_server import Postgres  # noqa: E402

RUNS = 5
TRIPS, VERSIONS_EACH = 10_000, 10


def best(run) -> float:
    return best_of(run, RUNS)[0]


def page_open(url: str) -> tuple[float, float]:
    """The page opened on the built-in trip, and on the same trip by its saved link."""
    from streamlit.testing.v1 import AppTest

    os.environ["ITINERARY_DATABASE_URL"] = url
    saved = open_store(url).create(load_trip(SEED_STOPS, SEED_MEETINGS,
                                             title="Blinken · Colombia, Chile and Peru, "
                                                   "Oct 2022"), origin="bench")

    def open_page(query: dict[str, str]) -> None:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for name, value in query.items():
            at.query_params[name] = value
        at.run()
        assert not at.exception

    open_page({})
    open_page({"saved": saved.trip_id})  # warm: the store opened, the trip placed
    return best(lambda: open_page({})), best(lambda: open_page({"saved": saved.trip_id}))


def big_trip(count: int) -> Trip:
    first = date(2000, 1, 1)
    return Trip(tuple(Stop(f"s{i}", f"Town {i}", "Peru", first + timedelta(days=i),
                           first + timedelta(days=i), summary="A stop of the benchmark.")
                      for i in range(count)), title="big")


def fill(store: TripStore, trip: Trip) -> None:
    """TRIPS trips of VERSIONS_EACH versions each, written in bulk."""
    stops, meetings = stops_to_csv(trip.stops), meetings_to_csv(trip.meetings)
    now = datetime.now(UTC)
    with store.engine.begin() as connection:
        for _ in range(TRIPS // 1000):
            ids = [new_id() for _ in range(1000)]
            connection.execute(insert(trips), [{"id": i, "key_digest": digest(i),
                                                "created": now} for i in ids])
            connection.execute(insert(versions), [
                {"trip_id": i, "number": n, "saved": now, "title": trip.title,
                 "origin": "bench", "stops_csv": stops, "meetings_csv": meetings,
                 "stops": len(trip.stops), "changes": "bench"}
                for i in ids for n in range(1, VERSIONS_EACH + 1)])


def open_and_save(store: TripStore, trip: Trip) -> tuple[float, float]:
    saved = store.create(trip, origin="bench")
    version = [saved.version]

    def save() -> None:
        changed = replace(trip, stops=(replace(trip.stops[0], summary=str(version[0])),
                                       *trip.stops[1:]))
        version[0] = store.save(saved.trip_id, saved.key, changed, base=version[0],
                                origin="bench")

    return best(lambda: store.open(saved.trip_id)), best(save)


def size(store: TripStore) -> str:
    engine = store.engine
    if engine.dialect.name == "sqlite":
        return f"{Path(engine.url.database).stat().st_size / 1e6:.0f} MB file"
    with engine.connect() as connection:
        found = connection.execute(select(func.pg_database_size(func.current_database())))
        return f"{found.scalar() / 1e6:.0f} MB database"


def back_end(name: str, url: str, seed: Trip) -> None:
    store = open_store(url)
    start = time.perf_counter()
    store.create(big_trip(5_000), origin="bench")
    create = time.perf_counter() - start
    big = big_trip(5_000)
    saved = store.create(big, origin="bench")
    start = time.perf_counter()
    store.save(saved.trip_id, saved.key, replace(big, stops=big.stops[1:]), base=1,
               origin="bench")
    save_big = time.perf_counter() - start
    print(f"{name}: a 5,000-stop trip: first save {create:.2f} s, a new version "
          f"{save_big:.2f} s")
    empty_open, empty_save = open_and_save(store, seed)
    start = time.perf_counter()
    fill(store, seed)
    filled = time.perf_counter() - start
    full_open, full_save = open_and_save(store, seed)
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name}: {TRIPS:,} trips and {TRIPS * VERSIONS_EACH:,} versions written in "
          f"{filled:.1f} s ({size(store)}); open {full_open * 1000:.1f} ms against "
          f"{empty_open * 1000:.1f} ms empty (×{full_open / empty_open:.2f}), save "
          f"{full_save * 1000:.1f} ms against {empty_save * 1000:.1f} ms "
          f"(×{full_save / empty_save:.2f}); process peak memory {memory:.0f} MB")


def main() -> None:
    seed = load_trip(SEED_STOPS, SEED_MEETINGS, title="Seed")
    folder = Path(tempfile.mkdtemp(prefix="itinerary-bench-store-"))
    os.environ.setdefault("ITINERARY_CACHE_DIR", str(folder / "cache"))
    csv_open, link_open = page_open(f"sqlite:///{folder / 'page.sqlite'}")
    print(f"page opened: from CSV {csv_open:.2f} s, by its saved link {link_open:.2f} s "
          f"(×{link_open / csv_open:.2f})")
    back_end("SQLite", f"sqlite:///{folder / 'trips.sqlite'}", seed)
    server = Postgres()
    try:
        back_end("PostgreSQL", server.url(), seed)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
