"""Shared fixtures: a private cache directory, the built-in data and small test files.

tests/shared/ checks the project against the developers' material in ../shared (the seed
article, the articles and their itineraries), which a clone made anywhere else does not
have. There it is left out of the collection, not skipped, so a user's `make test` passes
and reports nothing skipped; CI, which has ../shared, sets ITINERARY_SHARED=required so
that a missing folder fails the run instead of leaving the checks out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"

if not SHARED.is_dir() and os.environ.get("ITINERARY_SHARED") == "required":
    raise pytest.UsageError(f"ITINERARY_SHARED=required, but {SHARED} is missing")
collect_ignore = [] if SHARED.is_dir() else ["shared"]


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keep every test out of the user's real cache; the gazetteer index is built once."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["ITINERARY_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Keep every test's saved trips out of the user's real store (and the servers the
    tests start, which inherit the environment)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'trips.sqlite'}"
    os.environ["ITINERARY_DATABASE_URL"] = url
    return url


@pytest.fixture(scope="session")
def trip():
    from itinerary.config import SEED_MEETINGS, SEED_STOPS
    from itinerary.sources.stops import load_trip

    return load_trip(SEED_STOPS, SEED_MEETINGS)


@pytest.fixture(scope="session")
def gazetteer(cache_dir):
    from itinerary.geocoding import Gazetteer

    return Gazetteer()


@pytest.fixture(scope="session")
def located_trip(trip, gazetteer):
    from dataclasses import replace

    from itinerary.geocoding.resolve import locate

    return replace(trip, stops=tuple(locate(trip.stops, gazetteer=gazetteer).stops))


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright: one for the whole run. `make test`
    installs it; without it the browser tests fail, they do not skip."""
    from playwright import sync_api

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make chromium`"
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        yield chromium
        chromium.close()
