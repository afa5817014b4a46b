"""The built-in trip: every meeting the article names, in the fixed topic vocabulary."""

import pytest

from itinerary.model import TOPICS
from tests.paths import ARTICLE_DIR

ARTICLE = next(ARTICLE_DIR.glob("*.txt"), None)


@pytest.mark.parametrize(("stop_id", "who"), [
    ("bogota", "Gustavo Petro"),
    ("bogota", "joint press conference"),
    ("bogota", "Álvaro Leyva"),
    ("bogota", "Francia Márquez"),
    ("santiago", "Gabriel Boric"),
    ("santiago", "Antonia Urrejola"),
    ("lima", "OAS General Assembly"),
    ("lima", "Jean Victor Généus"),
    ("lima", "César Landa"),
    ("lima", "Pedro Castillo"),
])
def test_every_meeting_in_the_article_is_there(trip, stop_id, who):
    assert any(who in m.with_ for m in trip.meetings_at(stop_id))


def test_topics_come_from_the_vocabulary(trip):
    assert {t for m in trip.meetings for t in m.topics} <= set(TOPICS)


def test_oas_meeting_names_the_migration_money(trip):
    oas = next(m for m in trip.meetings if "OAS" in m.with_)
    assert "$240 million" in oas.summary and "migration" in oas.topics


def test_quotes_are_quoted_exactly_from_the_article(trip):
    # The article is not ours to ship; it stays in ../shared/seed beside the repository.
    assert ARTICLE is not None, f"the seed article is missing from {ARTICLE_DIR}"
    article = ARTICLE.read_text(encoding="utf-8").replace("’", "'")
    for meeting in trip.meetings:
        if meeting.quote:
            assert meeting.quote in article, meeting.quote
