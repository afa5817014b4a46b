"""Every setting and path of the package, in one place.

Environment variables are read here and nowhere else, each time a setting is asked for, so
that a test (or a long-running server) sees a change. Paths to the package's own data are
found from this file, never by walking up from another module.

| variable | what it sets |
| --- | --- |
| ITINERARY_CACHE_DIR | where the gazetteer index and the geocoding cache live |
| ITINERARY_DATABASE_URL | the store of saved trips (postgresql+psycopg://…); SQLite by default |
| ITINERARY_PUBLIC_URL | the dashboard's address, for the links `itinerary save` prints |
| ITINERARY_NOMINATIM_URL | an online geocoder (a self-hosted Nominatim) instead of the public one |
| ITINERARY_TRAVELS_DIR | a folder of travel-record XML files instead of the bundled record |
| ITINERARY_VENDOR_DIR | a folder of map assets instead of the packaged ones (tests) |
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from itinerary.errors import ConfigError
from itinerary.text import shorten

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
STATIC_DIR = PACKAGE_DIR / "render" / "static"

# The built-in trip, shown when no other data is chosen.
SEED_STOPS = DATA_DIR / "stops.csv"
SEED_MEETINGS = DATA_DIR / "meetings.csv"
SEED_TITLE = "Blinken · Colombia, Chile and Peru, Oct 2022"

# Gazetteer inputs shipped with the package.
REGIONS_FILE = DATA_DIR / "regions.csv"
ALIASES_FILE = DATA_DIR / "aliases.csv"
COUNTRY_POINTS_FILE = DATA_DIR / "country_points.csv"
# The Office of the Historian's record of the Secretaries of State's travels (CC0).
BUNDLED_TRAVELS_DIR = DATA_DIR / "travels"

# Tunable rules.
TRIP_GAP = timedelta(days=2)  # records at most this far apart form one trip
DRAW_LIMIT = 20_000  # stops drawn on one map (the newest); beyond it a browser tab stalls
NUMBERED_MAX = 300  # stops the map draws as numbered markers; more become clustered dots
IMAGE_NUMBERED_MAX = 60  # places a static map image numbers; more become plain dots
ROUTE_POINTS_MAX = 20_000  # points of a map's route past NUMBERED_MAX (arcs grow coarser)
NEAR_KM = 300.0  # given coordinates farther than this from every town of their country are flagged
ONLINE_TIMEOUT_S = 10.0  # for each read of a reply
ONLINE_DEADLINE_S = 20.0  # for the whole of one request
ONLINE_RUN_BUDGET_S = 120.0  # for all of a run's online lookups together
ONLINE_MAX_BYTES = 1_000_000  # of one reply; Nominatim's answers are a few kilobytes
ONLINE_MIN_DELAY_S = 1.0  # Nominatim's usage policy: one request a second
# The largest input file read (an upload, a command's file): Streamlit's upload limit, in
# its mebibytes. Files are read up to it, never whole first, so an endless input (/dev/zero)
# costs bounded memory.
UPLOAD_MAX_MB = 20
INPUT_MAX_BYTES = UPLOAD_MAX_MB * 1024 * 1024
SAVED_MAX_BYTES = 5 * 1024 * 1024  # of a saved trip's stops and meetings, as CSV
DATABASE_TIMEOUT_S = 5.0  # a database locked or silent past this is told as unavailable

# What the dashboard's server is started with (`itinerary app`); .streamlit/config.toml
# holds the same for `streamlit run app.py` in a checkout, and a test keeps them equal.
STREAMLIT_OPTIONS: dict[str, object] = {
    "server.headless": True,
    "server.maxUploadSize": UPLOAD_MAX_MB,  # Streamlit states it on the uploader, enforces it
    "browser.gatherUsageStats": False,
    "client.toolbarMode": "minimal",
    "theme.primaryColor": "#b03040",  # WCAG AA on its own tint too (see .streamlit/config.toml)
}


def database_url() -> str:
    """Where saved trips are kept: ITINERARY_DATABASE_URL, or a SQLite file in the user's
    data folder."""
    url = os.environ.get("ITINERARY_DATABASE_URL", "").strip()
    if url:
        if not url.startswith(("sqlite:", "postgresql")):
            scheme = shorten(url.split(":", 1)[0], 20)  # not the rest: it may hold a password
            raise ConfigError("ITINERARY_DATABASE_URL: expected a sqlite:/// or "
                              f"postgresql+psycopg:// URL, found a {scheme!r} URL")
        return url
    folder = Path(platformdirs.user_data_dir("itinerary"))
    return f"sqlite:///{folder / 'trips.sqlite'}"


def public_url() -> str:
    """Where people open the dashboard: the start of the links to saved trips."""
    url = os.environ.get("ITINERARY_PUBLIC_URL", "").strip() or "http://localhost:8501/"
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise ConfigError(f"ITINERARY_PUBLIC_URL: expected an http or https URL, found "
                          f"{shorten(url, 60)!r}")
    return url


def cache_dir() -> Path:
    """The gazetteer index and geocoding cache: the user's cache directory by default."""
    override = os.environ.get("ITINERARY_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("itinerary"))


def nominatim_url() -> str:
    """A Nominatim server's base URL, or "" for the public one; ConfigError unless it is an
    http or https URL with a host."""
    value = os.environ.get("ITINERARY_NOMINATIM_URL", "")
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018  # raises ValueError for a port out of range
    except ValueError:
        usable = False
    if not usable:
        raise ConfigError(f"ITINERARY_NOMINATIM_URL: expected an http or https URL with a "
                          f'host, like https://nominatim.example.org, got "{shorten(value, 80)}"')
    return value


def travels_dir() -> Path:
    """Where the official travel record is read from: the bundled copy by default."""
    override = os.environ.get("ITINERARY_TRAVELS_DIR")
    return Path(override) if override else BUNDLED_TRAVELS_DIR


def vendor_dir() -> Path:
    """The map assets folder (Leaflet and its plugins, the outlines, our own scripts)."""
    override = os.environ.get("ITINERARY_VENDOR_DIR")
    return Path(override) if override else STATIC_DIR
