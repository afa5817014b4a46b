"""The two links of a saved trip: the view link, which anyone may open, and the edit link,
which holds the secret key. `?saved=ID` (and `&version=N` for an older version), and
`?saved=ID&key=KEY`."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

SAVED, KEY, VERSION = "saved", "key", "version"  # the links' parameters


def view_link(base: str, trip_id: str, version: int | None = None) -> str:
    return _link(base, {SAVED: trip_id, **({VERSION: str(version)} if version else {})})


def edit_link(base: str, trip_id: str, key: str) -> str:
    return _link(base, {SAVED: trip_id, KEY: key})


def _link(base: str, query: dict[str, str]) -> str:
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))
