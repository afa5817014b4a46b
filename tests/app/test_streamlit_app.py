"""The script `itinerary app` runs: the same dashboard as app.py in a checkout."""

from importlib.util import find_spec

from streamlit.testing.v1 import AppTest

from tests.app.driver import title

SCRIPT = find_spec("itinerary_app.streamlit_app").origin  # found, not run


def test_the_installed_script_shows_the_built_in_trip():
    at = AppTest.from_file(SCRIPT, default_timeout=60).run()
    assert not at.exception and not at.error
    assert title(at) == "Blinken · Colombia, Chile and Peru, Oct 2022"
