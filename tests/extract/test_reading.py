"""Reading articles: formats, front matter, datelines and bad input."""

from datetime import date

import pytest

from itinerary.errors import ArticleError
from itinerary.extract.reading import html_text, read_article


@pytest.mark.parametrize(("text", "published"), [
    ("---\ndate: '2021-06-03'\ntitle: T\n---\nBiden will travel.", date(2021, 6, 3)),
    ("SOURCE: x\n---\npublished_time: 2022-06-14 08:00:00-04:00\n---\nText.", date(2022, 6, 14)),
    ("title: T\npubDate: Wed, 02 Mar 2022 19:35:28 +0000\n---\nText.", date(2022, 3, 2)),
    ("Philip J. Crowley\nDaily Press Briefing\nWashington, DC\nMay 18, 2010\n\nText.",
     date(2010, 5, 18)),
    ("WASHINGTON, Oct. 3, 2022 (Reuters) - Blinken arrived.", date(2022, 10, 3)),
    ("No date at all.", None),
])
def test_the_publication_date_is_read_from_front_matter_or_dateline(text, published):
    assert read_article(text).published == published


@pytest.mark.parametrize(("text", "body"), [
    ("WASHINGTON, March 3, 2025 — Biden will travel to Berlin on March 10.",
     "WASHINGTON,  — Biden will travel to Berlin on March 10."),
    ("May 18, 2010\n\nText.", "\n\nText."),
])
def test_the_datelines_date_is_not_a_day_of_the_trip(text, body):
    assert read_article(text).text == body


def test_a_folded_title_is_joined():
    text = '---\ntitle: "On the President\\u2019\\\n  s Travel"\n---\nText.'
    assert read_article(text).title == "On the President’s Travel"


def test_markdown_marks_go_and_lines_stay():
    article = read_article("Colombia: October 3–4\n\nOn **<u>Friday, May 6</u>**, she "
                           "visits [Bucharest](http://x).\n\n\\###")
    assert article.text.split("\n")[0] == "Colombia: October 3–4"
    assert "On Friday, May 6, she visits Bucharest." in article.text
    assert "#" not in article.text


def test_html_keeps_the_article_and_drops_the_furniture():
    page = ("<html><head><script>alert(1)</script><style>p{}</style></head><body>"
            "<nav>Home | News</nav><article><p>Kerry will travel to Muscat.</p>"
            "<p>He meets &amp; greets.</p></article><div class='comments'>Nice post</div>"
            "<footer>© State</footer></body></html>")
    text = read_article(page).text
    assert "Kerry will travel to Muscat." in text and "He meets & greets." in text
    for furniture in ("alert", "Home", "Nice post", "©"):
        assert furniture not in text


def test_unclosed_tags_cost_linear_time():
    text = html_text("<div>" * 50_000 + "Muscat" + "</span>" * 50_000)
    assert "Muscat" in text


def test_reblog_lists_and_comment_widgets_are_dropped():
    text = read_article("Kerry will travel.\n\n1. aentzi reblogged this from statedept\n"
                        "3. statedept posted this\nBlog comments powered by Disqus").text
    assert text.strip() == "Kerry will travel."


def test_a_pdf_is_read(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as f:
        writer.write(f)
    with pytest.raises(ArticleError) as caught:
        read_article(path.read_bytes(), "blank.pdf")
    assert str(caught.value) == "blank.pdf: holds no text; expected an article"


@pytest.mark.parametrize(("data", "message"), [
    (b"", "a.txt: holds no text; expected an article"),
    (b"   \n\n", "a.txt: holds no text; expected an article"),
    (b"\x00\x01binary", "a.txt: is a binary file; expected text, HTML, Markdown or PDF"),
    (b"%PDF-1.4 broken", "a.txt: is not a readable PDF; expected text, HTML, Markdown or PDF"),
    ("x" * (21 * 1024 * 1024), "a.txt: is larger than 20 MB; expected at most 20 MB"),
])
def test_bad_articles_are_refused_in_words(data, message):
    with pytest.raises(ArticleError) as caught:
        read_article(data, "a.txt")
    assert str(caught.value) == message
