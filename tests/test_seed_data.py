"""The built-in trip (data/stops.csv and data/meetings.csv): every meeting the article names,
in the fixed topic vocabulary. Its quotes are checked against the article itself in
tests/shared/, where the article is beside the clone."""

import pytest

from itinerary.model import TOPICS


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
