"""Filling in a trip's missing coordinates: file, then cache, then gazetteer, then online.

Each stop comes back with `precision` (given, city, region, country, or empty) and
`geocoder` (file, cache, gazetteer, nominatim) set. A stop that cannot be placed keeps no
coordinates and is listed in `Resolution.unresolved`; it is never dropped or put at (0, 0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from geopy.location import Location

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
    warnings: list[str] = field(default_factory=list)

    def unresolved_message(self) -> str:
        """One sentence naming every place that could not be placed."""
        names = "; ".join(f'"{s.label}" (stop {s.stop_id}: {why})' for s, why in self.unresolved)
        return f"Could not place {len(self.unresolved)} stop(s) on the map: {names}."


def locate(stops: Iterable[Stop], *, gazetteer: Gazetteer | None = None,
           cache: GeocodeCache | None = None, online: OnlineGeocoder | None = None,
           progress: Progress | None = None) -> Resolution:
    """Return the stops with coordinates filled in where they can be found."""
    stops = list(stops)
    lookup = _Lookup(gazetteer or Gazetteer(), cache, online)
    keys = list(dict.fromkeys((s.place, s.country) for s in stops if not s.located))
    answers: dict[tuple[str, str], Location | str] = {}
    for done, key in enumerate(keys, start=1):
        answers[key] = lookup.find(*key)
        if progress is not None:
            progress(done, len(keys))
    result = Resolution([])
    for stop in stops:
        answer = answers.get((stop.place, stop.country)) if not stop.located else None
        if isinstance(answer, Location):
            raw = answer.raw or {}
            stop = stop.with_location(answer.latitude, answer.longitude,
                                      raw.get("precision", ""), raw.get("source", ""))
        elif isinstance(answer, str):
            result.unresolved.append((stop, answer))
        result.stops.append(stop)
    result.warnings = lookup.warnings + (cache.warnings if cache else [])
    return result


class _Lookup:
    def __init__(self, gazetteer: Gazetteer, cache: GeocodeCache | None,
                 online: OnlineGeocoder | None) -> None:
        self.gazetteer, self.cache, self.online = gazetteer, cache, online
        self.warnings: list[str] = []

    def find(self, place: str, country: str) -> Location | str:
        """The answer, or a short reason why there is none."""
        code = countries.code_for(country) if country else None
        if country and code is None:
            return f'the country "{country}" is not recognised'
        if self.cache is not None:
            hit = self.cache.get(place, country)
            if hit is not None:
                return Location(hit.address, hit.point, {**hit.raw, "source": CACHE})
        answer = self._search(place, code)
        if answer is None:
            where = f" in {country}" if country else ""
            return f'"{place}" was not found{where}'
        if self.cache is not None:
            self.cache.put(place, country, answer)
        return answer

    def _search(self, place: str, code: str | None) -> Location | None:
        if not place:
            return self.gazetteer.country(code) if code else None
        found = self.gazetteer.geocode(place, country_codes=code)
        if found is None and self.online is not None:
            found = self._online(place, code)
        return found if isinstance(found, Location) else None

    def _online(self, place: str, code: str | None) -> Location | None:
        try:
            return self.online.geocode(place, country_codes=code)  # type: ignore[union-attr]
        except ServiceError as exc:
            if not self.warnings:  # once: one failing service should not flood the page
                self.warnings.append(f"Online geocoding is unavailable ({exc}); "
                                     "using offline answers only.")
            self.online = None
            return None
