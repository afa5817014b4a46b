"""place_trip: the one call that places a whole trip, for the app and the command line."""

from itinerary.geocoding.place import place_trip
from itinerary.sources.stops import load_trip
from tests.paths import DATA


def test_a_trip_comes_back_placed_with_nothing_to_say(trip):
    placed, messages = place_trip(trip)
    assert messages == []
    assert [(s.stop_id, s.precision) for s in placed.stops] == [
        ("bogota", "city"), ("santiago", "city"), ("lima", "city")]
    assert placed.meetings == trip.meetings and placed.title == trip.title


def test_what_cannot_be_placed_is_kept_and_named():
    trip = load_trip(DATA / "stops_unresolvable.csv", stops_name="u.csv")
    placed, messages = place_trip(trip)
    assert [s.stop_id for s in placed.stops] == [s.stop_id for s in trip.stops]
    assert [s.located for s in placed.stops] == [True, True, False]
    assert messages == [
        'Could not place 1 stop(s) on the map: "Lima, Atlantis" (stop c: the country '
        '"Atlantis" is not recognised). They are listed but not drawn.',
        '1 stop(s) are placed at their country\'s centre because the place itself was not '
        'found: "Xyzzyville, Colombia" (stop b: "Xyzzyville" was not found in Colombia).']


def test_progress_is_reported_for_each_place(trip):
    seen = []
    place_trip(trip, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
