"""Saved trips: create one, save a version, open one, list its history, restore a version,
and issue a new edit key.

Every save is a new version in one transaction, numbered one past the version it started
from; a save that did not start from the latest is refused (`StaleError`), so no update is
ever lost, and nothing is overwritten or deleted. Changing a trip needs its edit key
(`AccessError` otherwise, the same for a wrong key, an old key and another trip's key);
reading needs only its id. What the database returns is read back through the loader, as
a file would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from itinerary.config import SAVED_MAX_BYTES
from itinerary.errors import AccessError, DataError, Problem, StaleError
from itinerary.model import Trip
from itinerary.sources.export import meetings_to_csv, stops_to_csv
from itinerary.sources.stops import load_trip
from itinerary.store import keys
from itinerary.store.changes import FIRST, changes
from itinerary.store.database import failures, reading
from itinerary.store.schema import trips, versions

NOT_ALLOWED = "this link cannot change the trip: it has no edit key, or not this trip's"


@dataclass(frozen=True)
class Saved:
    """A trip just saved for the first time: its id, its edit key (shown once, never
    stored) and its version."""

    trip_id: str
    key: str
    version: int


@dataclass(frozen=True)
class Version:
    number: int
    saved: datetime
    title: str
    origin: str
    stops: int
    changes: str


@dataclass(frozen=True)
class Opened:
    """A version of a saved trip, and the number of its latest."""

    trip_id: str
    version: Version
    latest: int
    trip: Trip


class TripStore:
    """The saved trips of one database (`itinerary.store.database.connect`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, trip: Trip, *, origin: str) -> Saved:
        """Save a trip for the first time: a new id and edit key, and version 1."""
        files = _files(trip)
        trip_id, key = keys.new_id(), keys.new_key()
        with failures("save"), self.engine.begin() as connection:
            connection.execute(insert(trips).values(id=trip_id, key_digest=keys.digest(key),
                                                    created=_now()))
            _add(connection, trip_id, 1, trip, files, origin, FIRST)
        return Saved(trip_id, key, 1)

    def save(self, trip_id: str, key: str | None, trip: Trip, *, base: int,
             origin: str, told: str | None = None) -> int:
        """Save a new version of a trip begun from version `base`; its number."""
        files = _files(trip)
        told = told or self._changes_since(trip_id, key, base, trip)
        try:
            # The write lock is held only to check and add: the slow part (reading version
            # `base` back and comparing) is done above, since a saved version never changes.
            with failures("save"), self.engine.begin() as connection:
                self._current(connection, trip_id, key, base)
                _add(connection, trip_id, base + 1, trip, files, origin, told)
        except IntegrityError:  # another save took the number first, at the same moment
            with failures("save"), reading(self.engine) as connection:
                raise _stale(base, _latest(connection, trip_id)) from None
        return base + 1

    def restore(self, trip_id: str, key: str | None, number: int, *, base: int) -> int:
        """Save an older version again, as a new version: nothing is lost."""
        old = self.open(trip_id, number)
        if old is None:
            raise AccessError(NOT_ALLOWED)
        return self.save(trip_id, key, old.trip, base=base, origin=old.version.origin,
                         told=f"restored version {number}")

    def open(self, trip_id: str, number: int | None = None) -> Opened | None:
        """A version of a saved trip (the latest by default), or None when there is none."""
        if not keys.well_formed(trip_id):
            return None
        with failures("open the trip"), reading(self.engine) as connection:
            latest = _latest(connection, trip_id)
            if latest is None:
                return None
            return _read(connection, trip_id, latest if number is None else number, latest)

    def history(self, trip_id: str, key: str | None) -> list[Version]:
        """Every version of a trip, the latest first; for the holder of its edit key."""
        with failures("read the history"), reading(self.engine) as connection:
            self._allowed(connection, trip_id, key)
            rows = connection.execute(
                select(*_VERSION_COLUMNS).where(versions.c.trip_id == trip_id)
                .order_by(versions.c.number.desc())).all()
        return [Version(*row) for row in rows]

    def can_edit(self, trip_id: str, key: str | None) -> bool:
        with failures("open the trip"), reading(self.engine) as connection:
            return _key_fits(connection, trip_id, key)

    def new_key(self, trip_id: str, key: str | None) -> str:
        """A new edit key for the trip; the old one stops working."""
        fresh = keys.new_key()
        with failures("save"), self.engine.begin() as connection:
            self._allowed(connection, trip_id, key)
            connection.execute(update(trips).where(trips.c.id == trip_id)
                               .values(key_digest=keys.digest(fresh)))
        return fresh

    @staticmethod
    def _allowed(connection: Connection, trip_id: str, key: str | None) -> None:
        if not _key_fits(connection, trip_id, key):
            raise AccessError(NOT_ALLOWED)

    def _current(self, connection: Connection, trip_id: str, key: str | None,
                 base: int) -> None:
        """Refuse a save without the key, or begun from a version that is no longer the
        latest."""
        self._allowed(connection, trip_id, key)
        latest = _latest(connection, trip_id)
        if latest != base:
            raise _stale(base, latest)

    def _changes_since(self, trip_id: str, key: str | None, base: int, trip: Trip) -> str:
        with failures("save"), reading(self.engine) as connection:
            self._current(connection, trip_id, key, base)
            before = _read(connection, trip_id, base)
        return changes(before.trip if before else None, trip)


_VERSION_COLUMNS = (versions.c.number, versions.c.saved, versions.c.title, versions.c.origin,
                    versions.c.stops, versions.c.changes)


def _key_fits(connection: Connection, trip_id: str, key: str | None) -> bool:
    if not keys.well_formed(trip_id):
        return False
    stored = connection.execute(select(trips.c.key_digest)
                                .where(trips.c.id == trip_id)).scalar()
    # A digest to compare against even when there is no such trip: the same work either way.
    return keys.matches(key, stored or keys.digest("")) and stored is not None


def _latest(connection: Connection, trip_id: str) -> int | None:
    return connection.execute(select(func.max(versions.c.number))
                              .where(versions.c.trip_id == trip_id)).scalar()


def _read(connection: Connection, trip_id: str, number: int,
          latest: int | None = None) -> Opened | None:
    row = connection.execute(
        select(*_VERSION_COLUMNS, versions.c.stops_csv, versions.c.meetings_csv)
        .where(versions.c.trip_id == trip_id, versions.c.number == number)).first()
    if row is None:
        return None
    version = Version(*row[:6])
    name = f"saved trip {trip_id}, version {number}"
    trip = load_trip(row.stops_csv.encode("utf-8"),
                     row.meetings_csv.encode("utf-8") if row.meetings_csv else None,
                     stops_name=f"{name} (stops)", meetings_name=f"{name} (meetings)",
                     title=version.title)
    return Opened(trip_id, version, latest if latest is not None else number, trip)


def _add(connection: Connection, trip_id: str, number: int, trip: Trip,
         files: tuple[str, str], origin: str, told: str) -> None:
    connection.execute(insert(versions).values(
        trip_id=trip_id, number=number, saved=_now(), title=trip.title, origin=origin,
        stops_csv=files[0], meetings_csv=files[1], stops=len(trip.stops), changes=told))


def _files(trip: Trip) -> tuple[str, str]:
    """The trip as the CSV files that read back in; refused past the size limit."""
    stops = stops_to_csv(trip.stops)
    meetings = meetings_to_csv(trip.meetings) if trip.meetings else ""
    size = len(stops.encode("utf-8")) + len(meetings.encode("utf-8"))
    if size > SAVED_MAX_BYTES:
        raise DataError([Problem("the trip", f"is {size / 1024 / 1024:.1f} MB as CSV; "
                                 f"expected at most {SAVED_MAX_BYTES // 1024 // 1024} MB "
                                 "to save")])
    return stops, meetings


def _stale(base: int, latest: int | None) -> StaleError:
    return StaleError(f"version {latest} was saved since you opened version {base}; your "
                      "edits are still in the tables: save them as a copy, or reload the "
                      "latest version", latest or base)


def _now() -> datetime:
    return datetime.now(UTC)
