"""Dates in an article's sentences: days, ranges, weekdays and months, and the year each
belongs to.

It reads "May 21", "May 23-24", "March 30 to April 2", "from March 3 to 8, 2022",
"May 23rd through May 26th", "12 March", "Friday, 12 March", "the 13th", "on Monday",
"next month", "in June 2021", "the week of October 4". A day's year is the one that the
mention itself gives, or else the one that puts it nearest the article's reference date (its
publication date, or the latest year the text names): an announcement published on
December 20 that says "January 3" means the next year's.

Every pattern is a single pass of a regular expression with bounded repetition, so the
cost is linear in the length of the text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = [m[:3].lower() for m in MONTHS]
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_SEP = r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*"
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"

_PATTERNS = re.compile(
    # "the week of October 4"
    rf"(?P<week>\bweek of\s+)?"
    rf"(?:(?P<wd0>{WEEKDAY}),?\s+)?"
    rf"(?:"
    # month first: "May 23-24", "March 30 to April 2", "May 5 – May 9, 2022"
    rf"\b(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}){_ORD}\b"
    rf"(?:{_SEP}(?:(?P<m2>{MONTH})\s+)?(?P<d2>\d{{1,2}}){_ORD}\b(?!\s*(?:{MONTH}|%|\d)))?"
    rf"{_YEAR}"
    rf"|"
    # day first: "12 March", "12-14 March 2021", "the 13th of March"
    rf"\b(?P<bd1>\d{{1,2}}){_ORD}(?:{_SEP}(?P<bd2>\d{{1,2}}){_ORD})?\s+(?:of\s+)?"
    rf"(?P<bm>{MONTH})(?:\s+(?P<by>(?:19|20)\d\d)\b)?"
    rf"|"
    # month alone: "in June 2021", "early March"
    rf"(?P<mpre>\b(?:in|during|early|late|mid-?|of|since|until|by|this|next|last)\s+)"
    rf"(?P<mm>{MONTH})(?!\s*\d{{1,2}}\b)(?:,?\s+(?P<my>(?:19|20)\d\d)\b)?"
    rf"|"
    # a weekday alone: "on Monday"
    rf"\b(?P<wd>{WEEKDAY})\b"
    rf"|"
    # a day of the month alone: "the 13th"
    rf"\bthe\s+(?P<od>\d{{1,2}})(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)]|$|and\b|to\b|through\b))"
    rf"|"
    rf"\b(?P<rel>next month|this month|tomorrow|today|tonight|this week|next week)\b"
    rf")")


@dataclass(frozen=True)
class When:
    """A date or range found in a sentence, at [begin, end) of it."""

    begin: int
    end: int
    first: date
    last: date
    day: bool  # True when it names days; False for a month or a week
    text: str


def dates_in(sentence: str, reference: date, month_hint: int | None = None) -> list[When]:
    """The dates a sentence names, in order. `reference` decides years a mention leaves
    out; `month_hint` is the month a bare "the 13th" is in."""
    found: list[When] = []
    for match in _PATTERNS.finditer(sentence):
        when = _when(match, reference, month_hint)
        if when is not None:
            found.append(when)
            if when.day:
                month_hint = when.last.month
    return found


def _when(match: re.Match[str], reference: date, month_hint: int | None) -> When | None:
    g = match.groupdict()
    span: tuple[date, date] | None = None
    day = True
    if g["m1"]:
        span = _days(reference, month_number(g["m1"]), int(g["d1"]),
                     month_number(g["m2"]) if g["m2"] else None,
                     int(g["d2"]) if g["d2"] else None, g["y"])
    elif g["bm"]:
        span = _days(reference, month_number(g["bm"]), int(g["bd1"]), None,
                     int(g["bd2"]) if g["bd2"] else None, g["by"])
    elif g["mm"]:
        if g["mm"].startswith("May") and g["mpre"].strip() in ("this", "next", "last", "by"):
            return None  # "this may", "next may": the verb more often than the month
        span, day = _whole_month(reference, month_number(g["mm"]), g["my"], g["mpre"]), False
    elif g["wd"]:
        span = _weekday(reference, g["wd"])
    elif g["od"]:
        if month_hint is None:
            return None
        span = _days(reference, month_hint, int(g["od"]), None, None, None)
    elif g["rel"]:
        span, day = _relative(reference, g["rel"])
    if span is None:
        return None
    if g["week"] and day:
        span, day = (span[0], span[0] + timedelta(days=6)), False
    return When(match.start(), match.end(), span[0], span[1], day, match.group(0))


def month_number(name: str) -> int:
    """1 for "Jan", "January" or "Jan.", and so on."""
    return _MONTH_NAMES.index(name[:3].lower()) + 1


def _days(reference: date, m1: int, d1: int, m2: int | None, d2: int | None,
          year: str | None) -> tuple[date, date] | None:
    m2 = m2 or m1
    d2 = d2 or d1
    if year:
        y2 = int(year)
        y1 = y2 - 1 if (m2, d2) < (m1, d1) else y2
    else:
        y1 = nearest_year(reference, m1, d1)
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    try:
        first, last = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None  # "February 30": not a date
    if (last - first).days > 62:
        return None  # "May 5 and 25 other…" read as a range of months: not a stay
    return first, last


def nearest_year(reference: date, month: int, day: int = 1) -> int:
    """The year that puts the month and day nearest the reference date."""
    best = reference.year
    best_gap: int | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            gap = abs((date(year, month, min(day, 28)) - reference).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _whole_month(reference: date, month: int, year: str | None,
                 before: str) -> tuple[date, date]:
    y = int(year) if year else nearest_year(reference, month, 15)
    if not year and before.strip() == "last" and date(y, month, 1) > reference:
        y -= 1
    return date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1])


def _weekday(reference: date, name: str) -> tuple[date, date]:
    """The first such weekday on or after the reference date: announcements speak of the
    days ahead."""
    wanted = [w[:3].lower() for w in WEEKDAYS].index(name[:3].lower())
    day = reference + timedelta(days=(wanted - reference.weekday()) % 7)
    return day, day


def _relative(reference: date, words: str) -> tuple[tuple[date, date], bool]:
    if words in ("today", "tonight"):
        return (reference, reference), True
    if words == "tomorrow":
        day = reference + timedelta(days=1)
        return (day, day), True
    if words in ("this week", "next week"):
        start = reference - timedelta(days=reference.weekday())
        if words == "next week":
            start += timedelta(days=7)
        return (start, start + timedelta(days=6)), False
    year, month = reference.year, reference.month
    if words == "next month":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    last = calendar.monthrange(year, month)[1]
    return (date(year, month, 1), date(year, month, last)), False


_YEARS = re.compile(r"\b((?:19|20)\d\d)\b")


def latest_year(text: str) -> int | None:
    """The latest year a text names, for an article that gives no publication date."""
    years = [int(y) for y in _YEARS.findall(text)]
    return max(years) if years else None
