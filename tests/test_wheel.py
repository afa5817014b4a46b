"""The package as a user installs it: a wheel, built from the sources and installed into a
new virtual environment, used from a folder outside the repository.

The wheel is installed without its dependencies, which the new environment borrows from
the test environment's site-packages (a .pth file), so the test needs no network. The
borrowed folder's own .pth files are not read, so the checkout's editable install is not
seen: `itinerary` comes from the wheel, with its data and map files.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright import sync_api as playwright

from itinerary.config import SEED_STOPS
from tests.pages import marker_titles, trip_data
from tests.paths import ROOT
from tests.streamlit_server import free_port

SOURCES = ("pyproject.toml", "README.md", "itinerary", "itinerary_app")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a new virtual environment with the wheel installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in SOURCES:  # a copy, so that building leaves nothing in the checkout
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "dist"), str(source)])
    (wheel,) = (tmp / "dist").glob("itinerary-*.whl")
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    site = Path(run([str(venv / "bin" / "python"), "-c",
                     "import sysconfig; print(sysconfig.get_path('purelib'))"]).strip())
    (site / "borrowed.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
         str(wheel)])
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the repository, holding a copy of the built-in trip in data/."""
    (tmp_path / "data").mkdir()
    shutil.copy2(SEED_STOPS, tmp_path / "data" / "stops.csv")
    return tmp_path


def run(command: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False,
                          env=_env())
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def _env() -> dict[str, str]:
    # Nothing of the checkout on the path: the wheel's copy must be the one found.
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}


def test_the_package_comes_from_the_wheel(installed, elsewhere):
    where = run([str(installed / "python"), "-c", "import itinerary, itinerary_app; "
                 "print(itinerary.__file__); print(itinerary_app.__file__)"], cwd=elsewhere)
    assert all(str(installed.parent) in line for line in where.split())


def test_the_installed_command_draws_a_map(installed, elsewhere):
    run([str(installed / "itinerary"), "map", "data/stops.csv", "-o", "trip.html"],
        cwd=elsewhere)
    page = (elsewhere / "trip.html").read_text(encoding="utf-8")
    assert marker_titles(trip_data(page)) == ["1. Bogotá, Colombia", "2. Santiago, Chile",
                                              "3. Lima, Peru"]
    assert "<script src=" not in page  # every asset came from the installed package


def test_the_installed_command_saves_a_trip_with_its_own_migrations(installed, elsewhere,
                                                                     monkeypatch):
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{elsewhere / 'trips.sqlite'}")
    said = run([str(installed / "itinerary"), "save", "data/stops.csv"], cwd=elsewhere)
    trip_id = said.split("?saved=")[1].split()[0]
    run([str(installed / "itinerary"), "saved", trip_id, "-o", "back.csv"], cwd=elsewhere)
    assert (elsewhere / "back.csv").read_text(encoding="utf-8").count("\n") == 4


def test_the_installed_command_imports_the_bundled_record(installed, elsewhere):
    said = run([str(installed / "itinerary"), "import-travels", "-o", "x.csv"], cwd=elsewhere)
    rows = list(csv.DictReader((elsewhere / "x.csv").open(encoding="utf-8")))
    assert len({r["traveler"] for r in rows}) == 34
    assert said.startswith("imported 3436 records as ")


@pytest.fixture
def dashboard(installed, elsewhere) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [str(installed / "itinerary"), "app", "--port", str(port), "--address", "127.0.0.1"],
        cwd=elsewhere, start_new_session=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, env=_env())
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read().decode()
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the dashboard did not start"
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


@pytest.mark.browser
def test_the_installed_dashboard_draws_the_trip_offline(dashboard, browser):
    context = browser.new_context()
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(dashboard)
                  else (outside.append(route.request.url), route.abort()))
    try:
        page = context.new_page()
        page.goto(dashboard)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        playwright.expect(frame.locator(".itinerary-stop")).to_have_count(3, timeout=60_000)
        playwright.expect(frame.locator(".leaflet-outlines-pane path")).not_to_have_count(0)
    finally:
        context.close()
    assert all("tile.openstreetmap.org" in url for url in outside), outside
