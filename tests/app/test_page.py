"""The dashboard page through Streamlit's AppTest: what a user sees after each action."""

from datetime import date

import pytest

from itinerary import config
from tests.app.driver import (
    app,
    click,
    click_empty_map,
    errors,
    heading,
    markers,
    panel,
    seen,
    selection,
    the_map,
    title,
)
from tests.paths import DATA

LIMA = (-12.04318, -77.02824)


def test_default_trip_loads_with_three_markers_and_an_overview():
    at = app().run()
    assert not at.exception and not at.error
    assert title(at) == "Blinken · Colombia, Chile and Peru, Oct 2022"
    assert markers(at) == ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    assert "3 stops in 3 countries · 10 meetings" in panel(at)
    assert at.date_input[0].value == (date(2022, 10, 3), date(2022, 10, 7))
    assert at.query_params == {}  # the whole trip's overview needs no parameters
    assert "window.itinerarySelected = null;" in selection(at)


def test_date_filter_hides_and_restores_stops_and_meetings():
    at = app().run()
    at.date_input[0].set_value((date(2022, 10, 5), date(2022, 10, 5))).run()
    assert markers(at) == ["2. Santiago, Chile"]
    assert "1 stop in 1 country · 2 meetings" in panel(at)
    assert at.selectbox(key="stop_picker").options == ["Trip overview",
                                                         "2. Santiago, Chile (5 Oct 2022)"]
    assert at.query_params == {"start": "2022-10-05", "end": "2022-10-05"}
    at.date_input[0].set_value((date(2022, 10, 3), date(2022, 10, 7))).run()
    assert len(markers(at)) == 3 and at.query_params == {}


def test_a_trip_past_the_draw_limit_shows_its_newest_stops_and_says_so(monkeypatch):
    monkeypatch.setattr(config, "DRAW_LIMIT", 2)
    at = app().run()
    assert [seen(i.value) for i in at.info] == [
        "The map shows the 2 newest of 3 stops, from 2022-10-05 to 2022-10-07. Narrow the "
        "dates to see the earlier ones."]
    assert markers(at) == ["2. Santiago, Chile", "3. Lima, Peru"]
    assert at.selectbox(key="stop_picker").options == [
        "Trip overview", "2. Santiago, Chile (5 Oct 2022)", "3. Lima, Peru (6–7 Oct 2022)"]
    assert "3 stops in 3 countries · 10 meetings" in panel(at)  # the dates' overview, whole
    at.date_input[0].set_value((date(2022, 10, 3), date(2022, 10, 5))).run()
    assert not [i for i in at.info if "newest" in i.value]
    assert markers(at) == ["1. Bogotá, Colombia", "2. Santiago, Chile"]


def test_the_date_filter_filters_meetings_by_their_day():
    at = app().run()
    at.date_input[0].set_value((date(2022, 10, 7), date(2022, 10, 7))).run()
    at.selectbox(key="stop_picker").select("lima").run()
    text = panel(at)
    assert "#### Meetings (3)" in text and "Pedro Castillo, President" not in text
    assert "César Landa, Foreign Minister of Peru** · _date not given_" in text


def test_clicking_a_marker_shows_that_stops_meetings():
    at = click(app().run(), LIMA)
    text = panel(at)
    assert text.startswith("### 3\\. Lima, Peru")
    assert "Pedro Castillo, President of Peru" in text
    assert "From Santiago: about 2,459 km, the next day" in seen(text)
    assert at.session_state["selected_stop"] == "lima"
    assert at.query_params == {"stop": "lima"}
    assert "window.itinerarySelected = 2;" in selection(at)  # marked, and brought into view


def test_a_click_names_its_stop_so_visits_to_one_place_stay_apart(argv, tmp_path):
    stops = tmp_path / "twice.csv"
    stops.write_text("stop_id,place,country,start_date,lat,lon\n"
                     "a,Bogotá,Colombia,2022-10-01,4.6,-74.08\nb,Lima,Peru,2022-10-02,-12.04,"
                     "-77.03\nc,Bogotá,Colombia,2022-10-03,4.6,-74.08\n", encoding="utf-8")
    argv(stops)
    at = click(app().run(), (4.6, -74.08), stop=3)  # the second visit's marker
    assert heading(at) == "### 3. Bogotá, Colombia"
    at = click(at, (4.6, -74.08), stop=1, last_object_clicked_count=2)
    assert heading(at) == "### 1. Bogotá, Colombia"


def test_a_click_on_the_empty_map_returns_to_the_overview():
    at = click(app().run(), LIMA)
    at = click_empty_map(at)
    assert at.session_state["selected_stop"] == ""
    assert at.query_params == {}


def test_click_then_filter_clears_a_hidden_selection():
    at = click(app().run(), LIMA)
    at.date_input[0].set_value((date(2022, 10, 3), date(2022, 10, 4))).run()
    assert at.session_state["selected_stop"] == ""  # back to the trip overview
    assert "**3–4 Oct 2022** · 1 stop" in panel(at)


def test_picking_a_stop_in_the_panel_selects_it_and_the_picker_empties_itself():
    at = app().run()
    assert at.selectbox(key="stop_picker").value is None
    assert at.selectbox(key="stop_picker").proto.placeholder == "Go to a stop"
    at.selectbox(key="stop_picker").select("bogota").run()
    assert "Álvaro Leyva, Foreign Minister of Colombia" in panel(at)
    assert "Ethnic Chapter" in panel(at)
    # The card names the stop; the picker is ready for the next one.
    assert at.selectbox(key="stop_picker").value is None
    assert at.query_params == {"stop": "bogota"}
    at.selectbox(key="stop_picker").select("").run()
    assert heading(at) == "**3–7 Oct 2022** · 3 stops in 3 countries · 10 meetings"


def test_a_click_leaves_the_maps_and_the_stop_pickers_messages_as_they_were():
    """What does not change is not sent again (Streamlit sends a large message it sent
    before as a reference): the map holds every stop, the picker lists them all."""
    at = click(app().run(), LIMA)
    before = [e.proto.SerializeToString()
              for e in (the_map(at), at.selectbox(key="stop_picker"))]
    at = click(at, (-33.45, -70.65), stop=2, last_object_clicked_count=2)
    assert heading(at) == "### 2. Santiago, Chile"
    assert [e.proto.SerializeToString()
            for e in (the_map(at), at.selectbox(key="stop_picker"))] == before
    assert "window.itinerarySelected = 1;" in selection(at)


@pytest.mark.parametrize(("presses", "stop"), [
    (["next_stop"], "### 1. Bogotá, Colombia"),
    (["next_stop", "next_stop"], "### 2. Santiago, Chile"),
    (["next_stop", "next_stop", "next_stop"], "### 3. Lima, Peru"),
    (["next_stop", "next_stop", "previous_stop"], "### 1. Bogotá, Colombia"),
    (["next_stop", "overview"], "**3–7 Oct 2022** · 3 stops in 3 countries · 10 meetings"),
    (["next_stop", "previous_stop"], "**3–7 Oct 2022** · 3 stops in 3 countries · 10 meetings"),
])
def test_stepping_through_the_stops_like_a_story(presses, stop):
    at = app().run()
    for key in presses:
        at.button(key=key).click().run()
    assert heading(at) == stop


def test_step_buttons_have_their_keys_and_are_off_where_they_lead_nowhere():
    at = app().run()
    assert (at.button(key="previous_stop").disabled, at.button(key="overview").disabled,
            at.button(key="next_stop").disabled) == (True, True, False)
    assert at.button(key="next_stop").proto.shortcut.lower() == "right"
    at.selectbox(key="stop_picker").select("lima").run()
    assert (at.button(key="previous_stop").disabled, at.button(key="next_stop").disabled) == (
        False, True)


def test_search_lists_meetings_and_a_result_selects_its_stop():
    at = app().run()
    at.text_input(key="search").input("castillo").run()
    results = [b for b in at.button if b.key and b.key.startswith("hit_")]
    assert [b.label for b in results] == [
        "3\\. Lima · 6 Oct 2022 · Pedro Castillo, President of Peru"]
    results[0].click().run()
    assert heading(at) == "### 3. Lima, Peru"
    # Castillo is Lima's fourth meeting: the card is told to bring it into view, once.
    found = [h.proto.body for h in at.get("html") if "itineraryFound" in h.proto.body]
    assert len(found) == 1 and "window.itineraryFound = 3;" in found[0]
    at.run()
    assert not [h for h in at.get("html") if "itineraryFound" in h.proto.body]


def test_a_topic_of_the_overview_searches_for_its_meetings():
    at = app().run()
    topics = at.button_group(key="topic")
    assert [topics.format_func(o) for o in ("migration", "ukraine")] == [
        "migration (4)", "ukraine (1)"]
    topics.select("migration").run()
    assert at.text_input(key="search").value == "migration"
    assert len([b for b in at.button if b.key and b.key.startswith("hit_")]) == 4


def test_a_bar_of_the_timeline_selects_its_stop():
    at = app().run()
    at.session_state["timeline"] = {"selection": {"pick": [{"stop_id": "santiago"}]}}
    at.run()
    assert heading(at) == "### 2. Santiago, Chile"


def test_a_bad_file_shows_an_error_and_the_app_keeps_running(argv):
    bad = DATA / "bad" / "bad_date.csv"
    argv(bad)
    at = app().run()
    assert not at.exception
    assert errors(at) == [
        f'{bad}, row 2, column start_date: expected an ISO date like 2022-10-05, found '
        '"Oct 3 2022"']


def test_missing_map_assets_are_a_clear_error_at_start_up(monkeypatch, tmp_path):
    monkeypatch.setenv("ITINERARY_VENDOR_DIR", str(tmp_path))
    at = app().run()
    assert not at.exception
    assert errors(at)[0].startswith(
        f"map assets missing from {tmp_path}: vendor/leaflet.js, ")
    assert not at.get("component_instance")  # no blank map
