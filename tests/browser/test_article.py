"""From an article in a real browser: paste it, see its stops on the map, fix a date in
the table and see the stops, the dates and the timeline follow, download the trip and load
it back in. The flow is written once here; tests/shared runs it on the seed article."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from playwright import sync_api as playwright

from itinerary.sources.stops import load_trip
from tests.app.test_article import ANNOUNCEMENT

pytestmark = pytest.mark.browser
expect = playwright.expect
CELL_EDITOR = "textarea.gdg-input, input.gdg-input"  # the grid's editor, over a cell


def paste(visit, url: str, text: str) -> None:
    visit.open(url)
    page = visit.page
    page.get_by_text("From an article").click()
    box = page.locator("textarea").and_(page.get_by_label("Article", exact=True))
    box.fill(text)
    box.press("Control+Enter")  # as Streamlit's box says: "Press ⌘+Enter to apply"


def markers(visit) -> object:
    return visit.frame.locator(".itinerary-stop")


def edit_cell(visit, row: int, column: int, was: str, value: str) -> None:
    """Type a value into the stops table's cell (row and column from 0, the row numbers'
    column being 0), as a user does: select it, Enter, type, Enter. The grid is drawn on
    a canvas; its accessible cells take the focus, and the keys go from there."""
    page = visit.page
    page.locator("[data-testid=stDataFrame] #glide-cell-1-0").first.focus()
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    for _ in range(row):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    editor = page.locator(CELL_EDITOR).first
    expect(editor).to_have_value(was)  # the cell meant, not its neighbour
    editor.fill(value)
    editor.press("Enter")


def dates_shown(visit) -> object:
    """The sidebar's date range: its two days' inputs."""
    return visit.page.locator("[data-testid=stDateInput]").filter(
        has_text=re.compile(r"^Dates")).locator("input")


def download_csv(visit, tmp_path) -> tuple[bytes, bytes]:
    page = visit.page
    page.get_by_role("button", name="Download", exact=True).click()
    with page.expect_download() as caught:
        page.get_by_role("button", name="Stops and meetings (CSV in a zip)").click()
    path = tmp_path / caught.value.suggested_filename
    caught.value.save_as(path)
    archive = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    page.keyboard.press("Escape")
    return archive.read("stops.csv"), archive.read("meetings.csv")


def load_back(visit, stops: bytes, meetings: bytes) -> None:
    page = visit.page
    page.get_by_text("Itinerary CSV").click()
    for name, data in (("meetings.csv", meetings), ("stops.csv", stops)):
        region = page.get_by_role("region", name=re.compile(f"^{name[:5]}", re.IGNORECASE))
        region.locator("input[type=file]").set_input_files(
            files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
        expect(region.get_by_text(name)).to_be_visible()
        visit.settled()


def paste_fix_download_and_load_back(visit, url: str, text: str, tmp_path) -> None:
    """The whole flow, on an article of a trip to Bogotá, Santiago and Lima, the last
    stop 6–7 October 2022: Lima's last day is put off to the 8th."""
    paste(visit, url, text)
    expect(markers(visit)).to_have_count(3)
    visit.settled()
    expect(visit.heading("Stops and meetings")).to_have_count(1)
    expect(dates_shown(visit).first).to_have_value("2022-10-03")
    expect(dates_shown(visit).last).to_have_value("2022-10-07")
    timeline = visit.page.locator("[data-testid=stVegaLiteChart]").first
    before = timeline.aria_snapshot()  # its axis's days and its bars, as a reader hears them
    edit_cell(visit, 2, 5, "2022-10-07", "2022-10-08")
    # The dates, the overview and the timeline follow.
    expect(dates_shown(visit).last).to_have_value("2022-10-08")
    lima = visit.page.get_by_role("listitem").filter(has_text="Lima, Peru, 6–8 Oct 2022")
    expect(lima).to_be_visible()
    visit.settled()
    assert timeline.aria_snapshot() != before
    assert not visit.page.locator("[data-testid=stAlertContentError]").count()
    visit.settled()
    stops, meetings = download_csv(visit, tmp_path)
    trip = load_trip(stops, meetings)
    assert [(s.stop_id, s.end.day) for s in trip.stops] == [("bogota", 4), ("santiago", 5),
                                                            ("lima", 8)]
    assert trip.stop("lima").extra["dates"] == "edited"
    load_back(visit, stops, meetings)
    expect(lima).to_be_visible()
    expect(markers(visit)).to_have_count(3)
    assert not visit.errors


def test_an_article_pasted_fixed_downloaded_and_loaded_back(server, visit, tmp_path):
    paste_fix_download_and_load_back(visit, server.url, ANNOUNCEMENT, tmp_path)


def test_on_a_phone_a_pasted_article_is_on_the_map(server, phone):
    phone.open(server.url)
    page = phone.page
    page.get_by_test_id("stExpandSidebarButton").tap()
    page.get_by_text("From an article").tap()
    box = page.locator("textarea").and_(page.get_by_label("Article", exact=True))
    box.fill(ANNOUNCEMENT)
    box.press("Control+Enter")
    expect(markers(phone)).to_have_count(3)
    page.get_by_role("button", name="Collapse sidebar").tap()
    markers(phone).filter(has_text=re.compile(r"^2$")).tap()
    expect(phone.heading("2. Santiago, Chile")).to_be_visible()
    assert not phone.errors
