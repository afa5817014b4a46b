"""Legs between stops, their geodesic lengths and the days between them."""

from datetime import date

import pytest

from itinerary.model import Stop, Trip
from itinerary.route import distance_km, leg_to, legs, total_km, trip_km


def at(stop_id, lat, lon):
    return Stop(stop_id, stop_id, "", date(2022, 1, 1), date(2022, 1, 1), lat=lat, lon=lon)


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


def test_a_stop_is_reached_from_the_located_stop_before_it(located_trip):
    from dataclasses import replace

    leg = leg_to(located_trip, located_trip.stop("lima"))
    assert (leg.origin.stop_id, round(leg.km), leg.days) == ("santiago", 2459, 1)
    assert leg_to(located_trip, located_trip.stop("bogota")) is None
    hidden = replace(located_trip, stops=(located_trip.stops[0],
                                          replace(located_trip.stops[1], lat=None, lon=None),
                                          located_trip.stops[2]))
    assert leg_to(hidden, hidden.stop("lima")).origin.stop_id == "bogota"
    assert leg_to(hidden, hidden.stop("santiago")) is None


def test_trips_joined_have_no_leg_from_one_to_the_next():
    bogota, santiago = at("bogota", 4.61, -74.08), at("santiago", -33.46, -70.65)
    lima, quito = at("lima", -12.04, -77.03), at("quito", -0.22, -78.51)
    one = Trip((bogota, santiago, lima, quito))
    two = Trip((bogota, santiago, lima, quito), parts=("a", "b"),
               part_of={"bogota": 0, "santiago": 0, "lima": 1, "quito": 1})
    assert trip_km(one) == pytest.approx(total_km(one.stops))
    assert trip_km(two) == pytest.approx(distance_km(bogota, santiago)
                                         + distance_km(lima, quito))
    assert leg_to(two, lima) is None  # the first stop of a trip is reached from no other
    assert leg_to(two, quito).origin.stop_id == "lima"
