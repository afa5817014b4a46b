"""Filling in a trip's missing coordinates: file, then cache, then gazetteer, then online.

Each stop comes back with `precision` (given, city, region, country, or empty) and
`geocoder` (file, cache, gazetteer, nominatim) set. A stop that cannot be placed keeps no
coordinates and is listed in `Resolution.unresolved`; it is never dropped or put at (0, 0).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from geopy.location import Location

from itinerary.config import NEAR_KM, ONLINE_RUN_BUDGET_S
from itinerary.errors import ServiceError
from itinerary.geocoding import countries
from itinerary.geocoding.cache import OUTSIDE, GeocodeCache, Miss
from itinerary.geocoding.cache import SOURCE as CACHE
from itinerary.geocoding.gazetteer import Gazetteer
from itinerary.geocoding.online import OnlineGeocoder
from itinerary.model import Stop
from itinerary.names import PARENS as _PARENS
from itinerary.names import variants
from itinerary.points import is_zero
from itinerary.text import shorten

Progress = Callable[[int, int], None]


@dataclass
class Resolution:
    stops: list[Stop]
    unresolved: list[tuple[Stop, str]] = field(default_factory=list)
    approximate: list[tuple[Stop, str]] = field(default_factory=list)
    suspicious: list[tuple[Stop, str]] = field(default_factory=list)
    zeroed: list[Stop] = field(default_factory=list)  # given 0, 0: placed by name instead
    worldwide: list[tuple[Stop, str]] = field(default_factory=list)  # no country named
    warnings: list[str] = field(default_factory=list)

    def messages(self, limit: int = 12) -> list[str]:
        """Everything a user should be told about placing these stops, one line each,
        naming at most `limit` stops a line."""
        told = [
            ([(s, "given 0, 0") for s in self.zeroed],
             "{n} stop(s) gave 0, 0, which is taken for no coordinates; they are placed by "
             "their names: {listed}."),
            (self.unresolved,
             "Could not place {n} stop(s) on the map: {listed}. They are listed but not "
             "drawn."),
            (self.approximate,
             "{n} stop(s) are placed at their country's centre because the place itself was "
             "not found: {listed}."),
            (self.suspicious, "{n} stop(s) have coordinates far from their country: {listed}."),
            (self.worldwide,
             "{n} stop(s) name no country, so their places were looked up worldwide: "
             "{listed}. Give the country to be sure."),
        ]
        return [*self.warnings, *(text.format(n=len(items), listed=_listing(items, limit))
                                  for items, text in told if items)]


def _listing(items: list[tuple[Stop, str]], limit: int | None = None) -> str:
    shown = items if limit is None else items[:limit]
    text = "; ".join(f'"{s.label}" (stop {s.stop_id}: {why})' for s, why in shown)
    return text + (f"; and {len(items) - len(shown)} more" if len(items) > len(shown) else "")


def locate(stops: Iterable[Stop], *, gazetteer: Gazetteer | None = None,
           cache: GeocodeCache | None = None, online: OnlineGeocoder | None = None,
           progress: Progress | None = None) -> Resolution:
    """Return the stops with coordinates filled in where they can be found."""
    stops, zeroed = _unzeroed(stops)
    lookup = _Lookup(gazetteer or Gazetteer(), cache, online)
    keys = list(dict.fromkeys((s.place, s.country) for s in stops if not s.located))
    answers: dict[tuple[str, str], Answer] = {}
    for done, key in enumerate(keys, start=1):
        answers[key] = lookup.find(*key)
        if progress is not None:
            progress(done, len(keys))
    result = Resolution([], zeroed=zeroed)
    for stop in stops:
        answer = answers.get((stop.place, stop.country)) if not stop.located else None
        if answer is not None:
            stop = _answered(stop, answer, result)
        result.stops.append(replace(stop, country_name=countries.common_name(stop.country))
                            if stop.country else stop)
    result.suspicious = _check_given(result.stops, lookup.gazetteer)
    result.warnings = [*lookup.gazetteer.warnings, *lookup.warnings,
                       *lookup.elsewhere_warning(), *(cache.warnings if cache else [])]
    return result


def _answered(stop: Stop, answer: Answer, result: Resolution) -> Stop:
    """The stop with its lookup's answer, and what is to be told of it noted in `result`."""
    location, why = answer
    if location is None:
        stop = replace(stop, note=why)
        result.unresolved.append((stop, why))
        return stop
    raw = location.raw or {}
    stop = replace(stop.with_location(
        location.latitude, location.longitude, raw.get("precision", ""),
        raw.get("source", ""), str(raw.get("country_code") or "")), note=why)
    if why:
        result.approximate.append((stop, why))
    elif not stop.country:
        result.worldwide.append((stop, f"placed in {_country_of(stop)}"))
    return stop


def _country_of(stop: Stop) -> str:
    found = countries.country(stop.country_code) if stop.country_code else None
    return found.common or found.name if found else "a country not known"


def _unzeroed(stops: Iterable[Stop]) -> tuple[list[Stop], list[Stop]]:
    """The stops with a given 0, 0 taken for no coordinates (nothing is placed there: it is
    what spreadsheets and broken services write for "unknown"), and those stops."""
    kept, zeroed = [], []
    for stop in stops:
        if stop.precision == "given" and is_zero(stop.lat, stop.lon):  # type: ignore[arg-type]
            zeroed.append(stop)
            stop = stop.with_location(None, None, "", "")
        kept.append(stop)
    return kept, zeroed


def _check_given(stops: list[Stop], gazetteer: Gazetteer) -> list[tuple[Stop, str]]:
    """Coordinates typed into the file that lie far from every town of the stop's country:
    a point in the sea, or lat and lon swapped."""
    found: list[tuple[Stop, str]] = []
    seen: dict[tuple[float, float, str], str] = {}
    for stop in stops:
        if stop.precision != "given" or not stop.country:
            continue
        key = (stop.lat, stop.lon, stop.country)
        if key not in seen:
            seen[key] = _given_problem(stop, gazetteer)
        if seen[key]:
            found.append((stop, seen[key]))
    return found


def _given_problem(stop: Stop, gazetteer: Gazetteer) -> str:
    hint = countries.hint_for(stop.country)
    lat, lon = stop.lat, stop.lon
    if hint is None or gazetteer.near_town(lat, lon, hint.codes, NEAR_KM):  # type: ignore[arg-type]
        return ""
    why = f"{lat:g}, {lon:g} is more than {NEAR_KM:g} km from any town in {stop.country}"
    if abs(lon) <= 90 and gazetteer.near_town(lon, lat, hint.codes, NEAR_KM):  # type: ignore[arg-type]
        why += "; lat and lon look swapped"
    return why


# An answer, and why it is missing or only approximate ("" when it is what was asked for).
Answer = tuple[Location | None, str]


class _Lookup:
    """One run's lookups: the cache first, then the gazetteer, then (when asked for) the
    online geocoder, whose answers must lie in the country the stop names."""

    def __init__(self, gazetteer: Gazetteer, cache: GeocodeCache | None,
                 online: OnlineGeocoder | None) -> None:
        self.gazetteer, self.cache, self.online = gazetteer, cache, online
        self.warnings: list[str] = []
        self.elsewhere: list[str] = []  # places the online geocoder put in another country
        self._online_seconds = 0.0

    def find(self, place: str, country: str) -> Answer:
        hint = countries.hint_for(country) if country else None
        if country and hint is None:
            return None, f'the country "{country}" is not recognised'
        if not place:
            return self._country_level(hint), ""  # the stop is the country itself
        found = self._found(place, country, hint)
        if found is not None:
            return found, ""
        return self._country_level(hint), self._why_not(place, country, hint)

    def _found(self, place: str, country: str, hint: countries.CountryHint | None
               ) -> Location | None:
        """The place from the cache, else the gazetteer, else (when asked for) online; the
        cache learns the answer, or that there is none."""
        cached = self._cached(place, country, hint)
        if isinstance(cached, Location):
            return cached
        # A miss is looked for again only online, and only when this run may ask it.
        asked = isinstance(cached, Miss) and cached.online
        found = self._offline(place, hint) if cached is None else None
        if found is None and self.online is not None and not asked:
            found = self._online(place, hint)
            asked = self.online is not None  # it answered, if only "not here"
        if self.cache is not None:
            if found is not None:
                self.cache.put(place, country, found)
            elif cached != Miss(asked):  # a miss already known as it is needs no write
                self.cache.put_miss(place, country, online=asked)
        return found

    def _cached(self, place: str, country: str, hint: countries.CountryHint | None
                ) -> Location | Miss | None:
        """The cache's answer, held to the rule online answers meet: a row that puts the
        place in another country is dropped, and the place looked up again."""
        cached = self.cache.get(place, country) if self.cache is not None else None
        if not isinstance(cached, Location):
            return cached
        if not self._fits(cached, hint):
            self.cache.drop(place, country, OUTSIDE)  # type: ignore[union-attr]
            return None
        return Location(cached.address, cached.point, {**cached.raw, "source": CACHE})

    def _why_not(self, place: str, country: str, hint: countries.CountryHint | None) -> str:
        """Why the stop is at its country's centre: the name fits several places, in the
        country or in the lands it ruled, or none."""
        where = f" in {country}" if country else ""
        fits = self.gazetteer.fits(place, hint)
        if fits > 1:
            return f'"{place}" is ambiguous: {fits} places{where} have that name'
        ruled = self.gazetteer.fits(place, hint, ruled=True) if hint and hint.ruled else 0
        if ruled > 1:
            return f'"{place}" is ambiguous: {ruled} places in lands {country} ruled have that name'
        return f'"{place}" was not found{where}'

    def _country_level(self, hint: countries.CountryHint | None) -> Location | None:
        return self.gazetteer.country(hint.codes[0]) if hint else None

    def _offline(self, place: str, hint: countries.CountryHint | None) -> Location | None:
        found = self.gazetteer.geocode(place, country_codes=hint)
        if found is None and hint is not None:
            found = self._territory(place, hint) or self._inside(place, hint)
        return found if isinstance(found, Location) else None

    def _territory(self, place: str, hint: countries.CountryHint) -> Location | None:
        """The place may be a country itself: "Curaçao" under the Netherlands Antilles,
        "Bermuda" under the United Kingdom; or a part of it named like it: "Trinidad"."""
        for name in variants(place):
            code = countries.code_for(name)
            info = countries.country(code) if code in hint.codes else None  # type: ignore[arg-type]
            if info is not None:
                # A territory, or a country under another's name ("Malta, United Kingdom"),
                # is a part of what the stop's country text names: a region of it.
                part = (info.territory or info.code not in hint.named_codes
                        or not countries.is_name(name, info.code))
                return self.gazetteer.country(info.code, "region" if part else "country")
        return None

    def _inside(self, place: str, hint: countries.CountryHint) -> Location | None:
        """A place whose parentheses name another country than the stop's: "Havana (Cuba)"
        under Spain is Havana, Cuba, the colony the record's country text stands for."""
        for inner in _PARENS.findall(place):
            inside = countries.hint_for(inner)
            if inside is not None and inside.codes != hint.codes:
                found = self.gazetteer.geocode(_PARENS.sub(" ", place).strip(),
                                               country_codes=inside)
                if isinstance(found, Location):
                    return found
        return None

    def _online(self, place: str, hint: countries.CountryHint | None) -> Location | None:
        """An online answer, if it lies in the hinted country; None, and the service set
        aside for the run with one warning, when it fails or runs over the run's budget."""
        started = time.monotonic()
        try:
            found = self.online.geocode(  # type: ignore[union-attr]
                place, country_codes=list(hint.named_codes) if hint else None)
        except ServiceError as exc:
            self._set_aside(f"Online geocoding is unavailable ({exc}); using offline "
                            "answers only.")
            return None
        finally:
            self._online_seconds += time.monotonic() - started
        if self._online_seconds > ONLINE_RUN_BUDGET_S and self.online is not None:
            self._set_aside(f"Online geocoding took over {ONLINE_RUN_BUDGET_S:g} s in all; "
                            "the other places are looked up offline only.")
        if found is not None and not self._fits(found, hint):
            self.elsewhere.append(place)
            return None
        return found

    def _fits(self, found: Location, hint: countries.CountryHint | None) -> bool:
        """Whether an answer from outside the gazetteer (a service's, a cache's) lies in the
        hinted countries: near one of their towns, or at one of their own points (a
        territory's, a country's)."""
        if hint is None:
            return True
        point = (found.latitude, found.longitude)
        if any((at := self.gazetteer.country(code)) is not None
               and max(abs(a - b) for a, b in zip(point, at.point[:2], strict=True)) < 1e-6
               for code in hint.codes):
            return True
        return self.gazetteer.near_town(*point, hint.codes, NEAR_KM)

    def elsewhere_warning(self) -> list[str]:
        if not self.elsewhere:
            return []
        listed = "; ".join(f'"{shorten(p, 60)}"' for p in self.elsewhere[:5])
        more = f"; and {len(self.elsewhere) - 5} more" if len(self.elsewhere) > 5 else ""
        return [f"The online geocoder put {len(self.elsewhere)} place(s) outside the country "
                f"their stop names, so its answers were not used: {listed}{more}."]

    def _set_aside(self, warning: str) -> None:
        if not self.warnings:  # once: one failing service should not flood the page
            self.warnings.append(warning)
        self.online = None
