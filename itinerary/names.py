"""Place names as people write them: folded so that accents, case and punctuation do not
matter when names are compared, and the variants one written name may stand for.

Used where records are compared (`sources.records`) and where names are looked up
(`geocoding`)."""

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


_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
_PARENS = re.compile(r"\(([^()]*)\)")


def variants(place: str) -> list[str]:
    """The names a written place may stand for, in the order to try them.

    "Mumbai (Bombay)" -> "Mumbai (Bombay)", "Mumbai", "Bombay"; "St. Thomas" also gives
    "Saint Thomas". Parentheses hold an alias or a hint; either may be the findable name.
    """
    inner = [p.strip() for p in _PARENS.findall(place) if p.strip()]
    outer = " ".join(_PARENS.sub(" ", place).split())
    found = [place.strip(), outer, *inner] if inner else [place.strip()]
    expanded = []
    for name in found:
        expanded.append(name)
        words = normalize(name).split()
        if any(w in _ABBREVIATIONS for w in words):
            expanded.append(" ".join(_ABBREVIATIONS.get(w, w) for w in words))
    return [v for v in dict.fromkeys(expanded) if v]
