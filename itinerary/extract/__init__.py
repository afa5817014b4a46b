"""From an article to a draft itinerary.

`extract` reads a trip announcement, readout or news story (text, Markdown, HTML or PDF)
and returns a draft `Trip`: its stops in the order of the trip, with their days, and the
people met and events attended at each, with what they said. Every stop and meeting keeps
the sentence it came from, and each stop whether its days are stated or inferred.

The modules, in the order the text passes through them: `reading` (formats, front matter,
datelines), `sentences`, `when` (dates), `places` (names the gazetteer knows), `cues`
(which names are stops), `route_of` (stops and their days), `people` and `quotes`
(meetings), `draft` (the Trip).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from itinerary.errors import ArticleError, Problem
from itinerary.extract.draft import (
    Draft,
    MeetingReader,
    Travellers,
    stop_from,
    stop_ids,
    traveller_of,
)
from itinerary.extract.places import PlaceFinder
from itinerary.extract.reading import Article, read_article
from itinerary.extract.route_of import RouteReader
from itinerary.extract.sentences import sentences
from itinerary.extract.when import latest_year
from itinerary.geocoding.gazetteer import Gazetteer
from itinerary.model import Trip
from itinerary.sources.stops import by_traveller

__all__ = ["Article", "ArticleError", "Draft", "extract", "extract_article", "read_article"]

Progress = Callable[[float, str], None]


def extract(data: bytes | str, *, name: str = "article", published: date | None = None,
            gazetteer: Gazetteer | None = None, progress: Progress | None = None) -> Draft:
    """The draft itinerary of an article's bytes or text. `published` overrides the date
    the article gives, and decides the year of dates that name none."""
    return extract_article(read_article(data, name, published), gazetteer=gazetteer,
                           progress=progress)


def extract_article(article: Article, *, gazetteer: Gazetteer | None = None,
                    progress: Progress | None = None) -> Draft:
    say = progress or (lambda share, text: None)
    say(0.05, "Reading the sentences")
    found = sentences(article.text)
    reference = article.published or _reference(article.text)
    say(0.2, "Finding the places")
    finder = PlaceFinder(gazetteer or Gazetteer(), f"{article.title}\n{article.text}")
    visits = RouteReader(finder, reference).read(found)
    ids = stop_ids(visits)
    whose = Travellers(found)
    stops = [stop_from(visit, stop_id, whose.at(visit.sentence.index) if whose.several else "")
             for visit, stop_id in zip(visits, ids, strict=True)]
    say(0.7, "Finding the people met")
    traveller = traveller_of(found)
    meetings = MeetingReader(stops, visits, traveller).read(found) if stops else []
    parts, part_of = by_traveller(stops)
    # "Who · what": the dashboard titles what it shows by who, where and when, and takes
    # who from before the " · " (see dashboard/labels.shown_title).
    title = article.title or f"From {article.name}"
    title = f"{traveller.name} · {title}" if traveller else title
    say(1.0, f"Found {len(stops)} stops and {len(meetings)} meetings")
    return Draft(Trip(tuple(stops), tuple(meetings), title=title, parts=parts,
                      part_of=part_of),
                 traveller.name if traveller else "", article.published)


def _reference(text: str) -> date:
    """The date years are decided by when the article gives none: the middle of the
    latest year it names, or else today."""
    year = latest_year(text)
    return date(year, 7, 1) if year else date.today()


def no_stops(name: str) -> ArticleError:
    return ArticleError([Problem(name, "names no place the traveller goes to; expected "
                                 "an article about a trip")])
