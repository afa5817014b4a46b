"""A small on-disk cache of geocoding answers, in SQLite in the user's cache directory.

Only answers are cached, not misses, so a place the gazetteer lacks can still be found
online later. A cache that cannot be opened or written is bypassed with a warning: it costs
speed, never a result.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from geopy.location import Location

from itinerary.config import cache_dir
from itinerary.geocoding.index import INDEX_VERSION
from itinerary.names import normalize

SOURCE = "cache"
_SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY, address TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    precision TEXT NOT NULL, source TEXT NOT NULL)"""


class GeocodeCache:
    """Geocoding answers keyed by (place, country hint), per answering geocoder version."""

    def __init__(self, path: Path | None = None) -> None:
        # The gazetteer's version is in the name so that a better gazetteer is not hidden
        # behind the answers of an older one.
        self.path = path or cache_dir() / f"geocode-cache-v{INDEX_VERSION}.sqlite"
        self.warnings: list[str] = []
        self._conn: sqlite3.Connection | None = None
        self._disabled = False

    def get(self, place: str, country: str) -> Location | None:
        conn = self._connect()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT address, lat, lon, precision, source FROM answers "
                               "WHERE key = ?", (_key(place, country),)).fetchone()
        except sqlite3.Error as exc:
            self._disable(f"could not read it ({exc})")
            return None
        if row is None:
            return None
        address, lat, lon, precision, source = row
        return Location(address, (lat, lon), {"precision": precision, "source": source})

    def put(self, place: str, country: str, location: Location) -> None:
        conn = self._connect()
        if conn is None:
            return
        raw = location.raw or {}
        try:
            with conn:
                conn.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                             (_key(place, country), location.address, location.latitude,
                              location.longitude, raw.get("precision", ""),
                              raw.get("source", "")))
        except sqlite3.Error as exc:
            self._disable(f"could not write it ({exc})")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        if self._conn is None:
            self._conn = self._open() or self._rebuild()
        return self._conn

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False)
            conn.execute(_SCHEMA)
            conn.execute("SELECT count(*) FROM answers").fetchone()
            return conn
        except (OSError, sqlite3.Error):
            return None

    def _rebuild(self) -> sqlite3.Connection | None:
        # A corrupt file is only a cache: move it aside and start again.
        try:
            if self.path.exists():
                self.path.replace(self.path.with_suffix(".corrupt"))
        except OSError:
            pass
        conn = self._open()
        if conn is None:
            self._disable("could not open or create it")
        return conn

    def _disable(self, why: str) -> None:
        self._disabled = True
        self.close()
        self.warnings.append(f"The geocoding cache {self.path} is not used: {why}. "
                             "Places are still looked up, only more slowly.")


def _key(place: str, country: str) -> str:
    return f"{normalize(place)}|{normalize(country)}"
