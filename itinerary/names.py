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
PARENS = re.compile(r"\(([^()]*)\)")


def variants(place: str) -> list[str]:
    """The names a written place may stand for, in the order to try them.

    "Mumbai (Bombay)" -> "Mumbai (Bombay)", "Mumbai", "Bombay"; "St. Thomas" also gives
    "Saint Thomas". Parentheses hold an alias or a hint; either may be the findable name.
    """
    inner = [p.strip() for p in PARENS.findall(place) if p.strip()]
    outer = " ".join(PARENS.sub(" ", place).split())
    found = [place.strip(), outer, *inner] if inner else [place.strip()]
    expanded = []
    for name in found:
        expanded.append(name)
        words = normalize(name).split()
        if any(w in _ABBREVIATIONS for w in words):
            expanded.append(" ".join(_ABBREVIATIONS.get(w, w) for w in words))
    return [v for v in dict.fromkeys(expanded) if v]


_COMPASS = re.compile(r"^(west|east|north|south)\s+(?=\S)", re.IGNORECASE)
_FEATURE = re.compile(r"(?<=\S)\s+(city|bay|island|islands|isle|sound|province|district)$",
                      re.IGNORECASE)


def shortened(place: str) -> list[str]:
    """The place without a side of the compass before it or a kind of feature after it,
    to try when the whole name is not found: "West Berlin" -> "Berlin", "Djibouti City"
    -> "Djibouti", "Cam Ranh Bay" -> "Cam Ranh", "Cheju Island" -> "Cheju"."""
    found = []
    for name in variants(place):
        bare = _FEATURE.sub("", _COMPASS.sub("", name)).strip()
        if bare and bare != name:
            found.append(bare)
    return list(dict.fromkeys(found))


# The generic words of airfields' names, one list for the index and the search: "Clark Air
# Base" and "Clark International Airport" are one key, "clark", as "RAF Brize Norton" and
# "Brize Norton" are. The military ones mark the airfields worth indexing without an IATA code.
_MILITARY = (r"air ?base|air force base|afb|ab|raf|naval air station|nas|army air ?field|"
             r"air station|field|camp")
_MILITARY_WORDS = re.compile(rf"\b({_MILITARY})\b")
_AIRFIELD_WORDS = re.compile(rf"\b({_MILITARY}|international|regional|municipal|airport|"
                             r"airfield|aerodrome|airstrip)\b")


def airfield_key(name: str) -> str:
    """A name without the generic words of airfields: "Lajes Field" -> "lajes"."""
    return " ".join(_AIRFIELD_WORDS.sub(" ", normalize(name)).split())


def is_military(name: str) -> bool:
    """Whether a name says it is a military airfield: "Ramstein Air Base", "RAF Brize Norton"."""
    return _MILITARY_WORDS.search(normalize(name)) is not None
