"""The printable brief in a real browser: Ctrl+P prints it alone, on a page or two of A4
or Letter, with all its text; the Print brief button opens the print dialog. The brief is
made when first asked for: a print from the browser's menu before that prints the page."""

from __future__ import annotations

import io
import re

import pytest
from playwright import sync_api as playwright
from pypdf import PdfReader

pytestmark = pytest.mark.browser
expect = playwright.expect


STUB_PRINT = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"


def ask_for_the_brief(visit, url: str, how: str) -> None:
    """Ctrl+P or the Print brief button, the print dialog stubbed: until it has opened."""
    visit.page.add_init_script(STUB_PRINT)
    visit.open(url)
    if how == "ctrl+p":
        visit.page.keyboard.press("Control+P")
    else:
        visit.page.get_by_role("button", name=re.compile("Print brief")).click()
    visit.page.wait_for_function("() => window.__printed === 1")


def printed(visit, paper: str) -> tuple[int, str]:
    """What Ctrl+P gives: the page as printed to PDF (print media), its pages and text."""
    pdf = visit.page.pdf(format=paper, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_ctrl_p_prints_the_brief_alone_on_a_page_or_two(server, visit, paper):
    ask_for_the_brief(visit, server.url, "ctrl+p")
    # Not on screen, and not in the page's text: an inert template until printed.
    expect(visit.page.get_by_text("From the stop before")).to_have_count(0)
    pages, text = printed(visit, paper)
    assert 1 <= pages <= 2
    for words in ["Blinken · Colombia, Chile and Peru, Oct 2022",
                  "3–7 Oct 2022 · 3 stops in 3 countries · 10 meetings",
                  "Bogotá, Colombia", "Santiago, Chile", "Lima, Peru", "4,229 km", "2,459 km",
                  "Gustavo Petro, President of Colombia",
                  "“eventually will be U.S. president” — Gustavo Petro",
                  "Pedro Castillo, President of Peru", "“very productive” — Pedro Castillo"]:
        assert words in text, words
    # None of the page's widgets or sidebar.
    for widget in ["Search", "Next stop", "Download", "Print brief", "Official travel record",
                   "Trip overview"]:
        assert widget not in text, widget


def test_the_brief_has_the_map_image(server, visit):
    ask_for_the_brief(visit, server.url, "button")
    width = visit.page.evaluate("""() => new Promise(done => {
        const img = document.querySelector('template.itinerary-brief').content
            .querySelector('img.brief-map').cloneNode();
        img.onload = () => done(img.naturalWidth);
        document.body.appendChild(img);
    })""")
    assert width > 1000


def test_a_print_before_the_brief_is_made_gives_the_page_not_a_blank_sheet(server, visit):
    visit.open(server.url)  # a print from the browser's menu: no key, no button
    _, text = printed(visit, "A4")
    assert "Blinken · Colombia, Chile and Peru, Oct 2022" in text and "Print brief" in text
    assert "From the stop before" not in text


def test_a_second_ctrl_p_prints_the_brief_made_already(server, visit):
    ask_for_the_brief(visit, server.url, "button")
    visit.page.keyboard.press("Control+P")  # the browser's own print: not the button again
    _, text = printed(visit, "A4")
    assert "Gustavo Petro, President of Colombia" in text
    assert visit.page.evaluate("window.__printed") == 1
