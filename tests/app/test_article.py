"""The "From an article" data source through AppTest: a pasted text or an uploaded file
becomes a draft on the map, with its tables open; a text that cannot be read is told and
stays in the box."""

import pytest

from itinerary.config import INPUT_MAX_BYTES
from tests.app.driver import app, errors, markers, panel, title
from tests.paths import DATA

ARTICLES = DATA / "articles"
ANNOUNCEMENT = (ARTICLES / "announcement.txt").read_text(encoding="utf-8")
PLACES = ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]


def from_article(text=None, upload=None):
    at = app().run()
    at.sidebar.radio[0].set_value("From an article").run()
    if text is not None:
        at.sidebar.text_area(key="article_text").input(text).run()
    if upload is not None:
        at.sidebar.file_uploader(key="upload_article").set_value(upload).run()
    return at


def editing(at):
    """The "Edit in tables" toggle."""
    return next(t for t in at.sidebar.toggle if t.label == "Edit in tables")


def editors(at):
    return {d.key.split("::")[0]: d for d in at.get("dataframe") if "::" in (d.key or "")}


def test_before_a_text_the_page_says_what_to_give():
    at = from_article()
    assert not at.exception and not at.get("component_instance")
    assert at.info[0].value.startswith("Paste a trip announcement, a readout or a news story")


def test_a_pasted_article_is_a_draft_on_the_map_with_its_tables_open():
    at = from_article(ANNOUNCEMENT)
    assert not at.exception and not errors(at)
    assert title(at) == "Lucia Ortega · Colombia, Chile and Peru, Oct 2022"  # who, where, when
    assert markers(at) == PLACES
    assert editing(at).value
    tables = editors(at)
    assert list(tables["edit_stops"].value["stop_id"]) == ["bogota", "santiago", "lima"]
    assert list(tables["edit_meetings"].value["with"])[:2] == [
        "Gustavo Petro, President", "Álvaro Leyva, Foreign Minister"]
    assert [t.label for t in at.tabs] == ["Stops (3)", "Meetings (3)"]


def test_a_stops_card_shows_its_evidence():
    at = from_article(ANNOUNCEMENT)
    at.selectbox(key="stop_picker").select("santiago").run()
    assert "**evidence:** The Secretary will then travel to Santiago, Chile, on October 5" \
        in panel(at)
    assert "**dates:** stated" in panel(at)


def test_an_uploaded_file_is_read_and_wins_over_the_box():
    at = from_article("Nothing to see.", ("announcement.txt", ANNOUNCEMENT.encode(),
                                          "text/plain"))
    assert markers(at) == PLACES
    assert "The uploaded file is read" in at.sidebar.caption[0].value


def test_an_html_upload_is_read():
    html = ("<html><body><nav>Home | Press</nav><p>" + ANNOUNCEMENT.split("---\n")[2]
            .replace("\n\n", "</p><p>") + "</p></body></html>").encode()
    at = from_article(upload=("note.html", html, "text/html"))
    assert markers(at) == PLACES


def test_the_publication_date_given_decides_the_year():
    text = "Secretary Ortega will travel to Lima, Peru, on October 6."
    at = from_article(text)
    at.sidebar.date_input(key="article_published").set_value("2019-09-01").run()
    assert at.session_state["dates"][0].isoformat() == "2019-10-06"


@pytest.mark.parametrize(("text", "message"), [
    ("The weather was fine all week.", "the pasted text: names no place the traveller goes "
                                       "to; expected an article about a trip"),
    ("x" * (INPUT_MAX_BYTES + 1), "the pasted text: is larger than 20 MB; expected at most "
                                  "20 MB"),
])
def test_a_text_that_gives_no_trip_is_told_and_kept(text, message):
    at = from_article(text)
    assert not at.exception
    assert errors(at) == [message]
    assert at.sidebar.text_area(key="article_text").value == text
    assert not at.get("component_instance")


def test_a_binary_upload_is_told():
    at = from_article(upload=("photo.txt", b"\x89PNG\x00\x00", "text/plain"))
    assert errors(at) == ["photo.txt: is a binary file; expected text, HTML, Markdown or PDF"]


def test_hostile_words_of_the_article_are_escaped():
    at = from_article(upload=("hostile.md", (ARTICLES / "hostile.md").read_bytes(),
                              "text/markdown"))
    assert at.title[0].value == "Lucia Ortega · Peru, Oct 2022"  # not the hostile headline
    assert markers(at) == ["1. Lima, Peru"]


def test_hostile_words_of_a_pasted_text_are_escaped_in_the_panel():
    text = ("Ortega will travel to Lima, Peru, on October 6 <img src=x onerror=alert(1)> "
            "[x](javascript:alert(1)) **loud**.")
    at = from_article(text)
    at.selectbox(key="stop_picker").select("lima").run()
    shown = panel(at)
    assert r"\<img src=x onerror=alert\(1\)\>" in shown
    assert "<img" not in shown.replace(r"\<img", "")
    assert "](javascript" not in shown and "**loud" not in shown  # Markdown's marks go
