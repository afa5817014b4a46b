"""The built-in trip against the seed article it was typed from: every quote word for word.

The article is not ours to ship; it stays in ../shared/seed beside the repository (see
tests/conftest.py for when this folder is collected)."""

from tests.paths import ARTICLE_DIR


def test_quotes_are_quoted_exactly_from_the_article(trip):
    (article,) = ARTICLE_DIR.glob("*.txt")
    text = article.read_text(encoding="utf-8").replace("’", "'")
    quotes = [m.quote for m in trip.meetings if m.quote]
    assert len(quotes) >= 5
    assert [q for q in quotes if q not in text] == []
