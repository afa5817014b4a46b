"""The app through Streamlit's AppTest: what a user sees after each action."""

import json
import sys
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from itinerary.config import SEED_MEETINGS, SEED_STOPS
from tests.pages import marker_titles, trip_data
from tests.paths import DATA, ROOT, TRAVELS

APP = str(ROOT / "app.py")


def app(*args: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


@pytest.fixture
def argv(monkeypatch):
    def set_args(*paths):
        monkeypatch.setattr(sys, "argv", [APP, *map(str, paths)])
    return set_args


def the_map(at: AppTest):
    (element,) = at.get("component_instance")
    return element


def markers(at: AppTest) -> list[str]:
    """The markers on the map, in order, by their tooltips' first line."""
    return marker_titles(trip_data(json.loads(the_map(at).proto.json_args)["script"]))


def click(at: AppTest, stop) -> AppTest:
    at.session_state[the_map(at).key] = {"last_object_clicked": {"lat": stop[0], "lng": stop[1]}}
    return at.run()


def panel(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_default_trip_loads_with_three_markers_and_an_overview():
    at = app().run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Secretary Blinken in Colombia, Chile and Peru, October 2022"
    assert markers(at) == ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    assert "3 stops in 3 countries · 10 meetings" in panel(at)
    assert at.date_input[0].value == (date(2022, 10, 3), date(2022, 10, 7))
    assert at.query_params == {"start": "2022-10-03", "end": "2022-10-07"}


def test_date_filter_hides_and_restores_stops():
    at = app().run()
    at.date_input[0].set_value((date(2022, 10, 5), date(2022, 10, 5))).run()
    assert markers(at) == ["2. Santiago, Chile"]
    assert "1 stop in 1 country · 2 meetings" in panel(at)
    assert at.selectbox[0].options == ["Trip overview", "2. Santiago, Chile (5 Oct 2022)"]
    assert at.query_params == {"start": "2022-10-05", "end": "2022-10-05"}
    at.date_input[0].set_value((date(2022, 10, 3), date(2022, 10, 7))).run()
    assert len(markers(at)) == 3


def test_clicking_a_marker_shows_that_stops_meetings():
    at = app().run()
    at = click(at, (-12.04318, -77.02824))
    text = panel(at)
    assert text.startswith("### 3. Lima, Peru")
    assert "Pedro Castillo, President of Peru" in text
    assert "Jean Victor Généus, Foreign Minister of Haiti" in text
    assert at.session_state["selected_stop"] == "lima"
    assert at.selectbox[0].value == "lima"
    assert at.query_params == {"start": "2022-10-03", "end": "2022-10-07", "stop": "lima"}
    script = json.loads(the_map(at).proto.json_args)["feature_group"]
    assert "L.circleMarker(\n                [-12.04318, -77.02824]" in script


def test_click_then_filter_clears_a_hidden_selection():
    at = app().run()
    at = click(at, (-12.04318, -77.02824))
    at.date_input[0].set_value((date(2022, 10, 3), date(2022, 10, 4))).run()
    assert at.selectbox[0].value == ""  # back to the trip overview
    assert "**3–4 Oct 2022** · 1 stop" in panel(at)


def test_picking_a_stop_in_the_panel_selects_it():
    at = app().run()
    at.selectbox[0].select("bogota").run()
    assert "Álvaro Leyva, Foreign Minister of Colombia" in panel(at)
    assert "Ethnic Chapter" in panel(at)


def test_query_parameters_restore_a_view():
    at = app(query={"start": "2022-10-06", "end": "2022-10-07", "stop": "lima"}).run()
    assert markers(at) == ["3. Lima, Peru"]
    assert at.selectbox[0].value == "lima"
    assert "César Landa" in panel(at)


def test_a_bad_link_warns_and_shows_the_trip():
    at = app(query={"start": "yesterday", "stop": "atlantis"}).run()
    assert [w.value for w in at.warning] == [
        'The link\'s start date "yesterday" is not an ISO date like 2022-10-05; ignoring it.',
        'The link names a stop "atlantis" that is not in this trip.']
    assert len(markers(at)) == 3


def test_a_bad_file_shows_an_error_and_the_app_keeps_running(argv):
    bad = DATA / "bad" / "bad_date.csv"
    argv(bad)
    at = app().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        f'{bad}, row 2, column start_date: expected an ISO date like 2022-10-05, found '
        '"Oct 3 2022"']


def test_many_problems_are_all_listed():
    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    text = (b"stop_id,place,country,start_date\na,X,Y,soon\na,,,2022-01-01\n")
    at.sidebar.file_uploader[0].set_value(("many.csv", text, "text/csv")).run()
    assert not at.exception
    assert at.error[0].value.startswith("This itinerary has 3 problems:\n\n- many.csv, row 2")


def test_command_line_file_opens_another_itinerary(argv):
    argv(DATA / "stops_extra.csv")
    at = app().run()
    assert at.title[0].value == "stops_extra.csv"
    assert markers(at) == ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Quito, Ecuador"]
    at.selectbox[0].select("a").run()
    assert "- **host:** Petro" in panel(at)  # extra columns are kept and shown


def test_upload_opens_another_itinerary_with_meetings():
    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    assert at.info[0].value.startswith("Upload a stops CSV in the sidebar")
    stops = SEED_STOPS.read_bytes().replace(b"Bogot\xc3\xa1", b"Medell\xc3\xadn")
    at.sidebar.file_uploader[0].set_value(("mine.csv", stops, "text/csv")).run()
    at.sidebar.file_uploader[1].set_value(
        ("m.csv", SEED_MEETINGS.read_bytes(), "text/csv")).run()
    assert at.title[0].value == "mine.csv"
    assert markers(at)[0] == "1. Medellín, Colombia"
    assert "10 meetings" in panel(at)


def test_unplaced_and_approximate_stops_are_named_not_dropped(argv):
    argv(DATA / "stops_unresolvable.csv")
    at = app().run()
    warnings = [w.value for w in at.warning]
    assert any("Atlantis" in w and "not drawn" in w for w in warnings)
    assert any("Xyzzyville" in w and "country's centre" in w for w in warnings)
    assert markers(at) == ["1. Bogotá, Colombia", "2. Xyzzyville, Colombia"]
    assert len(at.selectbox[0].options) == 4  # all three stops are still listed


def record(at: AppTest) -> AppTest:
    return at.sidebar.radio[0].set_value("Official travel record").run()


def upload_record(at: AppTest, name: str) -> AppTest:
    record(at).sidebar.selectbox(key="record_traveller").set_value(":upload").run()
    at.sidebar.file_uploader[0].set_value((name, (TRAVELS / name).read_bytes(),
                                           "text/xml")).run()
    return at


@pytest.fixture
def small_record(monkeypatch, tmp_path):
    """A record folder of one file in place of the bundled record."""
    (tmp_path / "cases.xml").write_bytes((TRAVELS / "cases.xml").read_bytes())
    monkeypatch.setenv("ITINERARY_TRAVELS_DIR", str(tmp_path))


def test_official_record_picks_a_traveller_and_a_trip(small_record):
    at = record(app().run())
    who = at.sidebar.selectbox(key="record_traveller")
    assert who.options == ["Other Person (1945, 1 trip)", "Test Traveller (1959, 2 trips)",
                           "Another record file…"]
    assert who.value == "test-traveller"  # the latest traveller
    trip = at.sidebar.selectbox[1]
    assert trip.options == ["All trips", "1959-05 Egypt, India", "1959-05 Vatican City, Canada"]
    assert trip.value == "1959-05-20"  # the latest trip
    assert at.query_params["who"] == "test-traveller"
    assert at.query_params["trip"] == "1959-05-20"
    trip.set_value("1959-05-11").run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Test Traveller: 1959-05 Egypt, India"
    assert markers(at) == ["1. Cairo, Egypt", "2. Alexandria, Egypt", "3. Mumbai (Bombay), India"]
    at.selectbox(key="selected_stop").select("10-1").run()
    assert "- **source\\_id:** 10" in panel(at)  # the record id is shown with the stop
    assert at.query_params["trip"] == "1959-05-11" and at.query_params["stop"] == "10-1"


def test_a_broken_record_file_warns_and_imports_the_rest(small_record):
    at = upload_record(app().run(), "broken.xml")
    assert at.warning[0].value.startswith("5 record(s) could not be read and were skipped: "
                                          "broken.xml: record 31 (line 8): malformed XML")
    assert markers(at) == ["1. La Paz, Bolivia"]
    assert "who" not in at.query_params  # an upload cannot be linked to


def test_an_unusable_record_file_is_an_error(small_record):
    at = upload_record(app().run(), "entities.xml")
    assert not at.exception
    assert at.error[0].value == "entities.xml: holds no travel records that could be read"


def test_the_bundled_record_lists_every_secretary():
    at = record(app().run())
    options = at.sidebar.selectbox(key="record_traveller").options
    assert len(options) == 35  # 34 Secretaries and another file
    assert options[0] == "William Henry Seward (1866, 2 trips)"
    assert options[-2].startswith("Marco Rubio (2025, ")


def test_a_link_opens_a_record_trip():
    at = app(query={"who": "rubio-marco", "trip": "2025-02-01"}).run()
    assert not at.exception and not at.error
    assert at.sidebar.radio[0].value == "Official travel record"
    assert at.title[0].value.startswith("Marco Rubio: 2025-02 ")
    assert markers(at)[0].startswith("1. ")
    assert at.query_params["who"] == "rubio-marco"
    assert at.query_params["trip"] == "2025-02-01"


def test_a_link_opens_blinkens_october_2022_trip_at_one_stop():
    at = app(query={"who": "blinken-antony-j", "trip": "2022-10-03", "stop": "4090"}).run()
    assert markers(at) == ["1. Bogota, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    assert at.date_input[0].value == (date(2022, 10, 3), date(2022, 10, 6))
    assert panel(at).startswith("### 2. Santiago, Chile")


def test_a_link_to_a_trip_the_record_lacks_warns_and_shows_the_latest():
    at = app(query={"who": "rubio-marco", "trip": "1999-01-01"}).run()
    assert at.warning[0].value == (
        'The link names a trip of Marco Rubio starting "1999-01-01", which the record does '
        "not hold; showing their latest trip.")
    assert not at.error


def test_a_failing_online_geocoder_warns_once_and_the_offline_answer_stays(monkeypatch,
                                                                           argv):
    from tests.fakeserver import FakeNominatim

    argv(DATA / "stops_online_down.csv")  # places of its own: online answers are cached
    with FakeNominatim() as server:
        server.mode = "500"
        monkeypatch.setenv("ITINERARY_NOMINATIM_URL", f"http://{server.domain}")
        at = app().run()
        at.sidebar.toggle[0].set_value(True).run()
        assert len(server.requests) == 1  # asked once for Failtown, then left alone
    assert not at.exception and not at.error
    warnings = [w.value for w in at.warning]
    assert sum("Online geocoding is unavailable" in w for w in warnings) == 1
    assert markers(at) == ["1. Bogotá, Colombia", "2. Failtown, Colombia"]


def test_a_working_online_geocoder_places_what_the_gazetteer_lacks(monkeypatch, argv):
    from tests.fakeserver import FakeNominatim

    argv(DATA / "stops_online.csv")
    with FakeNominatim() as server:
        monkeypatch.setenv("ITINERARY_NOMINATIM_URL", f"http://{server.domain}")
        at = app().run()
        at.sidebar.toggle[0].set_value(True).run()
    assert not any("Fakeville" in w.value for w in at.warning)
    places = trip_data(json.loads(the_map(at).proto.json_args)["script"])["places"]
    assert places[1][:2] == [17.0, -62.0]  # where the (fake) online service put it


def test_missing_map_assets_are_a_clear_error_at_start_up(monkeypatch, tmp_path):
    monkeypatch.setenv("ITINERARY_VENDOR_DIR", str(tmp_path))
    at = app().run()
    assert not at.exception
    assert at.error[0].value.startswith(f"map assets missing from {tmp_path}: vendor/leaflet.js, ")
    assert not at.get("component_instance")  # no blank map
