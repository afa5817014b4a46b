"""The page's session state: each key named once, typed, with its default."""

from streamlit.testing.v1 import AppTest


def script():
    import streamlit as st

    from itinerary_app.state import SELECTED, TRIP

    st.write(f"before: {SELECTED.get()!r} {SELECTED.is_set}")
    SELECTED.set("lima")
    trip = TRIP("bundled", "rubio-marco")
    trip.setdefault("2025-02-01")
    st.write(f"after: {SELECTED.get()!r} {trip.name} {trip.get()}")
    st.write(f"popped: {SELECTED.pop()!r} {SELECTED.get()!r}")


def test_a_key_reads_its_default_until_set_and_a_family_names_its_members():
    at = AppTest.from_function(script).run()
    assert [m.value for m in at.markdown] == [
        "before: '' False", "after: 'lima' record_trip::bundled::rubio-marco 2025-02-01",
        "popped: 'lima' ''"]


def test_no_other_module_of_the_page_spells_a_state_key():
    import re

    from tests.paths import ROOT

    spelled = re.compile(r"session_state\[\s*[\"']|session_state\.(get|pop|setdefault)\(\s*"
                         r"[\"']")
    pages = [p for p in (ROOT / "itinerary_app").glob("*.py") if p.name != "state.py"]
    assert [p.name for p in pages if spelled.search(p.read_text(encoding="utf-8"))] == []
