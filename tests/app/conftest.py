"""Fixtures for the app's tests: command-line files, and a small record in place of the
bundled one."""

import sys

import pytest

from tests.app.driver import APP
from tests.paths import TRAVELS


@pytest.fixture
def argv(monkeypatch):
    def set_args(*paths):
        monkeypatch.setattr(sys, "argv", [APP, *map(str, paths)])
    return set_args


@pytest.fixture
def small_record(monkeypatch, tmp_path):
    """A record folder of one file in place of the bundled record."""
    (tmp_path / "cases.xml").write_bytes((TRAVELS / "cases.xml").read_bytes())
    monkeypatch.setenv("ITINERARY_TRAVELS_DIR", str(tmp_path))
