"""Names the gazetteer cannot know, mapped to names it can look up.

A few places in travel records are landmarks or former bases with no entry of their own
in GeoNames. `itinerary/data/aliases.csv` maps each to the town or region that holds it,
with the reason. Only names are mapped: coordinates still come from the gazetteer.
"""

from __future__ import annotations

import csv

from itinerary.config import ALIASES_FILE
from itinerary.names import normalize


def _load() -> dict[tuple[str, str], str]:
    with ALIASES_FILE.open(encoding="utf-8", newline="") as f:
        return {(row["cc"], normalize(row["name"])): row["lookup"] for row in csv.DictReader(f)}


ALIASES: dict[tuple[str, str], str] = _load()
