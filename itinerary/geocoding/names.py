"""Normalising place names so that accents, case and punctuation do not matter."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize(name: str) -> str:
    """Fold a name to lower-case ASCII words: "Bogotá D.C." -> "bogota d c"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Letters NFKD cannot split (ø, ł, ß, æ) would otherwise vanish.
    stripped = stripped.translate(_SPECIAL)
    return _NON_ALNUM.sub(" ", stripped).strip()


_SPECIAL = str.maketrans({"ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d",
                          "ð": "d", "þ": "th", "ı": "i"})
