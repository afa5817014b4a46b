"""What a version changed, in a few words."""

from dataclasses import replace

import pytest

from itinerary.config import SEED_MEETINGS, SEED_STOPS
from itinerary.sources.stops import load_trip
from itinerary.store.changes import changes

SEED = load_trip(SEED_STOPS, SEED_MEETINGS)


@pytest.mark.parametrize(("after", "told"), [
    (SEED, "no change"),
    (replace(SEED, stops=SEED.stops[:2]), "stops: 1 removed"),
    (replace(SEED, stops=(replace(SEED.stops[0], place="Cali"), *SEED.stops[1:])),
     "stops: 1 edited"),
    (replace(SEED, meetings=SEED.meetings[1:]), "meetings: 1 removed"),
    (replace(SEED, stops=(*SEED.stops, replace(SEED.stops[0], stop_id="cali"))),
     "stops: 1 added"),
])
def test_what_changed(after, told):
    assert changes(SEED, after) == told


def test_the_first_version():
    assert changes(None, SEED) == "first version"
