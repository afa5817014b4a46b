"""The extractor on the sixteen texts of ../shared/articles and the seed article, against
the itineraries a careful reader takes from them (expected.json). The targets are the
issue's for texts not seen, taken together; the seed article must give the built-in trip.

A text that gives no publication date at all (15) is read with the one expected.json
names, as a user would give it with --published."""

import json
from datetime import date

import pytest

from itinerary.extract import extract, read_article
from itinerary.extract.score import Score, score
from tests.paths import ARTICLE_DIR, ROOT

ARTICLES = ROOT.parent / "shared" / "articles"
TEXTS = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))["texts"]


def draft_of(text, gazetteer):
    data = (ARTICLES / text["file"]).read_bytes()
    published = None if read_article(data).published else date.fromisoformat(
        text["published"])
    return extract(data, name=text["file"], published=published, gazetteer=gazetteer)


@pytest.fixture(scope="module")
def drafts(gazetteer):
    return {t["file"]: draft_of(t, gazetteer) for t in TEXTS}


def test_together_the_texts_meet_the_targets(drafts):
    total = Score()
    for text in TEXTS:
        total.add(score(drafts[text["file"]].trip, text))
    shares = total.shares()
    # Measured on 2026-12-02: stops found 0.95, real 0.98, stated dates right 0.91, people 1.0.
    assert shares["stops found"] >= 0.9, shares
    assert shares["stops real"] >= 0.9, shares
    assert shares["stated dates right"] >= 0.9, shares
    assert shares["named people found"] >= 0.8, shares


@pytest.mark.parametrize("text", TEXTS, ids=[t["id"] for t in TEXTS])
def test_no_trap_is_a_stop(drafts, text):
    places = {s.place or s.country for s in drafts[text["file"]].trip.stops}
    traps = [t["place"] for t in text["traps"] if isinstance(t, dict)]
    assert [t for t in traps if t in places] == []


def test_the_kerry_announcement_keeps_both_visits_to_amman(drafts):
    trip = drafts["15-kerry-oman-jordan-israel-ethiopia-2013.txt"].trip
    assert [s.place for s in trip.stops].count("Amman") == 2


def test_the_seed_article_gives_the_built_in_trip(gazetteer, trip):
    (article,) = ARTICLE_DIR.glob("*.txt")
    draft = extract(article.read_bytes(), name=article.name, gazetteer=gazetteer)
    assert [(s.place, s.country, s.start, s.end) for s in draft.trip.stops] == [
        (s.place, s.country, s.start, s.end) for s in trip.stops]
    people = {"Petro": "bogota", "Leyva": "bogota", "Márquez": "bogota",
              "Boric": "santiago", "Urrejola": "santiago", "Généus": "lima",
              "Landa": "lima", "Castillo": "lima"}
    for surname, stop in people.items():
        assert any(surname in m.with_ and m.stop_id == stop for m in draft.trip.meetings), \
            surname
    text = article.read_text(encoding="utf-8")
    quoted = [q for q in __import__("re").findall(r"“([^”]+)”", text)]
    got = [m.quote for m in draft.trip.meetings if m.quote]
    assert [q for q in quoted if q.strip(" ,.") not in got] == []
    assert all(q in text for q in got)
