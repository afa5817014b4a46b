"""The online geocoder: Nominatim through geopy, opt-in, for places the gazetteer lacks.

It identifies itself with a real user agent and keeps to Nominatim's usage policy of one
request per second with geopy's RateLimiter. A service is not trusted: each request has a
deadline for the whole of it (a server that sends a byte every few seconds never ends a
per-read timeout), a reply is read up to a size, and an answer whose coordinates are not a
place (missing, not numbers, out of range, 0, 0) is refused. Any failure becomes a
`ServiceError`, its message cut short and on one line, so callers can fall back to the
offline answer.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from http.client import HTTPResponse
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlsplit

from geopy.adapters import URLLibAdapter
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location

from itinerary import __version__
from itinerary.config import (
    ONLINE_DEADLINE_S,
    ONLINE_MAX_BYTES,
    ONLINE_MIN_DELAY_S,
    ONLINE_TIMEOUT_S,
    nominatim_url,
)
from itinerary.errors import ServiceError
from itinerary.points import point_problem
from itinerary.text import one_line, shorten

SOURCE = "nominatim"
USER_AGENT = f"itinerary/{__version__} (trip dashboard; offline-first geocoding)"
_REGION_TYPES = {"state", "region", "province", "county", "district", "state_district",
                 "archipelago"}


class CappedAdapter(URLLibAdapter):
    """geopy's urllib adapter, reading a reply (or an error's body) up to a size."""

    def _decode_page(self, page: HTTPResponse) -> str:
        return _read_capped(page)

    def _read_http_error_body(self, error: HTTPError) -> str | None:
        try:
            return _read_capped(error)
        except Exception:
            return None


class OnlineGeocoder:
    """A rate-limited Nominatim client that answers like the gazetteer."""

    def __init__(self, *, user_agent: str = USER_AGENT, timeout: float = ONLINE_TIMEOUT_S,
                 min_delay_seconds: float = ONLINE_MIN_DELAY_S,
                 deadline: float = ONLINE_DEADLINE_S, **nominatim: str) -> None:
        # `nominatim` passes domain and scheme through, for a self-hosted server.
        self._nominatim = Nominatim(user_agent=user_agent, timeout=timeout,
                                    adapter_factory=CappedAdapter, **nominatim)
        self._geocode = RateLimiter(self._nominatim.geocode,
                                    min_delay_seconds=min_delay_seconds, max_retries=0,
                                    swallow_exceptions=False)
        self.deadline = deadline

    def geocode(self, query: str, *, country_codes: str | list[str] | None = None
                ) -> Location | None:
        found = _within(self.deadline, query, lambda: self._geocode(
            query, exactly_one=True, country_codes=country_codes))
        if found is None:
            return None
        raw = dict(found.raw) if isinstance(found.raw, dict) else {}
        # The reply's own numbers: geopy turns a missing latitude into 0 and wraps a
        # longitude of 1000 into range, which would hide a lying answer.
        problem = point_problem(raw.get("lat"), raw.get("lon"))
        if problem:
            raise ServiceError(one_line(f'the online geocoder answered "{shorten(query, 60)}" '
                                        f"with no place: {problem}"))
        raw.update(precision=_precision(raw), source=SOURCE)
        return Location(str(found.address), (float(raw["lat"]), float(raw["lon"])), raw)


def configured(**options: float) -> OnlineGeocoder:
    """The online geocoder, at the server `ITINERARY_NOMINATIM_URL` names if set (a
    self-hosted Nominatim, or a local test server), else at Nominatim's public one."""
    url = nominatim_url()
    if not url:
        return OnlineGeocoder(**options)  # type: ignore[arg-type]
    parts = urlsplit(url)
    return OnlineGeocoder(domain=parts.netloc, scheme=parts.scheme or "https",
                          **options)  # type: ignore[arg-type]


def _within(deadline: float, query: str, call: Callable[[], object]) -> Location | None:
    """Run a request with a deadline for the whole of it. A request past its deadline is
    left to end on its own, in a thread that does not keep the program alive."""
    answers: queue.Queue = queue.Queue(maxsize=1)

    def run() -> None:
        try:
            answers.put((True, call()))
        except Exception as exc:
            answers.put((False, exc))

    threading.Thread(target=run, daemon=True).start()
    try:
        ok, value = answers.get(timeout=deadline)
    except queue.Empty:
        raise ServiceError(f'the online geocoder did not answer "{shorten(query, 60)}" '
                           f"within {deadline:g} s") from None
    if ok:
        return value if isinstance(value, Location) or value is None else None
    if isinstance(value, GeopyError | ValueError | TypeError | KeyError | AttributeError):
        why = one_line(shorten(str(value) or type(value).__name__, 200))
        raise ServiceError(f'the online geocoder failed for "{shorten(query, 60)}": '
                           f"{why}") from value
    raise value


def _read_capped(response: HTTPResponse | HTTPError) -> str:
    chunks: list[bytes] = []
    size = 0
    while size <= ONLINE_MAX_BYTES:
        # read1 returns what has come, where read would wait for all it asks for.
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > ONLINE_MAX_BYTES:
        raise ServiceError(f"the online geocoder's reply is over {ONLINE_MAX_BYTES:,} bytes")
    return b"".join(chunks).decode("utf-8", "replace")


def _precision(raw: dict[str, Any]) -> str:
    kind = raw.get("addresstype") or raw.get("type") or ""
    if kind == "country":
        return "country"
    if kind in _REGION_TYPES:
        return "region"
    return "city"  # towns, villages, landmarks: anything finer than a region
