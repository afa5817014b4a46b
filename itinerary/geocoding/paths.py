"""Where geocoding keeps its files: the user's cache directory, never the repository.

`ITINERARY_CACHE_DIR` overrides it, which the tests use to stay out of the real one.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def cache_dir() -> Path:
    override = os.environ.get("ITINERARY_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("itinerary"))
