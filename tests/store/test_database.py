"""The store's database: migrations at start, and every failure told in one clear line
with nothing half-written left: a read-only, deleted, damaged or locked SQLite file, a
PostgreSQL server stopped in the middle of a save, a bad URL."""

import sqlite3
import threading

import psycopg
import pytest
from sqlalchemy import inspect

from itinerary import config
from itinerary.config import SEED_MEETINGS, SEED_STOPS
from itinerary.errors import ConfigError, UnavailableError
from itinerary.sources.stops import load_trip
from itinerary.store import database, open_store
from tests.postgres_server import Postgres


@pytest.fixture(scope="module")
def seed():
    return load_trip(SEED_STOPS, SEED_MEETINGS, title="Seed")


def test_migrations_make_the_tables_once(store_url):
    engine = database.connect(store_url)
    database.connect(store_url)  # again: nothing to do
    assert {"trips", "versions", "alembic_version"} <= set(inspect(engine).get_table_names())


def test_the_default_is_a_sqlite_file_in_the_users_data_folder(monkeypatch):
    monkeypatch.delenv("ITINERARY_DATABASE_URL", raising=False)
    assert config.database_url().startswith("sqlite:///")
    assert config.database_url().endswith("/itinerary/trips.sqlite")


@pytest.mark.parametrize("url", ["mysql://user:secret@host/db", "trips.sqlite"])
def test_a_bad_url_is_told_without_its_password(monkeypatch, url):
    monkeypatch.setenv("ITINERARY_DATABASE_URL", url)
    with pytest.raises(ConfigError) as caught:
        config.database_url()
    assert "secret" not in str(caught.value)
    assert str(caught.value).startswith("ITINERARY_DATABASE_URL: expected a sqlite:/// or "
                                        "postgresql+psycopg:// URL, found a ")


def versions_in(path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM versions").fetchone()[0]


def test_a_read_only_database_is_told(tmp_path, seed, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "trips.sqlite"
    saved = open_store(f"sqlite:///{path}").create(seed, origin="x")
    store = open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(UnavailableError) as caught:
        store.save(saved.trip_id, saved.key, seed, base=1, origin="x")
    assert str(caught.value) == "the database could not save: it is read-only"
    assert versions_in(path) == 1
    assert not (tmp_path / "file:").exists()  # a URI's folder is not made as a folder


def test_a_deleted_file_is_told_or_made_anew(tmp_path, seed):
    path = tmp_path / "trips.sqlite"
    store = open_store(f"sqlite:///{path}")
    saved = store.create(seed, origin="x")
    path.unlink()
    with pytest.raises(UnavailableError) as caught:  # its tables went with it
        store.save(saved.trip_id, saved.key, seed, base=1, origin="x")
    assert str(caught.value).startswith("the database could not save: ")
    assert open_store(f"sqlite:///{path}").open(saved.trip_id) is None  # a new, empty store


@pytest.mark.parametrize("damage", [b"not a database at all" * 100, "truncated"])
def test_a_damaged_file_is_found_at_start(tmp_path, seed, damage):
    path = tmp_path / "trips.sqlite"
    store = open_store(f"sqlite:///{path}")
    for _ in range(20):
        store.create(seed, origin="x")
    store.engine.dispose()
    data = path.read_bytes()
    path.write_bytes(damage if isinstance(damage, bytes) else data[:len(data) // 2])
    with pytest.raises(UnavailableError) as caught:
        open_store(f"sqlite:///{path}")
    assert str(caught.value).startswith("the database could not be opened: ") or \
        "is damaged" in str(caught.value)


def test_a_lock_held_past_the_timeout_is_told(tmp_path, seed, monkeypatch):
    monkeypatch.setattr(config, "DATABASE_TIMEOUT_S", 0.3)
    path = tmp_path / "trips.sqlite"
    store = open_store(f"sqlite:///{path}")
    saved = store.create(seed, origin="x")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(UnavailableError) as caught:
            store.save(saved.trip_id, saved.key, seed, base=1, origin="x")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(caught.value) == ("the database could not save: it stayed locked by another "
                                 "save for over 0.3 s")
    assert versions_in(path) == 1


def test_a_store_opens_and_reads_while_another_save_holds_the_lock(tmp_path, seed,
                                                                  monkeypatch):
    # A server starting, or a reader, while a save is under way does not wait on it.
    monkeypatch.setattr(config, "DATABASE_TIMEOUT_S", 0.3)
    path = tmp_path / "trips.sqlite"
    saved = open_store(f"sqlite:///{path}").create(seed, origin="x")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        store = open_store(f"sqlite:///{path}")
        assert store.open(saved.trip_id).latest == 1
        assert [v.number for v in store.history(saved.trip_id, saved.key)] == [1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_save_commits_while_another_process_is_reading(tmp_path, seed, monkeypatch):
    # In SQLite's default mode a commit waits for every reader to let go; twenty processes
    # reading and saving at once queued past the timeout. The store keeps a write-ahead log.
    monkeypatch.setattr(config, "DATABASE_TIMEOUT_S", 0.3)
    path = tmp_path / "trips.sqlite"
    store = open_store(f"sqlite:///{path}")
    saved = store.create(seed, origin="x")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM versions").fetchone()  # holds its read
    try:
        assert store.save(saved.trip_id, saved.key, seed, base=1, origin="x") == 2
        assert reader.execute("SELECT count(*) FROM versions").fetchone() == (1,)
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert versions_in(path) == 2


def test_a_server_stopped_in_the_middle_of_a_save_leaves_no_partial_version(seed):
    server = Postgres()
    try:
        url = server.url()
        store = open_store(url)
        saved = store.create(seed, origin="x")
        # Another session holds version 2's number, uncommitted: the save waits on it.
        other = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"))
        other.execute("INSERT INTO versions VALUES (%s, 2, now(), 't', 'o', 's', '', 0, 'c')",
                      (saved.trip_id,))
        failed = []

        def save() -> None:
            try:
                store.save(saved.trip_id, saved.key, seed, base=1, origin="x")
            except UnavailableError as exc:
                failed.append(str(exc))

        thread = threading.Thread(target=save)
        thread.start()
        with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as watcher:
            while not watcher.execute("SELECT count(*) FROM pg_locks WHERE NOT granted"
                                      ).fetchone()[0]:
                watcher.execute("SELECT pg_sleep(0.05)")  # the save waits on the number
        server.stop(keep=True)
        thread.join(timeout=30)
        assert failed and failed[0].startswith("the database could not save: ")
        server.start()
        store.engine.dispose()
        assert open_store(url).open(saved.trip_id).latest == 1  # nothing half-written
    finally:
        server.stop()
