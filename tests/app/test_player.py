"""The Play button through AppTest: the built-in trip a day at a time, its pause, its link.

Streamlit's timer reruns the map's fragment while it plays; AppTest has no timer, so each
`run()` here stands for one tick of it."""

from datetime import date

import pytest

from tests.app.driver import app, click, heading, selection, warnings

SANTIAGO = (-33.45694, -70.64827)


def played(at) -> tuple[str, str | None]:
    """The stop selected and the day the link names."""
    return at.session_state["selected_stop"], at.query_params.get("day")


def play(at):
    return at.button(key="play").click().run()


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_play_the_built_in_trip_and_pause_on_5_october():
    at = app().run()
    assert at.button(key="play").label == "Play"
    at = play(at)
    assert played(at) == ("bogota", "2022-10-03")
    assert at.button(key="play").label == "Pause"
    at.run()
    assert played(at) == ("bogota", "2022-10-04")
    at.run()
    assert played(at) == ("santiago", "2022-10-05")
    assert heading(at) == "### 2. Santiago, Chile"
    at = play(at)  # Pause
    assert at.button(key="play").label == "Play"
    assert "Paused at 5 Oct 2022" in captions(at)
    at.run()
    at.run()
    assert played(at) == ("santiago", "2022-10-05")  # paused: it stays
    # The map draws the route as far as the day; the timeline marks the day.
    assert f"window.itineraryDay = {date(2022, 10, 5).toordinal()};" in selection(at)
    (chart,) = at.get("vega_lite_chart")
    assert "Played to 5 Oct 2022" in chart.proto.spec
    at = play(at)  # resume where it paused
    assert played(at) == ("santiago", "2022-10-05")
    at.run()
    assert played(at) == ("lima", "2022-10-06")


def test_the_end_pauses_on_the_last_day_and_play_starts_again():
    at = play(app().run())
    for _ in range(6):
        at.run()
    assert played(at) == ("lima", "2022-10-07")
    assert at.button(key="play").label == "Play" and "Paused at 7 Oct 2022" in captions(at)
    at = play(at)
    assert played(at) == ("bogota", "2022-10-03")


def test_play_starts_from_the_selected_stop():
    at = app().run()
    at.button(key="next_stop").click().run()
    at.button(key="next_stop").click().run()
    at = play(at)
    assert played(at) == ("santiago", "2022-10-05")


def test_a_stop_chosen_while_playing_stops_it():
    at = play(app().run())
    at = click(at, SANTIAGO)
    assert played(at) == ("santiago", None)
    assert at.button(key="play").label == "Play"
    assert "window.itineraryDay = null;" in selection(at)
    at.run()
    assert played(at) == ("santiago", None)


def test_play_keeps_to_the_dates():
    at = app().run()
    at.date_input[0].set_value((date(2022, 10, 5), date(2022, 10, 7))).run()
    at = play(at)
    assert played(at) == ("santiago", "2022-10-05")


def test_a_speed_change_does_not_step():
    at = play(app().run())
    at.button_group[0].set_value(4).run()
    assert played(at) == ("bogota", "2022-10-03")
    assert at.session_state["play_speed"] == 4


@pytest.mark.parametrize(("day", "stop", "told"), [
    ("2022-10-05", "santiago", []),
    ("2022-10-07", "lima", []),
    ("2022-11-01", "", ["The link's day 2022-11-01 is outside its dates; ignoring it."]),
    ("today", "", ['The link\'s day "today" is not an ISO date like 2022-10-05; ignoring it.']),
])
def test_a_link_opens_the_trip_paused_on_its_day(day, stop, told):
    at = app({"day": day}).run()
    assert at.session_state["selected_stop"] == stop
    assert warnings(at) == told
    assert at.button(key="play").label == "Play"
