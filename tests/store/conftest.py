"""The store's tests run on both back-ends: a SQLite file, and a PostgreSQL server the
tests start themselves (tests/postgres_server.py)."""

from collections.abc import Iterator

import pytest

from itinerary.store import TripStore, open_store
from tests.postgres_server import Postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    server = Postgres()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'trips.sqlite'}"
    return request.getfixturevalue("postgres").url()


@pytest.fixture
def store(store_url) -> TripStore:
    return open_store(store_url)
