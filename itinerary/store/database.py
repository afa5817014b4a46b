"""The store's database: an engine for its URL, the schema brought up to date by Alembic
(at every start), and database failures turned into one clear `UnavailableError`.

SQLite (the default, a file in the user's data folder) keeps a write-ahead log and takes
each save's write lock when the save begins (BEGIN IMMEDIATE), so saves queue rather than
fail halfway; reads (`reading`) share the file and take no such lock; a lock held
past `DATABASE_TIMEOUT_S` is told, not waited on forever. A damaged file is found at start.
PostgreSQL is reached through psycopg 3, with the same timeout for connecting and for locks.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from itinerary import config
from itinerary.errors import UnavailableError
from itinerary.text import shorten

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_READS = "itinerary_reads"  # an execution option: this connection only reads
_UPGRADE_LOCK = 71_002_018  # PostgreSQL's advisory lock: one server migrates at a time


def connect(url: str | None = None) -> Engine:
    """The engine of the store at `url` (config.database_url() by default), its schema
    brought up to date."""
    url = url or config.database_url()
    with failures("be opened"):
        engine = _sqlite(url) if url.startswith("sqlite") else _postgresql(url)
        check(engine)
        upgrade(engine)
        _write_ahead(engine)
    return engine


def _sqlite(url: str) -> Engine:
    parsed = make_url(url)
    path = parsed.database
    # A URI ("file:...?uri=true") names a file sqlite opens itself: its folder is not made,
    # or a folder called "file:" would appear in the working directory.
    if path and path != ":memory:" and parsed.query.get("uri") != "true":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # A file is opened anew for each use, not kept in a pool: a file deleted or replaced
    # under a running app is then found at the next save (its tables are gone), where a
    # kept connection would go on writing, in write-ahead mode, into the deleted file.
    pool = {"poolclass": NullPool} if path and path != ":memory:" else {}
    engine = create_engine(url, connect_args={"timeout": config.DATABASE_TIMEOUT_S}, **pool)

    @event.listens_for(engine, "connect")
    def _connected(connection: sqlite3.Connection, _record: object) -> None:
        connection.isolation_level = None  # transactions are begun below, not by sqlite3
        connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A write takes the lock when it begins; a read only shares the file, so readers
        # never queue behind each other or behind a save's lock.
        reads = connection.get_execution_options().get(_READS, False)
        connection.exec_driver_sql("BEGIN DEFERRED" if reads else "BEGIN IMMEDIATE")

    return engine


def _write_ahead(engine: Engine) -> None:
    """Put a SQLite file in write-ahead-log mode, once (the file keeps it): readers then
    never hold up a save's commit, which in the default mode waits for every reader to let
    go, and twenty processes reading and saving at once queued past the timeout."""
    if engine.dialect.name != "sqlite":
        return
    connection = engine.raw_connection()  # outside a transaction, where the mode can change
    try:
        connection.driver_connection.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorname != "SQLITE_READONLY":
            raise
        # A file opened read-only keeps the mode it has: it has no saves to hold up.
    finally:
        connection.close()


def reading(engine: Engine) -> Connection:
    """A connection for reads: on SQLite it does not take the write lock."""
    return engine.connect().execution_options(**{_READS: True})


def _postgresql(url: str) -> Engine:
    timeout_ms = int(config.DATABASE_TIMEOUT_S * 1000)
    return create_engine(url, pool_pre_ping=True, connect_args={
        "connect_timeout": int(config.DATABASE_TIMEOUT_S),
        "options": f"-c lock_timeout={timeout_ms} -c statement_timeout={timeout_ms * 6}"})


def check(engine: Engine) -> None:
    """A SQLite file that is not a database, or is damaged, is told at start."""
    if engine.dialect.name != "sqlite":
        return
    with reading(engine) as connection:
        found = connection.exec_driver_sql("PRAGMA quick_check").scalar()
    if found != "ok":
        raise UnavailableError(f"the database {engine.url.database} is damaged: "
                               f"{shorten(str(found), 120)}")


def upgrade(engine: Engine) -> None:
    """Apply the migrations the database lacks (Alembic, on the store's own connection).

    A database already at the head is only read: taking the write lock at every start
    made twenty servers (or processes) opening at once queue behind each other's no-op."""
    settings = Config()
    settings.set_main_option("script_location", str(MIGRATIONS))
    if _at_head(engine, settings):
        return
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"),
                               {"lock": _UPGRADE_LOCK})
        settings.attributes["connection"] = connection
        command.upgrade(settings, "head")


def _at_head(engine: Engine, settings: Config) -> bool:
    heads = set(ScriptDirectory.from_config(settings).get_heads())
    with reading(engine) as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


@contextmanager
def failures(doing: str) -> Iterator[None]:
    """Database failures as one `UnavailableError`: "the database could not save: it is
    read-only". The DBAPI's own words are kept, cut short; a URL's password never is."""
    try:
        yield
    except IntegrityError:
        raise  # a save that lost the race for its number: the caller tells it as stale
    except DBAPIError as exc:
        raise UnavailableError(f"the database could not {doing}: {_reason(exc)}") from None
    except SQLAlchemyError as exc:
        raise UnavailableError(f"the database could not {doing}: "
                               f"{shorten(str(exc).splitlines()[0], 160)}") from None


# What a failure was, by the code the database gives it: SQLite's result codes and
# PostgreSQL's SQLSTATE classes.
_LOCKED = "locked"
_SQLITE = {"SQLITE_BUSY": _LOCKED, "SQLITE_LOCKED": _LOCKED,
           "SQLITE_READONLY": "it is read-only", "SQLITE_FULL": "its disk is full",
           "SQLITE_CORRUPT": "its file is damaged", "SQLITE_NOTADB": "its file is damaged",
           "SQLITE_CANTOPEN": "its file cannot be opened"}
_POSTGRESQL = {"55P03": _LOCKED, "57014": "it took too long to answer",
               "25006": "it is read-only", "53100": "its disk is full", "08": "it is not "
               "reachable", "57P": "it is shutting down or restarting"}


def _reason(exc: DBAPIError) -> str:
    original = exc.orig
    name = getattr(original, "sqlite_errorname", "") or ""
    state = getattr(original, "sqlstate", "") or ""
    said = next((said for code, said in _SQLITE.items() if name.startswith(code)), None) or \
        next((said for code, said in _POSTGRESQL.items() if state.startswith(code)), None)
    if said == _LOCKED:
        return f"it stayed locked by another save for over {config.DATABASE_TIMEOUT_S:g} s"
    if said:
        return said
    if exc.connection_invalidated or isinstance(original, ConnectionError):
        return "it is not reachable"
    words = str(original).strip().splitlines()
    return shorten(words[0], 160) if words else type(original).__name__
