"""The random names of saved trips and their secret edit keys.

An id is 96 random bits (hex) and a key 192 (URL-safe base64), from `secrets`. Only a key's SHA-256
is stored: a key is random and long, so a slow password hash would add nothing but time.
Keys are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ID_BYTES, KEY_BYTES = 12, 24  # 96 and 192 bits: past the 64 and 128 asked for
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def new_id() -> str:
    return secrets.token_hex(ID_BYTES)  # hex: a link or a command line takes it as it is


def new_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def matches(key: str | None, stored: str) -> bool:
    """Whether `key` is the one whose digest is `stored`, in time that does not depend on
    where they differ."""
    return bool(key) and hmac.compare_digest(digest(key or ""), stored)


def well_formed(token: str | None) -> bool:
    """Whether a text from a link can be an id or a key at all (before any lookup)."""
    return bool(token) and _TOKEN.fullmatch(token or "") is not None
