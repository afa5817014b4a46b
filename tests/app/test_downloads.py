"""The Download menu and the printable brief through AppTest: every format for what is
shown, named after the trip, following the dates and the trips compared."""

import io
import json
import zipfile
from datetime import date

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from itinerary.exports import FORMATS
from tests.app.driver import app


@pytest.fixture
def files(monkeypatch):
    """What each download button would give, by its key: (file name, type, bytes)."""
    made: dict[str, tuple] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data, mimetype, coordinates, file_name=None, *, element_id=""):
        made[element_id.rsplit("-", 1)[-1]] = (file_name, mimetype, data)
        return original(self, data, mimetype, coordinates, file_name=file_name,
                        element_id=element_id)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return made


def content(files, key):
    name, mimetype, make = files[key]
    data = make()
    return name, mimetype, data.encode() if isinstance(data, str) else data


def test_the_menu_offers_every_format_named_after_the_trip(files):
    at = app().run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [f.label for f in FORMATS.values()] + ["Stops only (CSV)",
                                                            "Meetings only (CSV)"]
    stem = "blinken-2022-10-colombia-chile-peru"
    assert {key: files[key][:2] for key in files} == {
        "download_geojson": (f"{stem}.geojson", "application/geo+json"),
        "download_kml": (f"{stem}.kml", "application/vnd.google-earth.kml+xml"),
        "download_ics": (f"{stem}.ics", "text/calendar"),
        "download_csv": (f"{stem}.zip", "application/zip"),
        "download_html": (f"{stem}.html", "text/html"),
        "download_png": (f"{stem}.png", "image/png"),
        "download_svg": (f"{stem}.svg", "image/svg+xml"),
        "download_stops": (f"{stem}-stops.csv", "text/csv"),
        "download_meetings": (f"{stem}-meetings.csv", "text/csv")}
    _, _, data = content(files, "download_geojson")
    stops = [f for f in json.loads(data)["features"] if f["properties"]["kind"] == "stop"]
    assert [f["properties"]["place"] for f in stops] == ["Bogotá", "Santiago", "Lima"]


def test_downloads_follow_the_dates(files):
    at = app({"start": "2022-10-06"}).run()
    _, _, data = content(files, "download_csv")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.read("stops.csv").decode().splitlines()[1].startswith("lima,Lima,Peru")
    assert files["download_kml"][0] == "blinken-2022-10-peru.kml"
    assert at.query_params == {"start": "2022-10-06"}


def test_the_title_follows_the_dates_on_the_page_and_in_every_export(files):
    at = app({"start": "2022-10-05"}).run()
    told = "Blinken · Chile and Peru, Oct 2022"
    assert at.title[0].value == told
    assert f"<name>{told}</name>".encode() in content(files, "download_kml")[2]
    assert f"X-WR-CALNAME:{told}".encode() in content(files, "download_ics")[2]
    assert f"<title>{told}</title>".encode() in content(files, "download_html")[2]
    assert told.encode() in content(files, "download_svg")[2].replace(b"&#183;", "·".encode())


def test_downloads_follow_the_trips_compared(files):
    app({"who": ["blinken-antony-j", "rubio-marco"],
         "trip": ["2022-10-03", "2025-02-01"]}).run()
    name, _, data = content(files, "download_kml")
    assert name == "rubio-2022-10-8-countries.kml"
    assert data.count(b"<Folder>") == 2


def briefs(at) -> list[str]:
    return [h.proto.body for h in at.get("html") if "brief-stops" in h.proto.body]


def printing(at) -> bool:
    return any("window.print()" in h.proto.body for h in at.get("html"))


def test_the_brief_is_made_when_asked_for_and_kept_for_the_dates(located_trip):
    at = app().run()
    assert briefs(at) == []  # not made for the first screen: it would hold the map back
    at.button(key="print_brief_button").click().run()
    (body,) = briefs(at)
    assert body.startswith("<template class='itinerary-brief'><h1>Blinken · Colombia, Chile "
                           "and Peru, Oct 2022</h1>")
    assert "data:image/png;base64," in body
    assert "<td>3</td><td>Lima, Peru</td><td>6–7 Oct 2022</td><td class='km'>2,459 km</td>" \
        in body
    assert "<blockquote>“eventually will be U.S. president” — Gustavo Petro</blockquote>" \
        in body
    at.button(key="next_stop").click().run()
    assert briefs(at) == [body]  # kept while the dates stay
    at.date_input[0].set_value((date(2022, 10, 5), date(2022, 10, 7))).run()
    assert briefs(at) == []  # other dates: made again when asked for


def test_print_brief_opens_the_print_dialog_once():
    at = app().run()
    at.button(key="print_brief_button").click().run()
    assert printing(at)
    at.run()
    assert not printing(at) and briefs(at)
    at.button(key="print_brief_button").click().run()
    assert printing(at)


def test_the_print_script_survives_streamlits_sanitizer():
    from tests.paths import ROOT

    assert "<" not in (ROOT / "itinerary_app" / "static" / "brief.js").read_text(encoding="utf-8")
