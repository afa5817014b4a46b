"""Links and the browser's history through AppTest: the page follows its URL when the URL
is not what it wrote (a link, Back, Forward), and writes what it shows."""

from datetime import date

from tests.app.driver import app, click, heading, markers, title, warnings
from tests.app.driver import seen as seen_text

LIMA, BOGOTA = (-12.04318, -77.02824), (4.60971, -74.08175)


def back_to(at, query: dict):
    """What Streamlit does on Back or Forward: run the page with that entry's URL."""
    at.query_params.clear()
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_query_parameters_restore_a_view():
    at = app({"start": "2022-10-06", "end": "2022-10-07", "stop": "lima"}).run()
    assert markers(at) == ["3. Lima, Peru"]
    assert at.session_state["selected_stop"] == "lima"
    assert heading(at) == "### 3. Lima, Peru"


def test_a_bad_link_warns_and_shows_the_trip():
    at = app({"start": "yesterday", "stop": "atlantis"}).run()
    assert warnings(at) == [
        'The link\'s start date "yesterday" is not an ISO date like 2022-10-05; ignoring it.',
        'The link names a stop "atlantis" that is not in this trip.']
    assert len(markers(at)) == 3


def test_back_undoes_one_selection_at_a_time():
    at = click(app().run(), BOGOTA)
    assert at.query_params == {"stop": "bogota"}
    at = click(at, LIMA)
    assert at.query_params == {"stop": "lima"}
    at = back_to(at, {"stop": "bogota"})
    assert heading(at) == "### 1. Bogotá, Colombia"
    at = back_to(at, {})
    assert heading(at).startswith("**3–7 Oct 2022**")
    at = back_to(at, {"stop": "lima"})  # Forward twice
    assert heading(at) == "### 3. Lima, Peru"


def test_back_undoes_a_change_of_dates():
    at = app().run()
    at.date_input[0].set_value((date(2022, 10, 5), date(2022, 10, 5))).run()
    assert markers(at) == ["2. Santiago, Chile"]
    at = back_to(at, {})
    assert len(markers(at)) == 3
    assert at.date_input[0].value == (date(2022, 10, 3), date(2022, 10, 7))


def test_back_from_a_record_trip_returns_to_the_built_in_trip():
    at = app().run()
    at.sidebar.radio[0].set_value("Official travel record").run()
    assert at.query_params["who"] == "rubio-marco"
    at = back_to(at, {})
    assert at.sidebar.radio[0].value == "Built-in trip"
    assert title(at) == "Blinken · Colombia, Chile and Peru, Oct 2022"


def test_a_link_opens_a_record_trip():
    at = app({"who": "rubio-marco", "trip": "2025-02-01"}).run()
    assert not at.exception and not at.error
    assert at.sidebar.radio[0].value == "Official travel record"
    assert title(at) == "Rubio · Central America, Feb 2025"
    assert markers(at)[:2] == ["1. Panama City, Panama", "2. San Salvador, El Salvador"]
    assert at.query_params == {"who": "rubio-marco", "trip": "2025-02-01"}


def test_a_link_opens_blinkens_october_2022_trip_at_one_stop():
    at = app({"who": "blinken-antony-j", "trip": "2022-10-03", "stop": "4090"}).run()
    assert markers(at) == ["1. Bogota, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    assert at.date_input[0].value == (date(2022, 10, 3), date(2022, 10, 6))
    assert heading(at) == "### 2. Santiago, Chile"


def test_a_link_to_a_trip_the_record_lacks_warns_and_shows_the_latest():
    at = app({"who": "rubio-marco", "trip": "1999-01-01"}).run()
    assert warnings(at)[0] == (
        'The link names a trip of Marco Rubio starting "1999-01-01", which the record does '
        "not hold; showing their latest trip.")
    assert not at.error


def test_a_links_own_words_are_shown_as_text_not_as_markdown():
    stop = "![i](http://e.test/i.png) $\\href{http://e.t}{x}$ :red[X]"
    at = app({"stop": stop}).run()
    (warning,) = at.warning
    assert seen_text(warning.value) == f'The link names a stop "{stop}" that is not in this trip.'
    assert "![" not in warning.value and "$\\href" not in warning.value
    assert ":red[" not in warning.value  # each character that could start markup is escaped


def test_a_long_link_value_is_cut_short_in_its_warning():
    at = app({"stop": "x" * 20_000}).run()
    (warning,) = at.warning
    assert seen_text(warning.value) == (f'The link names a stop "{"x" * 59}…" that is not in '
                                        "this trip.")
