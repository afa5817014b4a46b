"""The online geocoder: Nominatim through geopy, opt-in, for places the gazetteer lacks.

It identifies itself with a real user agent, gives up after a timeout, and keeps to
Nominatim's usage policy of one request per second with geopy's RateLimiter. Any failure
becomes a `ServiceError`, so callers can fall back to the offline answer.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location

from itinerary import __version__
from itinerary.config import ONLINE_MIN_DELAY_S, ONLINE_TIMEOUT_S, nominatim_url
from itinerary.errors import ServiceError

SOURCE = "nominatim"
USER_AGENT = f"itinerary/{__version__} (trip dashboard; offline-first geocoding)"
_REGION_TYPES = {"state", "region", "province", "county", "district", "state_district",
                 "archipelago"}


class OnlineGeocoder:
    """A rate-limited Nominatim client that answers like the gazetteer."""

    def __init__(self, *, user_agent: str = USER_AGENT, timeout: float = ONLINE_TIMEOUT_S,
                 min_delay_seconds: float = ONLINE_MIN_DELAY_S, **nominatim: str) -> None:
        # `nominatim` passes domain and scheme through, for a self-hosted server.
        self._nominatim = Nominatim(user_agent=user_agent, timeout=timeout, **nominatim)
        self._geocode = RateLimiter(self._nominatim.geocode,
                                    min_delay_seconds=min_delay_seconds, max_retries=0,
                                    swallow_exceptions=False)

    def geocode(self, query: str, *, country_codes: str | list[str] | None = None
                ) -> Location | None:
        try:
            found = self._geocode(query, exactly_one=True, country_codes=country_codes)
        except GeopyError as exc:
            raise ServiceError(f'the online geocoder failed for "{query}": '
                               f"{exc or type(exc).__name__}") from exc
        if found is None:
            return None
        raw = dict(found.raw)
        raw.update(precision=_precision(raw), source=SOURCE)
        return Location(found.address, (found.latitude, found.longitude), raw)


def configured(**options: float) -> OnlineGeocoder:
    """The online geocoder, at the server `ITINERARY_NOMINATIM_URL` names if set (a
    self-hosted Nominatim, or a local test server), else at Nominatim's public one."""
    url = nominatim_url()
    if not url:
        return OnlineGeocoder(**options)  # type: ignore[arg-type]
    parts = urlsplit(url)
    return OnlineGeocoder(domain=parts.netloc, scheme=parts.scheme or "https",
                          **options)  # type: ignore[arg-type]


def _precision(raw: dict[str, Any]) -> str:
    kind = raw.get("addresstype") or raw.get("type") or ""
    if kind == "country":
        return "country"
    if kind in _REGION_TYPES:
        return "region"
    return "city"  # towns, villages, landmarks: anything finer than a region
