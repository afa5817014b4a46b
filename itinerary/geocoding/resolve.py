"""Filling in a trip's missing coordinates: file, then cache, then gazetteer, then online.

Each stop comes back with `precision` (given, city, region, country, or empty) and
`geocoder` (file, cache, gazetteer, nominatim) set. A stop that cannot be placed keeps no
coordinates and is listed in `Resolution.unresolved`; it is never dropped or put at (0, 0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from geopy.location import Location

from itinerary.config import NEAR_KM
from itinerary.errors import ServiceError
from itinerary.geocoding import countries
from itinerary.geocoding.cache import SOURCE as CACHE
from itinerary.geocoding.cache import GeocodeCache
from itinerary.geocoding.gazetteer import Gazetteer
from itinerary.geocoding.online import OnlineGeocoder
from itinerary.model import Stop

Progress = Callable[[int, int], None]


@dataclass
class Resolution:
    stops: list[Stop]
    unresolved: list[tuple[Stop, str]] = field(default_factory=list)
    approximate: list[tuple[Stop, str]] = field(default_factory=list)
    suspicious: list[tuple[Stop, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def unresolved_message(self) -> str:
        """One sentence naming every place that could not be placed."""
        return (f"Could not place {len(self.unresolved)} stop(s) on the map: "
                f"{_listing(self.unresolved)}.")

    def approximate_message(self, limit: int = 12) -> str:
        """One sentence naming the places shown only at their country's centre."""
        return (f"{len(self.approximate)} stop(s) are placed at their country's centre because "
                f"the place itself was not found: {_listing(self.approximate, limit)}.")


    def suspicious_message(self, limit: int = 12) -> str:
        """One sentence naming the given coordinates that do not fit their country."""
        return (f"{len(self.suspicious)} stop(s) have coordinates far from their country: "
                f"{_listing(self.suspicious, limit)}.")


    def messages(self) -> list[str]:
        """Everything a user should be told about placing these stops, one line each."""
        lines = list(self.warnings)
        if self.unresolved:
            lines.append(self.unresolved_message() + " They are listed but not drawn.")
        if self.approximate:
            lines.append(self.approximate_message())
        if self.suspicious:
            lines.append(self.suspicious_message())
        return lines


def _listing(items: list[tuple[Stop, str]], limit: int | None = None) -> str:
    shown = items if limit is None else items[:limit]
    text = "; ".join(f'"{s.label}" (stop {s.stop_id}: {why})' for s, why in shown)
    return text + (f"; and {len(items) - len(shown)} more" if len(items) > len(shown) else "")


def locate(stops: Iterable[Stop], *, gazetteer: Gazetteer | None = None,
           cache: GeocodeCache | None = None, online: OnlineGeocoder | None = None,
           progress: Progress | None = None) -> Resolution:
    """Return the stops with coordinates filled in where they can be found."""
    stops = list(stops)
    lookup = _Lookup(gazetteer or Gazetteer(), cache, online)
    keys = list(dict.fromkeys((s.place, s.country) for s in stops if not s.located))
    answers: dict[tuple[str, str], Answer] = {}
    for done, key in enumerate(keys, start=1):
        answers[key] = lookup.find(*key)
        if progress is not None:
            progress(done, len(keys))
    result = Resolution([])
    for stop in stops:
        answer = answers.get((stop.place, stop.country)) if not stop.located else None
        if answer is not None:
            location, why = answer
            if location is None:
                result.unresolved.append((stop, why))
            else:
                raw = location.raw or {}
                stop = stop.with_location(location.latitude, location.longitude,
                                          raw.get("precision", ""), raw.get("source", ""))
                if why:
                    result.approximate.append((stop, why))
        result.stops.append(replace(stop, country_name=countries.common_name(stop.country))
                            if stop.country else stop)
    result.suspicious = _check_given(result.stops, lookup.gazetteer)
    result.warnings = lookup.warnings + (cache.warnings if cache else [])
    return result


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
    def __init__(self, gazetteer: Gazetteer, cache: GeocodeCache | None,
                 online: OnlineGeocoder | None) -> None:
        self.gazetteer, self.cache, self.online = gazetteer, cache, online
        self.warnings: list[str] = []

    def find(self, place: str, country: str) -> Answer:
        hint = countries.hint_for(country) if country else None
        if country and hint is None:
            return None, f'the country "{country}" is not recognised'
        if not place:
            return self._country_level(hint), ""  # the stop is the country itself
        if self.cache is not None:
            hit = self.cache.get(place, country)
            if hit is not None:
                return Location(hit.address, hit.point, {**hit.raw, "source": CACHE}), ""
        answer = self._search(place, hint)
        if answer is not None:
            if self.cache is not None:
                self.cache.put(place, country, answer)
            return answer, ""
        where = f" in {country}" if country else ""
        why = f'"{place}" was not found{where}'
        # Not cached: the place may yet be found online, or by a better gazetteer.
        fallback = self._country_level(hint)
        return fallback, why

    def _country_level(self, hint: countries.CountryHint | None) -> Location | None:
        return self.gazetteer.country(hint.codes[0]) if hint else None

    def _search(self, place: str, hint: countries.CountryHint | None) -> Location | None:
        found = self.gazetteer.geocode(place, country_codes=hint)
        if found is None and hint is not None:
            # The place may be a country itself: "Curaçao" under the Netherlands Antilles.
            code = countries.code_for(place)
            if code in hint.codes:
                found = self.gazetteer.country(code)  # type: ignore[arg-type]
        if found is None and self.online is not None:
            found = self._online(place, hint.named_codes if hint else None)
        return found if isinstance(found, Location) else None

    def _online(self, place: str, codes: tuple[str, ...] | None) -> Location | None:
        try:
            return self.online.geocode(place, country_codes=list(codes or ()) or None)  # type: ignore[union-attr]
        except ServiceError as exc:
            if not self.warnings:  # once: one failing service should not flood the page
                self.warnings.append(f"Online geocoding is unavailable ({exc}); "
                                     "using offline answers only.")
            self.online = None
            return None
