"""The trip's tables through AppTest: an edit moves the map, the panel, the dates and the
downloads; an edit that breaks a rule is told under the tables in the loader's words and
nothing is lost; every trip, not only a draft, opens in them."""

import io
import zipfile

import pytest

from itinerary.sources.stops import load_trip
from tests.app.driver import app, errors, markers, panel, warnings
from tests.app.test_article import ANNOUNCEMENT, editing, editors, from_article
from tests.app.test_downloads import content, files  # noqa: F401 (a fixture)

SEED = ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]


def edit(at, table, rows=None, added=(), deleted=()):
    """What the user did in a table, as the data editor reports it: cells changed by row
    position, rows added, rows deleted by position."""
    key = editors(at)[f"edit_{table}"].key
    at.session_state[key] = {"edited_rows": rows or {}, "added_rows": list(added),
                             "deleted_rows": list(deleted)}
    return at.run()


def opened(at):
    editing(at).set_value(True)
    return at.run()


def test_the_tables_are_closed_for_the_built_in_trip_and_open_on_request():
    at = app().run()
    assert not editing(at).value and not editors(at)
    at = opened(at)
    stops = editors(at)["edit_stops"].value
    assert list(stops.index) == [1, 2, 3]
    assert list(stops.columns)[:5] == ["stop_id", "place", "country", "start_date", "end_date"]
    assert markers(at) == SEED


def test_a_fixed_date_moves_the_stop_the_dates_and_the_timeline():
    at = opened(app().run())
    at = edit(at, "stops", {1: {"start_date": "2022-10-09"}})
    assert not errors(at) and not warnings(at)
    assert markers(at) == ["1. Bogotá, Colombia", "2. Lima, Peru", "3. Santiago, Chile"]
    assert [d.isoformat() for d in at.session_state["dates"]] == ["2022-10-03", "2022-10-09"]
    assert "3. **Santiago, Chile**, 9 Oct 2022" in panel(at)


def test_the_selected_stop_stays_selected_through_an_edit():
    at = opened(app().run())
    at.selectbox(key="stop_picker").select("lima").run()
    at = edit(at, "stops", {2: {"place": "Cusco"}})
    assert at.session_state["selected_stop"] == "lima"
    assert markers(at)[2] == "3. Cusco, Peru"


def test_rows_added_and_removed():
    at = opened(app().run())
    at = edit(at, "stops", added=[{"stop_id": "quito", "place": "Quito", "country": "Ecuador",
                                   "start_date": "2022-10-08"}])
    assert markers(at) == [*SEED, "4. Quito, Ecuador"]
    at = edit(at, "meetings", added=[{"stop_id": "quito", "with": "Guillermo Lasso"}],
              deleted=range(3))
    at.selectbox(key="stop_picker").select("quito").run()
    assert "Guillermo Lasso" in panel(at)


BROKEN = [
    ("stops", {1: {"start_date": "2022-13-09"}},
     'the stops table, row 2, column start_date: expected an ISO date like 2022-10-05, '
     'found "2022-13-09"'),
    ("stops", {2: {"end_date": "2022-10-01"}},
     "the stops table, row 3, column end_date: 2022-10-01 is before start_date 2022-10-06"),
    ("meetings", {0: {"stop_id": "cartagena"}},
     'the meetings table, row 1, column stop_id: unknown stop "cartagena"; expected one of '
     'the stop ids in the stops file'),
]


@pytest.mark.parametrize(("table", "rows", "message"), BROKEN)
def test_a_broken_rule_is_told_under_the_tables_and_nothing_is_lost(table, rows, message):
    at = opened(app().run())
    at = edit(at, "stops", {0: {"place": "Medellín"}})
    at = edit(at, table, rows)
    assert not at.exception
    assert errors(at) == [message]
    assert warnings(at) == ["The tables have a problem, told under them; the map shows the "
                            "trip as it was before that edit."]
    assert markers(at)[0] == "1. Medellín, Colombia"  # the last edit that read well
    assert at.session_state[editors(at)[f"edit_{table}"].key]["edited_rows"] == rows


def test_an_article_draft_marks_inferred_days_and_says_which_were_typed(files):  # noqa: F811
    at = from_article(ANNOUNCEMENT + "\nShe will also stop in Quito, Ecuador.")
    stops = editors(at)["edit_stops"].value
    assert list(stops["dates"]) == ["stated", "stated", "stated", "⚠ inferred"]
    assert stops.loc[1, "evidence"].startswith("Secretary of State Lucia Ortega will travel")
    at = edit(at, "stops", {3: {"start_date": "2022-10-08"}})
    _, _, data = content(files, "download_stops")
    again = load_trip(data)
    assert [(s.stop_id, s.extra["dates"]) for s in again.stops] == [
        ("bogota", "stated"), ("santiago", "stated"), ("lima", "stated"), ("quito", "edited")]


def test_the_download_gives_the_edited_trip_and_reads_back_in(files):  # noqa: F811
    at = from_article(ANNOUNCEMENT)
    at = edit(at, "stops", {1: {"start_date": "2022-10-09"}})
    assert errors(at) == ["the meetings table, row 3, column date: 2022-10-05 is outside "
                          "stop santiago's dates 2022-10-09 to 2022-10-09"]
    at = edit(at, "meetings", {0: {"with": "Gustavo Petro, President of Colombia"},
                               2: {"date": "2022-10-09"}})
    assert not errors(at)
    name, _, data = content(files, "download_csv")
    assert name.endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(data))
    trip = load_trip(archive.read("stops.csv"), archive.read("meetings.csv"))
    assert [(s.stop_id, s.start.isoformat()) for s in trip.stops] == [
        ("bogota", "2022-10-03"), ("lima", "2022-10-06"), ("santiago", "2022-10-09")]
    assert trip.meetings[0].with_ == "Gustavo Petro, President of Colombia"
    assert trip.meetings[0].extra["evidence"].startswith("Secretary of State Lucia Ortega")


def test_a_trip_of_the_record_opens_in_the_same_tables(small_record):
    at = app().run()
    at.sidebar.radio[0].set_value("Official travel record").run()
    at = opened(at)
    stops = editors(at)["edit_stops"].value
    assert {"traveler", "source_id"} <= set(stops.columns)
    first = stops.iloc[0]
    at = edit(at, "stops", {0: {"place": "Quito", "country": "Ecuador", "lat": "",
                                "lon": ""}})
    assert not errors(at)
    assert markers(at)[0] == "1. Quito, Ecuador"
    assert first["place"] != "Quito"


def test_an_upload_opens_in_the_same_tables():
    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    at.sidebar.file_uploader[0].set_value(("mine.csv", b"place,country,start_date\n"
                                                       b"Lima,Peru,2022-10-06\n", "text/csv"))
    at = opened(at.run())
    at = edit(at, "stops", added=[{"stop_id": "s2", "place": "Cusco", "country": "Peru",
                                   "start_date": "2022-10-08"}])
    assert markers(at) == ["1. Lima, Peru", "2. Cusco, Peru"]
