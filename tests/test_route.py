import itertools
from datetime import date

import pytest

from itinerary.model import Stop
from itinerary.route import arc, distance_km, legs, total_km


def at(stop_id, lat, lon):
    return Stop(stop_id, stop_id, "", date(2022, 1, 1), date(2022, 1, 1), lat=lat, lon=lon)


def test_arc_follows_the_great_circle_not_the_screen_line():
    # New York to Tokyo: the great circle passes far north of both ends.
    points = arc((40.71, -74.0), (35.68, 139.69))
    assert points[0] == (40.71, -74.0) and points[-1][0] == pytest.approx(35.68)
    assert max(lat for lat, _ in points) > 65


def test_arc_crossing_the_antimeridian_stays_continuous():
    points = arc((35.68, 139.69), (21.3, -157.8))  # Tokyo to Honolulu
    lons = [lon for _, lon in points]
    assert all(abs(b - a) < 10 for a, b in itertools.pairwise(lons))
    assert lons[-1] == pytest.approx(360 - 157.8)


@pytest.mark.parametrize(("a", "b", "km"), [
    ((4.61, -74.08), (-33.46, -70.65), 4250),   # Bogotá to Santiago
    ((-33.46, -70.65), (-12.04, -77.03), 2460),  # Santiago to Lima
])
def test_distances_are_geodesic(a, b, km):
    assert distance_km(at("a", *a), at("b", *b)) == pytest.approx(km, rel=0.02)


def test_legs_skip_unlocated_stops_and_stays_in_place():
    stops = [at("a", 1, 1), at("b", None, None), at("c", 1, 1), at("d", 2, 2)]
    assert [(x.stop_id, y.stop_id) for x, y in legs(stops)] == [("c", "d")]
    assert total_km([at("a", 1, 1)]) == 0
