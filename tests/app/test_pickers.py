"""The sidebar's data pickers through AppTest: files, uploads and the travel record."""

import json

from itinerary.config import SEED_MEETINGS, SEED_STOPS
from tests.app.driver import (
    app,
    errors,
    heading,
    markers,
    panel,
    seen,
    the_map,
    title,
    warnings,
)
from tests.pages import points, trip_data
from tests.paths import DATA, TRAVELS


def upload_record(at, name):
    at.sidebar.radio[0].set_value("Official travel record").run()
    at.sidebar.selectbox(key="record_traveller").set_value(":upload").run()
    at.sidebar.file_uploader[0].set_value((name, (TRAVELS / name).read_bytes(), "text/xml"))
    return at.run()


def test_many_problems_are_all_listed():
    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    text = (b"stop_id,place,country,start_date\na,X,Y,soon\na,,,2022-01-01\n")
    at.sidebar.file_uploader[0].set_value(("many.csv", text, "text/csv")).run()
    assert not at.exception
    assert errors(at)[0].startswith("This itinerary has 3 problems:\n\n- many.csv, row 2")


def test_command_line_file_opens_another_itinerary(argv):
    argv(DATA / "stops_extra.csv")
    at = app().run()
    assert title(at) == "Colombia, Chile and Ecuador, Oct 2022"  # where and when, not the file
    assert markers(at) == ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Quito, Ecuador"]
    at.selectbox(key="stop_picker").select("a").run()
    assert "- **host:** Petro" in panel(at)  # extra columns are kept and shown


def test_upload_opens_another_itinerary_with_meetings():
    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    assert at.info[0].value.startswith("Upload a stops CSV in the sidebar")
    stops = SEED_STOPS.read_bytes().replace(b"Bogot\xc3\xa1", b"Medell\xc3\xadn")
    at.sidebar.file_uploader[0].set_value(("mine.csv", stops, "text/csv")).run()
    at.sidebar.file_uploader[1].set_value(("m.csv", SEED_MEETINGS.read_bytes(),
                                           "text/csv")).run()
    assert title(at) == "Colombia, Chile and Peru, Oct 2022"
    assert markers(at)[0] == "1. Medellín, Colombia"
    assert "10 meetings" in panel(at)


def test_an_upload_is_held_by_its_session_alone_and_replaced_by_the_next():
    from itinerary_app.caches import placements

    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    first = SEED_STOPS.read_bytes()
    at.sidebar.file_uploader[0].set_value(("a.csv", first, "text/csv")).run()
    held = at.session_state["memo::upload"]
    assert [s.stop_id for s in held[1].stops] == ["bogota", "santiago", "lima"]
    assert at.session_state["memo::placed"][0] == (held[0], False)
    store, _ = placements()
    assert all(key != held[0] for key, _ in store)  # not in the server's caches
    second = first.replace(b"Bogot\xc3\xa1", b"Cali")
    at.sidebar.file_uploader[0].set_value(("b.csv", second, "text/csv")).run()
    assert markers(at)[0] == "1. Cali, Colombia"
    assert at.session_state["memo::upload"][0] != held[0]  # one upload held at a time
    other = app().run()  # another reader's session
    assert "memo::upload" not in other.session_state


def test_unplaced_and_approximate_stops_are_named_not_dropped(argv):
    argv(DATA / "stops_unresolvable.csv")
    at = app().run()
    said = warnings(at)
    assert any("Atlantis" in w and "not drawn" in w for w in said)
    assert any("Xyzzyville" in w and "country's centre" in w for w in said)
    assert markers(at) == ["1. Bogotá, Colombia", "2. Xyzzyville, Colombia"]
    assert len(at.selectbox(key="stop_picker").options) == 4  # all three stops listed


def test_official_record_picks_a_traveller_and_a_trip(small_record):
    at = app().run()
    at.sidebar.radio[0].set_value("Official travel record").run()
    who = at.sidebar.selectbox(key="record_traveller")
    assert who.options == ["Person (1945, 1 trip)", "Traveller (1959, 2 trips)",
                           "Another record file…"]
    assert who.value == "test-traveller"  # the latest traveller
    trip = at.sidebar.selectbox[1]
    assert trip.options == ["All trips", "May 1959 · Egypt and India", "May 1959 · 2 countries"]
    assert trip.value == "1959-05-20"  # the latest trip
    assert title(at) == "Traveller · Vatican and Canada, May 1959"
    assert at.query_params == {"who": "test-traveller", "trip": "1959-05-20"}
    trip.set_value("1959-05-11").run()
    assert not at.exception and not at.error
    assert title(at) == "Traveller · Egypt and India, May 1959"
    assert markers(at) == ["1. Cairo, Egypt", "2. Alexandria, Egypt", "3. Mumbai (Bombay), India"]
    at.selectbox(key="stop_picker").select("10-1").run()
    text = panel(at)
    assert "**Traveller:** Test Traveller, Secretary of State" in text
    assert "_Record 10 of the Office of the Historian's travels\\._" in text
    assert at.query_params == {"who": "test-traveller", "trip": "1959-05-11", "stop": "10-1"}


def test_a_broken_record_file_warns_and_imports_the_rest(small_record):
    at = upload_record(app().run(), "broken.xml")
    assert warnings(at)[0].startswith("5 record(s) could not be read and were skipped: "
                                          "broken.xml: record 31 (line 8): malformed XML")
    assert markers(at) == ["1. La Paz, Bolivia"]
    assert "who" not in at.query_params  # an upload cannot be linked to


def test_records_a_stops_file_would_refuse_are_skipped_not_the_trip(small_record):
    at = upload_record(app().run(), "unsafe_names.xml")
    assert not at.exception and errors(at) == []
    assert warnings(at)[0] == (
        "3 record(s) could not be read and were skipped: unsafe_names.xml: record =1+1: <id> "
        '"=1+1" looks like a spreadsheet formula; expected plain text; unsafe_names.xml: '
        'record 3: <locale> "=HYPERLINK("http://example.invalid/p","…" looks like a '
        "spreadsheet formula; expected plain text; unsafe_names.xml: record 4: <locale> "
        "expected at most 200 characters, found 250")
    assert markers(at) == ["1. Lima, Peru"]


def test_an_unusable_record_file_is_an_error(small_record):
    at = upload_record(app().run(), "entities.xml")
    assert not at.exception
    assert errors(at)[0] == ("entities.xml: uses XML entities or a DTD, which are refused for "
                             "safety; expected plain XML")


def test_the_bundled_record_lists_every_secretary():
    at = app().run()
    at.sidebar.radio[0].set_value("Official travel record").run()
    options = at.sidebar.selectbox(key="record_traveller").options
    assert len(options) == 35  # 34 Secretaries and another file
    assert options[0] == "Seward (1866, 2 trips)"
    assert options[-2] == "Rubio (2025, 2 trips)"


def test_a_traveller_picked_in_the_sidebar_opens_their_whole_record_as_the_table_does():
    at = app().run()
    at.sidebar.radio[0].set_value("Official travel record").run()
    at.sidebar.selectbox(key="record_traveller").set_value("powell-colin-luther").run()
    assert at.sidebar.selectbox(key="record_trip::bundled::powell-colin-luther").value == "all"
    assert title(at) == "Powell · 64 trips, 2001–2005"
    assert at.query_params == {"who": "powell-colin-luther"}


def test_a_failing_online_geocoder_warns_once_and_the_offline_answer_stays(monkeypatch, argv):
    from tests.fakeserver import FakeNominatim

    argv(DATA / "stops_online_down.csv")  # places of its own: online answers are cached
    with FakeNominatim() as server:
        server.mode = "500"
        monkeypatch.setenv("ITINERARY_NOMINATIM_URL", f"http://{server.domain}")
        at = app().run()
        at.sidebar.toggle[0].set_value(True).run()
        assert len(server.requests) == 1  # asked once for Failtown, then left alone
    assert not at.exception and not at.error
    said = warnings(at)
    assert sum("Online geocoding is unavailable" in w for w in said) == 1
    assert markers(at) == ["1. Bogotá, Colombia", "2. Failtown, Colombia"]


def test_a_working_online_geocoder_places_what_the_gazetteer_lacks(monkeypatch, argv):
    from tests.fakeserver import ANSWER, FakeNominatim

    argv(DATA / "stops_online.csv")
    with FakeNominatim() as server:
        monkeypatch.setenv("ITINERARY_NOMINATIM_URL", f"http://{server.domain}")
        at = app().run()
        at.sidebar.toggle[0].set_value(True).run()
    assert not any("Fakeville" in w for w in warnings(at))
    drawn = points(trip_data(json.loads(the_map(at).proto.json_args)["script"]))
    assert tuple(drawn[1]) == ANSWER  # where the (fake) online service put it
    assert heading(at).startswith("**")


def test_outside_words_in_titles_warnings_and_errors_are_shown_as_text():
    at = app().run()
    at.sidebar.radio[0].set_value("Itinerary CSV").run()
    name = "Zz ![x](http://evil.test/t.png) [CLICK](http://evil.test/p).csv"
    stops = ("place,country,start_date\n"
             "Bogotá,Colombia,2022-10-03\n"
             "Zz ![x](http://evil.test/t.png),Nowhere [CLICK](http://evil.test/p),2022-10-04\n")
    at.sidebar.file_uploader[0].set_value((name, stops.encode(), "text/csv")).run()
    assert title(at) == "South America, Oct 2022" and "![" not in at.title[0].value
    (said,) = [w for w in at.warning if "not recognised" in w.value]
    assert "](" not in said.value and "Nowhere [CLICK](http://evil.test/p)" in seen(said.value)
    bad = "place,country,start_date\nLima,Peru,![d](http://evil.test/d.png)\n"
    at.sidebar.file_uploader[0].set_value(("bad.csv", bad.encode(), "text/csv")).run()
    assert "![" not in at.error[0].value
    assert errors(at) == ['bad.csv, row 2, column start_date: expected an ISO date like '
                          '2022-10-05, found "![d](http://evil.test/d.png)"']
