"""The offline geocoder: GeoNames cities, regions and airfields, with the country as a hint.

It follows geopy's interface. A name is matched, in this order and only within the hinted
countries: exactly (accents, case and punctuation aside, and GeoNames' alternate and
historic names included: Constantinople, Tiflis, Bombay); then as an airfield when it says
"Air Base" or "Airport"; then fuzzily, for a dropped, doubled or swapped letter ("Bogata"),
only within the countries the hint names directly. When two different places fit about as
well, it gives no answer rather than a confident wrong one; the caller then falls back to
the country.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from pathlib import Path

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from rapidfuzz import process
from rapidfuzz.distance import OSA

from itinerary.config import cache_dir
from itinerary.geocoding import countries
from itinerary.geocoding.aliases import ALIASES
from itinerary.geocoding.countries import CountryHint
from itinerary.geocoding.index import INDEX_VERSION, Index, index_path, open_index
from itinerary.names import airfield_key, normalize, shortened, variants

__all__ = ["INDEX_VERSION", "Gazetteer"]
SOURCE = "gazetteer"
# Two candidates closer than this are taken as one place listed twice.
_SAME_PLACE_DEG = 0.5
# A second, different place at least this large relative to the first makes a name ambiguous.
_AMBIGUOUS_SHARE = 0.5
_RULED_MIN_POPULATION = 10_000
_VILLAGE = 1_000
# A village's other names are matched by a slip of spelling, or when they share no word
# with its own name, only from this size: below it a coincidence is likelier.
_ALIAS_MIN_POPULATION = 5_000
_TYPO_LIMIT = 1
_PLACES = ("city", "region")  # what a name is looked up among, airfields apart


class Outcome(Enum):
    """What a search for a name came to."""

    FOUND = "found"
    AMBIGUOUS = "ambiguous"  # places fit about equally: none is given rather than a guess
    NOT_FOUND = "not found"


@dataclass(frozen=True)
class Match:
    """A search's outcome: the places that fit, best first, and how they were found (exact,
    alias, airfield, shortened or fuzzy)."""

    outcome: Outcome
    places: tuple[Place, ...] = ()
    how: str = ""


NOT_FOUND = Match(Outcome.NOT_FOUND)


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str
    lat: float
    lon: float
    population: int
    kind: str
    primary: bool


class Gazetteer(Geocoder):
    """geopy-compatible offline geocoder."""

    def __init__(self, index_dir: Path | None = None) -> None:
        super().__init__(user_agent="itinerary-offline")
        self._index_dir = index_dir
        self._fuzzy_names: dict[str, dict[int, list[tuple[str, int]]]] = {}
        self._near: dict[tuple[tuple[str, ...], int], tuple[list[str], list[int]]] = {}

    @property
    def index_path(self) -> Path:
        return index_path(self._index_dir or cache_dir())

    @cached_property
    def _index(self) -> Index:
        return open_index(self.index_path)

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self._index.rows(sql, params)

    @property
    def warnings(self) -> list[str]:
        """What the user should know of the index: built in memory, say."""
        return [self._index.warning] if self._index.warning else []

    def geocode(  # type: ignore[override]  # geopy's signature, minus network options
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Sequence[str] | CountryHint | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """Find a place by name, only within the hinted countries if a hint is given.

        `country_codes` is a code, a list of codes (searched together, as geopy's
        Nominatim does) or a `CountryHint` from a record's country text. Each Location's
        raw dict has `precision` (city or region), `source`, `country_code` and `match`
        (exact, alias, airfield or fuzzy). None means not found, or not found confidently.
        """
        found = self.match(query, _hint(country_codes))
        if found.outcome is not Outcome.FOUND:
            return None
        located = [_location(p, found.how) for p in found.places]
        return located[0] if exactly_one else located

    def match(self, query: str, hint: CountryHint | None) -> Match:
        """What the name means within the hint's countries, and how it was found. The ways
        of finding it are tried in order; the first that finds candidates decides, as
        found or as ambiguous (then none of the later ways is tried)."""
        ways = [self._exact, self._ruled, self._alias]
        if hint:
            ways += [self._airfield, self._shortened, self._fuzzy]
        for way in ways:
            found = way(query, hint)
            if found.outcome is not Outcome.NOT_FOUND:
                return found
        return NOT_FOUND

    def country(self, code: str, precision: str = "country") -> Location | None:
        """A country-level answer: the country's representative point. A territory named
        as the place ("Bermuda, United Kingdom") is the same point with precision region."""
        info = countries.country(code)
        if info is None:
            return None
        point = (info.lat, info.lon) if info.lat is not None else self._largest(info.code)
        if point is None or point[0] is None:
            return None
        raw = {"precision": precision, "source": SOURCE, "country_code": info.code,
               "match": "country" if precision == "country" else "territory"}
        return Location(info.name, point, raw)

    def _largest(self, code: str) -> tuple[float, float] | None:
        """Where a territory the outlines fold into another country (Martinique, in
        France's) is drawn: at its largest town."""
        rows = self._rows("SELECT lat, lon FROM places WHERE cc = ? AND kind = 'city' "
                          "ORDER BY population DESC LIMIT 1", (code,))
        return (rows[0][0], rows[0][1]) if rows else None

    def towns(self, min_population: int = 0, country_code: str | None = None
              ) -> list[tuple[str, str, float, float]]:
        """(name, country code, lat, lon) of every town of at least `min_population`, in
        the index's order, largest first within a country: real places for generated
        trips (the benchmarks, the browser tests)."""
        where = "kind = 'city' AND population >= ?" + (" AND cc = ?" if country_code else "")
        params = [min_population, *([country_code] if country_code else [])]
        return [tuple(row) for row in self._rows(  # type: ignore[misc]
            f"SELECT name, cc, lat, lon FROM places WHERE {where} ORDER BY id", params)]  # noqa: S608

    def named(self, key: str) -> list[Place]:
        """Every town and region whose name or other name folds to `key` (see
        `names.normalize`), in any country: what an article's words may name."""
        return self._lookup(key, (), ("city", "region"))

    def fits(self, query: str, hint: CountryHint | None, *, ruled: bool = False) -> int:
        """How many distinct places bear this exact name in the hinted countries (or, with
        `ruled`, in the territories they ruled): more than one, where `geocode` gave no
        answer, means the name is ambiguous."""
        codes = (hint.ruled if ruled else hint.named_codes) if hint else ()
        cells = {(p.kind, round(p.lat / _SAME_PLACE_DEG), round(p.lon / _SAME_PLACE_DEG))
                 for name in variants(query)
                 for p in self._lookup(normalize(name), codes, ("city", "region"))}
        return len(cells)

    def near_town(self, lat: float, lon: float, codes: Sequence[str],
                  within_km: float = 300.0) -> bool:
        """Whether a town of one of these countries lies within about `within_km` of the
        point (a box of that half-width: a sanity check, not a measurement)."""
        span = within_km / 111.0
        wide = min(180.0, span / max(0.05, math.cos(math.radians(min(abs(lat), 89.0)))))
        west, east = lon - wide, lon + wide
        # Across the antimeridian the box is two ranges of longitude.
        ranges = ([(west, east)] if west >= -180 and east <= 180 else
                  [(west + 360, 180.0), (-180.0, east)] if west < -180 else
                  [(west, 180.0), (-180.0, east - 360)])
        lons = " OR ".join("lon BETWEEN ? AND ?" for _ in ranges)
        sql = (f"SELECT 1 FROM places WHERE cc IN ({_marks(codes)}) AND kind = 'city' "  # noqa: S608
               f"AND lat BETWEEN ? AND ? AND ({lons}) LIMIT 1")
        params = [*codes, lat - span, lat + span, *(x for r in ranges for x in r)]
        return bool(self._rows(sql, params))

    def _exact(self, query: str, hint: CountryHint | None) -> Match:
        """The name itself, or one of its variants, in the countries the hint names, tier
        by tier: "Tiflis" under the U.S.S.R., "Mumbai (Bombay)"."""
        for name in variants(query):
            for tier in hint.named if hint else [()]:
                found = choose(self._lookup(normalize(name), tier, _PLACES), "exact")
                if found.outcome is not Outcome.NOT_FOUND:
                    return found
        return NOT_FOUND

    def _ruled(self, query: str, hint: CountryHint | None) -> Match:
        """A former territory of the country the hint names, for a sizeable town or a
        region only: "St. Thomas" under Denmark, not a village named like a place of the
        ruling country. A name that fits two territories is ambiguous ("Labrador" under
        the United Kingdom: Canada's or Queensland's?)."""
        if not (hint and hint.ruled):
            return NOT_FOUND
        for name in variants(query):
            places = [p for p in self._lookup(normalize(name), hint.ruled, _PLACES)
                      if p.kind == "region" or p.population >= _RULED_MIN_POPULATION]
            if len({p.country_code for p in places}) > 1:
                return Match(Outcome.AMBIGUOUS, tuple(places), "exact")
            if places:
                return choose(places, "exact")
        return NOT_FOUND

    def _alias(self, query: str, hint: CountryHint | None) -> Match:
        """A landmark no source names, by the town or region that holds it (aliases.csv)."""
        for code in hint.named_codes if hint else ():
            target = ALIASES.get((code, normalize(query)))
            if target:
                found = choose(self._lookup(normalize(target), (code,), _PLACES), "alias")
                if found.outcome is not Outcome.NOT_FOUND:
                    return found
        return NOT_FOUND

    def _shortened(self, query: str, hint: CountryHint) -> Match:
        """The name without a compass side or feature word ("West Berlin"), or after the
        country's own name, as GeoNames writes some capitals ("D.F." -> "Mexico D.F.")."""
        names = [*shortened(query), *(f"{info.name} {query}" for code in hint.named_codes
                                      if (info := countries.country(code)) is not None)]
        for name in names:
            for tier in hint.named:
                found = choose(self._lookup(normalize(name), tier, _PLACES), "shortened")
                if found.outcome is not Outcome.NOT_FOUND:
                    return found
        return next((m for m in (self._alias(name, hint) for name in names)
                     if m.outcome is not Outcome.NOT_FOUND), NOT_FOUND)

    def _airfield(self, query: str, hint: CountryHint) -> Match:
        """An airfield or air base, by its name without the generic words ("Lajes Field")."""
        for name in variants(query):
            key = airfield_key(name)
            places = self._lookup(key, hint.named_codes, ("airfield",)) if key else []
            if places:
                return Match(Outcome.FOUND, tuple(ranked(places)), "airfield")
        return NOT_FOUND

    def _fuzzy(self, query: str, hint: CountryHint) -> Match:
        """One slip of spelling, only where the hint names the country outright."""
        for name in [*variants(query), *shortened(query)]:
            key = normalize(name)
            if len(key) < 5:
                continue  # short names are too easily one letter from another town
            ids = self._slips(key, hint.named_codes)
            if ids:
                return choose(self._places(ids), "fuzzy")
        return NOT_FOUND

    def _slips(self, key: str, codes: tuple[str, ...]) -> list[int]:
        """The places whose name is the fewest slips (at most one) from `key`. One slip
        only: two edits already turn one real town's name into another's. A slip changes
        the length by one at most, so only names that close are compared."""
        keys, places = self._names_near(codes, len(key))
        hits = process.extract(key, keys, scorer=OSA.distance, score_cutoff=_TYPO_LIMIT,
                               limit=20)
        typos = [(d, places[at]) for found, _, at in hits
                 if (d := typo_distance(key, found)) <= _TYPO_LIMIT]
        if not typos:
            return []
        best = min(d for d, _ in typos)
        return list(dict.fromkeys(place for d, place in typos if d == best))

    def _names_near(self, codes: tuple[str, ...], length: int
                    ) -> tuple[list[str], list[int]]:
        """The names of towns and regions of these countries within a letter of `length`,
        and their places: read from the index once per country, and kept by length."""
        near = self._near.get((codes, length))
        if near is not None:
            return near
        keys: list[str] = []
        places: list[int] = []
        for code in codes:
            if code not in self._fuzzy_names:
                by_length: dict[int, list[tuple[str, int]]] = {}
                for key, place in self._rows(
                        "SELECT n.key, n.place FROM names n JOIN places p ON p.id = n.place "
                        "WHERE n.cc = ? AND p.kind IN ('city', 'region') AND (n.is_primary "
                        "OR p.kind = 'region' OR p.population >= ?)",
                        (code, _ALIAS_MIN_POPULATION)):
                    by_length.setdefault(len(key), []).append((key, place))
                self._fuzzy_names[code] = by_length
            for size in (length - 1, length, length + 1):
                for key, place in self._fuzzy_names[code].get(size, ()):
                    keys.append(key)
                    places.append(place)
        self._near[(codes, length)] = keys, places
        return keys, places

    def _lookup(self, key: str, codes: tuple[str, ...], kinds: tuple[str, ...]) -> list[Place]:
        # Only "?" placeholders are formatted into the SQL; every value is a parameter.
        where = f"n.key = ? AND p.kind IN ({_marks(kinds)})"
        params: list[object] = [key, *kinds]
        if codes:
            where += f" AND n.cc IN ({_marks(codes)})"
            params += codes
        sql = ("SELECT p.name, p.cc, p.lat, p.lon, p.population, p.kind, n.is_primary "  # noqa: S608
               f"FROM names n JOIN places p ON p.id = n.place WHERE {where}")
        rows = self._rows(sql, params)
        places = [Place(*row[:6], bool(row[6])) for row in rows]
        return [p for p in places if not _stray_alias(p, key)]

    def _places(self, ids: list[int]) -> list[Place]:
        sql = ("SELECT name, cc, lat, lon, population, kind, 1 FROM places "  # noqa: S608
               f"WHERE id IN ({_marks(ids)})")
        return [Place(*row[:6], True) for row in self._rows(sql, ids)]


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _hint(country_codes: str | Sequence[str] | CountryHint | None) -> CountryHint | None:
    if country_codes is None or isinstance(country_codes, CountryHint):
        return country_codes or None
    if isinstance(country_codes, str):
        country_codes = country_codes.split(",")
    codes = tuple(dict.fromkeys(c.strip().upper() for c in country_codes if c.strip()))
    return CountryHint((codes,)) if codes else None


_VOWELS = frozenset("aeiouy")


def typo_distance(a: str, b: str) -> int:
    """Edits between two names counting only the slips of spelling and transliteration:
    a dropped or doubled letter, two neighbours swapped, or one vowel for another.

    A consonant replaced by another counts as three, since "Sweimeh" and "Sweileh" are two
    towns, not one misspelt, while "Bogata" is Bogotá and "Santaigo" is Santiago.
    """
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            x, y = a[i - 1], b[j - 1]
            substitute = 0 if x == y else (1 if x in _VOWELS and y in _VOWELS else 3)
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + substitute)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def choose(candidates: Sequence[Place], how: str) -> Match:
    """Which of the places that bear a name it means, or why none is given.

    The candidates are ranked (see `ranked`): towns, then regions, then villages, the
    largest first. The best is the answer, unless another, distinct town of the same
    country (not the same place listed twice, within half a degree) is at least half as
    large: then the name is AMBIGUOUS, and no answer beats a confident wrong one. No
    candidate at all is NOT_FOUND.
    """
    if not candidates:
        return NOT_FOUND
    places = ranked(candidates)
    best = places[0]
    rival = next((p for p in places[1:] if p.country_code == best.country_code
                  and p.kind == best.kind and not _near(best, p)), None)
    if (best.kind == "city" and rival is not None
            and rival.population >= best.population * _AMBIGUOUS_SHARE):
        return Match(Outcome.AMBIGUOUS, tuple(places), how)
    return Match(Outcome.FOUND, tuple(places), how)


def ranked(places: Sequence[Place]) -> list[Place]:
    """Towns of a thousand people or more, then regions, then villages (a region is likelier
    meant than a village that shares its name: Hainan); within each, the largest first, so
    "Kiev, U.S.S.R." is Kyiv and not a Russian village; then a place bearing the name as
    its own before one that has it as another name. Where a place bearing the name itself
    lies beside the best, the name means it: "New Delhi" is also an alternate name of
    Delhi."""
    def standing(place: Place) -> int:
        if place.kind == "city":
            return 0 if place.population >= _VILLAGE else 2
        return 1

    order = sorted(places, key=lambda p: (standing(p), -p.population, not p.primary))
    if order and not order[0].primary:
        named = next((p for p in order if p.primary and p.kind == order[0].kind
                      and _near(p, order[0])), None)
        if named is not None:
            order.remove(named)
            order.insert(0, named)
    return order


def _stray_alias(place: Place, key: str) -> bool:
    """A village's other name that shares no word with its own: too likely a coincidence.
    "Arromanches" is Arromanches-les-Bains, but "Potosi" (an old name of Catarino
    Rodríguez, 1,946 people in Nuevo León) is not what a record means by Potosí."""
    if place.primary or place.kind != "city" or place.population >= _ALIAS_MIN_POPULATION:
        return False
    return not set(key.split()) & set(normalize(place.name).split())


def _near(a: Place, b: Place) -> bool:
    return abs(a.lat - b.lat) < _SAME_PLACE_DEG and abs(a.lon - b.lon) < _SAME_PLACE_DEG


def _location(place: Place, match: str) -> Location:
    info = countries.country(place.country_code)
    country_name = info.name if info else place.country_code
    address = place.name if place.name == country_name else f"{place.name}, {country_name}"
    precision = "region" if place.kind == "region" else "city"
    raw = {"precision": precision, "source": SOURCE, "country_code": place.country_code,
           "match": match, "kind": place.kind, "population": place.population}
    return Location(address, (place.lat, place.lon), raw)
