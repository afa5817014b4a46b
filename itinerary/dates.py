"""Dates as the package reads and writes them: the one ISO rule, and ranges for people.

Every date the package takes in (CSV cells, record elements, link parameters, command-line
options) goes through `iso_date`, so they all accept and refuse the same texts.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from itinerary.errors import DateError

# Travel outside these years is a typo (0202 for 2022), not a trip.
EARLIEST, LATEST = date(1800, 1, 1), date(2100, 12, 31)
NOT_ISO = "expected an ISO date like 2022-10-05"
OUT_OF_RANGE = f"expected a date between {EARLIEST.isoformat()} and {LATEST.isoformat()}"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=8192)  # one date object for the many stops of one day
def iso_date(value: str) -> date:
    """A YYYY-MM-DD date from EARLIEST to LATEST, or DateError saying which rule failed."""
    if _ISO_DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if EARLIEST <= day <= LATEST:
                return day
            raise DateError(DateError.OUT_OF_RANGE, value, OUT_OF_RANGE)
    raise DateError(DateError.NOT_ISO, value, NOT_ISO)


def format_range(start: date, end: date) -> str:
    """A compact human date range: "5 Oct 2022", "3–4 Oct 2022", "30 Sep – 2 Oct 2022"."""
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
