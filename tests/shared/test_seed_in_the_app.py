"""The seed article pasted into the app: through AppTest, the built-in trip's three stops
and its eight people; in a real browser, the whole flow of tests/browser/test_article
(paste, three markers, a date fixed in the table, the timeline moved, the CSV downloaded
and loaded back)."""

import pytest

from tests.app.driver import errors, markers, title
from tests.app.test_article import from_article
from tests.browser.conftest import server, visit  # noqa: F401 (fixtures)
from tests.browser.test_article import paste_fix_download_and_load_back
from tests.paths import ARTICLE_DIR

SEED = next(ARTICLE_DIR.glob("*.txt")).read_text(encoding="utf-8")
PEOPLE = {"bogota": ["Petro", "Leyva", "Márquez"], "santiago": ["Boric", "Urrejola"],
          "lima": ["Généus", "Landa", "Castillo"]}


def test_the_seed_article_pasted_gives_the_built_in_trip():
    at = from_article(SEED)
    assert not errors(at) and title(at)
    assert markers(at) == ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    meetings = next(d for d in at.get("dataframe") if d.key.startswith("edit_meetings"))
    met = meetings.value
    for stop, people in PEOPLE.items():
        there = " ".join(met.loc[met["stop_id"] == stop, "with"])
        assert all(person in there for person in people), (stop, there)


@pytest.mark.browser
def test_the_seed_article_in_a_browser(server, visit, tmp_path):  # noqa: F811
    paste_fix_download_and_load_back(visit, server.url, SEED, tmp_path)
