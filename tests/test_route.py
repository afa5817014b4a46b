"""Legs between stops, their geodesic lengths and the days between them, and the route's one
geometry: great circles, continuous across the antimeridian, cut for GeoJSON."""

import itertools
from datetime import date

import pytest

from itinerary.model import Stop, Trip
from itinerary.route import (
    arcs,
    arrivals,
    continuous,
    distance_km,
    leg_to,
    legs,
    map_lines,
    pieces,
    places,
    total_km,
    trip_km,
)


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


@pytest.mark.parametrize(("lons", "made"), [
    ([179.0, -179.0, -179.0, 179.0], [179.0, 181.0, 181.0, 179.0]),
    ([-170.0, 170.0], [-170.0, -190.0]),
    ([10.0, 20.0, 30.0], [10.0, 20.0, 30.0]),
    ([], []),
])
def test_longitudes_run_on_without_a_jump(lons, made):
    assert continuous(lons) == pytest.approx(made)


FIJI, SAMOA = at("fiji", -18.1, 178.4), at("samoa", -13.8, -171.8)
BOGOTA, LIMA = at("bogota", 4.61, -74.08), at("lima", -12.04, -77.03)


def test_an_arc_follows_the_great_circle_a_degree_a_point():
    (arc,) = arcs([BOGOTA, LIMA])
    assert arc[0] == (4.61, -74.08) and arc[-1] == (-12.04, -77.03)
    assert len(arc) == 18  # 1,880 km: 17 degrees of the globe
    assert all(abs(a[0] - b[0]) <= 1.01 for a, b in itertools.pairwise(arc))


def test_an_arc_across_the_antimeridian_runs_on_past_it_and_the_map_draws_it_twice():
    (arc,) = arcs([FIJI, SAMOA])
    assert arc[-1] == (-13.8, pytest.approx(188.2))
    assert all(b[1] > a[1] for a, b in itertools.pairwise(arc))  # eastward, no jump
    (drawn, to), (copy, also_to) = map_lines([FIJI, SAMOA])
    assert drawn == arc and copy[-1][1] == pytest.approx(-171.8)  # reaches Samoa's marker
    assert to == also_to == SAMOA  # both arrive at Samoa


def test_a_long_route_is_drawn_coarser_within_its_budget():
    stops = [at(f"s{i}", (i % 2) * 40.0 - 20, (i * 37) % 360 - 180) for i in range(200)]
    assert sum(len(a) for a in arcs(stops)) > 5_000
    assert sum(len(a) for a in arcs(stops, most=1_000)) <= 1_000


def test_geojson_pieces_never_cross_the_antimeridian():
    west, east = pieces([FIJI, SAMOA])
    assert west[0] == (178.4, -18.1) and west[-1][0] == 180.0
    assert east[0][0] == -180.0 and east[-1] == (-171.8, -13.8)
    assert west[-1][1] == east[0][1]  # cut where it crosses
    (line,) = pieces([BOGOTA, LIMA])
    assert line[0] == (-74.08, 4.61) and line[-1] == (-77.03, -12.04)
    assert pieces([BOGOTA]) == []


def test_the_route_passes_through_each_place_once_in_a_row():
    again = at("again", 4.61, -74.08)
    assert [s.stop_id for s in places([BOGOTA, again, LIMA, at("x", None, None)])] == [
        "again", "lima"]


def test_arrivals_of_every_stop_in_one_pass(located_trip):
    found = arrivals(located_trip)
    assert sorted(found) == ["lima", "santiago"]
    assert all(found[s.stop_id] == leg_to(located_trip, s) for s in located_trip.stops
               if s.stop_id in found)
