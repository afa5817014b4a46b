"""A small on-disk cache of geocoding answers, in SQLite in the user's cache directory.

Answers are cached, and so are misses: a place the gazetteer lacks is looked for once per
version of the gazetteer (its version is in the file's name). A miss records whether the
online geocoder was asked too, so that turning it on later still asks it. What the cache
returns is checked like any outside answer: a row whose coordinates are not a place is
dropped, and the place looked up again. A cache that cannot be opened or written is
bypassed with a warning: it costs speed, never a result.
"""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from geopy.location import Location

from itinerary.config import cache_dir
from itinerary.geocoding.index import INDEX_VERSION
from itinerary.names import normalize
from itinerary.points import point_problem
from itinerary.text import one_line, shorten

SOURCE = "cache"
# Why rows were dropped, as the warning says it.
NOT_PLACES, OUTSIDE = "that are not places", "outside the country their stop names"
_CODE = re.compile(r"[A-Z]{2}")
PRECISIONS = frozenset(("city", "region", "country"))
COMMIT_EVERY, COMMIT_AFTER_S = 500, 0.5  # a batch of writes; the last at `close`
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY, address TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    precision TEXT NOT NULL, source TEXT NOT NULL, country_code TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS misses (key TEXT PRIMARY KEY, online INTEGER NOT NULL);
"""


@dataclass(frozen=True)
class Miss:
    """A place looked for before and not found; `online` when the online geocoder was
    asked too."""

    online: bool


class GeocodeCache:
    """Geocoding answers and misses keyed by (place, country), per gazetteer version."""

    def __init__(self, path: Path | None = None) -> None:
        # The gazetteer's version is in the name so that a better gazetteer is not hidden
        # behind the answers of an older one.
        self.path = path or cache_dir() / f"geocode-cache-v{INDEX_VERSION}.sqlite"
        self._warnings: list[str] = []
        self._conn: sqlite3.Connection | None = None
        self._disabled = False
        self._dropped: dict[str, list[str]] = {}  # places by why their rows were dropped
        self._pending = 0  # writes not yet committed, the first at `_batch_started`
        self._batch_started = 0.0

    def get(self, place: str, country: str) -> Location | Miss | None:
        """The cached answer, a `Miss`, or None when the place was never looked for."""
        key = _key(place, country)
        row = self._query("SELECT address, lat, lon, precision, source, country_code "
                          "FROM answers WHERE key = ?", key)
        if row is not None:
            address, lat, lon, precision, source, code = row
            if point_problem(lat, lon) is None and precision in PRECISIONS:
                code = code if isinstance(code, str) and _CODE.fullmatch(code) else ""
                return Location(str(address), (float(lat), float(lon)),
                                {"precision": precision, "source": str(source),
                                 "country_code": code})
            self.drop(place, country, NOT_PLACES)
            return None
        miss = self._query("SELECT online FROM misses WHERE key = ?", key)
        return Miss(bool(miss[0])) if miss is not None else None

    def put(self, place: str, country: str, location: Location) -> None:
        raw = location.raw or {}
        if point_problem(location.latitude, location.longitude) is not None:
            return  # never cached as found
        self._write("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (_key(place, country), location.address, location.latitude,
                     location.longitude, raw.get("precision", ""), raw.get("source", ""),
                     str(raw.get("country_code") or "")))

    def put_miss(self, place: str, country: str, *, online: bool) -> None:
        self._write("INSERT OR REPLACE INTO misses VALUES (?, ?)",
                    (_key(place, country), int(online)))

    def drop(self, place: str, country: str, why: str) -> None:
        """Forget a cached answer found wrong (`why`: NOT_PLACES, OUTSIDE), with a warning."""
        self._dropped.setdefault(why, []).append(place)
        self._write("DELETE FROM answers WHERE key = ?", (_key(place, country),))

    @property
    def warnings(self) -> list[str]:
        """What the user should know: a cache not used, or bad answers it held."""
        found = list(self._warnings)
        for why, places in self._dropped.items():
            listed = ", ".join(f'"{shorten(p, 60)}"' for p in places[:5])
            more = f" and {len(places) - 5} more" if len(places) > 5 else ""
            found.append(one_line(
                f"The geocoding cache held answers {why} for {listed}{more}; they were "
                "dropped and the places looked up again."))
        return found

    def __enter__(self) -> GeocodeCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Write what is pending and close the file."""
        if self._conn is not None:
            self._commit()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _query(self, sql: str, key: str) -> tuple | None:
        conn = self._connect()
        if conn is None:
            return None
        try:
            return conn.execute(sql, (key,)).fetchone()
        except sqlite3.Error as exc:
            self._disable(f"could not read it ({exc})")
            return None

    def _write(self, sql: str, values: tuple) -> None:
        # Written in batches: a commit a place (a disk sync each) was most of the time of
        # a run over thousands of places already looked up. A batch is short, in count
        # and in time, since it keeps other sessions' writes waiting.
        conn = self._connect()
        if conn is None:
            return
        try:
            conn.execute(sql, values)
        except sqlite3.Error as exc:
            self._disable(f"could not write it ({exc})")
            return
        if not self._pending:
            self._batch_started = time.monotonic()
        self._pending += 1
        if (self._pending >= COMMIT_EVERY
                or time.monotonic() - self._batch_started > COMMIT_AFTER_S):
            self._commit()

    def _commit(self) -> None:
        try:
            self._conn.commit()  # type: ignore[union-attr]
        except sqlite3.Error as exc:
            self._disable(f"could not write it ({exc})")
        self._pending = 0

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
            conn.executescript(_SCHEMA)
            conn.execute("SELECT count(*) FROM answers").fetchone()
            return conn
        except (OSError, sqlite3.Error):
            return None

    def _rebuild(self) -> sqlite3.Connection | None:
        # A corrupt file is only a cache: move it aside and start again.
        try:
            if self.path.is_file():
                self.path.replace(self.path.with_suffix(".corrupt"))
        except OSError:
            pass
        conn = self._open()
        if conn is None:
            self._disable("could not open or create it")
        return conn

    def _disable(self, why: str) -> None:
        self._disabled = True
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._warnings.append(one_line(f"The geocoding cache {self.path} is not used: {why}. "
                                       "Places are still looked up, only more slowly."))


def _key(place: str, country: str) -> str:
    return f"{normalize(place)}|{normalize(country)}"
