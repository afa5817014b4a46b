"""What the page keeps between runs: the server's trips placed once, an upload in its
session alone, a progress bar only for many places."""

from streamlit.testing.v1 import AppTest

from itinerary_app.caches import PROGRESS_FROM, digest


def test_digests_tell_contents_apart_and_agree_on_the_same():
    assert digest(b"a", b"b") == digest(b"a", b"b") != digest(b"ab", b"")
    assert len(digest(b"x")) == 16


def placing():
    from datetime import date

    import streamlit as st

    from itinerary.model import Stop, Trip
    from itinerary_app.caches import place, placements
    from tests.app.test_caches import STOPS

    day = date(2022, 1, 1)
    trip = Trip(tuple(Stop(f"s{i}", name, "Peru", day, day) for i, name in enumerate(STOPS)))
    placed, _ = place("caches-test", trip, False, private=False)
    again, _ = place("caches-test", trip, False, private=False)
    store, _ = placements()
    st.write(f"{placed is again} {('caches-test', False) in store} "
             f"{sum(s.located for s in placed.stops)}")
    mine, _ = place("mine", trip, False, private=True)
    st.write(f"{('mine', False) in store} {mine.stops[0].located}")


STOPS = ["Lima", "Cusco", "Arequipa", "Trujillo", "Piura", "Iquitos", "Tacna"]


def test_the_servers_trips_are_placed_once_and_an_upload_stays_in_its_session():
    assert len(STOPS) > PROGRESS_FROM
    at = AppTest.from_function(placing, default_timeout=60).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["True True 7", "False True"]
    assert at.session_state["memo::placed"][0] == ("mine", False)
    assert not at.get("progress")  # the bar goes when the places are placed
