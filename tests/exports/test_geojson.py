"""The GeoJSON export, read back by the geojson package and checked against RFC 7946."""

import json
from dataclasses import replace
from datetime import date

import geojson
import pytest

from itinerary.exports.geojson import to_geojson
from itinerary.model import Meeting, Stop, Trip

D = date(2022, 10, 3)


def stop(stop_id, lat, lon, place="Lima", **kw):
    return Stop(stop_id, place, "Peru", D, D, lat=lat, lon=lon, **kw)


def test_a_point_per_located_stop_in_order_with_its_meetings_and_the_route(located_trip):
    text = to_geojson(located_trip)
    collection = geojson.loads(text)
    assert collection.is_valid and collection["type"] == "FeatureCollection"
    points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
    assert [f["properties"]["stop_id"] for f in points] == ["bogota", "santiago", "lima"]
    bogota = points[0]
    assert bogota["geometry"]["coordinates"] == pytest.approx([-74.08175, 4.60971])  # lon, lat
    props = bogota["properties"]
    assert {k: props[k] for k in ("place", "country", "start_date", "end_date", "precision")} \
        == {"place": "Bogotá", "country": "Colombia", "start_date": "2022-10-03",
            "end_date": "2022-10-04", "precision": "city"}
    assert props["summary"].startswith("Talks with the new leftist government")
    assert [m["with"] for m in props["meetings"]][:1] == ["Gustavo Petro, President of Colombia"]
    assert props["meetings"][0]["quote"] == "eventually will be U.S. president"
    (route,) = [f for f in collection["features"] if f["properties"]["kind"] == "route"]
    assert route["geometry"]["type"] == "LineString"
    line = route["geometry"]["coordinates"]  # the great circles, through every stop
    assert line[0] == points[0]["geometry"]["coordinates"]
    assert line[-1] == points[-1]["geometry"]["coordinates"]
    assert points[1]["geometry"]["coordinates"] in line and len(line) > 60


def test_hostile_text_is_data_not_markup():
    evil = '</script><img src=x onerror=alert(1)> "quoted" \\ \u2028'
    trip = Trip((stop("a", -12.0, -77.0, place=evil, summary=evil),),
                meetings=(Meeting("a", None, evil, quote=evil),))
    props = json.loads(to_geojson(trip))["features"][0]["properties"]
    assert props["place"] == props["summary"] == props["meetings"][0]["with"] == evil


def test_a_stop_that_could_not_be_placed_is_kept_without_a_geometry():
    unplaced = replace(stop("b", None, None, place="Xyzzy"),
                       note='the country "Atlantis" is not recognised')
    trip = Trip((stop("a", -12.0, -77.0), unplaced))
    collection = geojson.loads(to_geojson(trip))
    assert collection.is_valid
    features = collection["features"]
    assert [(f["properties"]["kind"], f["properties"]["stop_id"]) for f in features] == [
        ("stop", "a"), ("stop", "b")]  # and no route: one placed stop has none
    assert features[1]["geometry"] is None
    assert features[1]["properties"]["place"] == "Xyzzy"
    assert features[1]["properties"]["note"] == 'the country "Atlantis" is not recognised'
    assert "note" not in features[0]["properties"]


def test_coordinates_written_as_zero_are_never_written():
    # A stop given 1e-9, 1e-9 is looked up by its name (resolve), so no [0, 0] is written;
    # here the writer's own rounding is checked: six decimals, as every file.
    trip = Trip((stop("a", -12.0464361, -77.0427934),))
    assert json.loads(to_geojson(trip))["features"][0]["geometry"]["coordinates"] == [
        -77.042793, -12.046436]


def test_trips_joined_have_a_route_each():
    trip = Trip((stop("a", -12.0, -77.0), stop("b", -13.0, -72.0), stop("c", 4.6, -74.1),
                 stop("d", 10.0, -84.0)), parts=("one", "two"),
                part_of={"a": 0, "b": 0, "c": 1, "d": 1})
    features = json.loads(to_geojson(trip))["features"]
    routes = [f for f in features if f["properties"]["kind"] == "route"]
    assert [(r["properties"]["trip"], r["geometry"]["coordinates"][0]) for r in routes] == [
        ("one", [-77.0, -12.0]), ("two", [-74.1, 4.6])]
    assert [f["properties"]["trip"] for f in features[:4]] == ["one", "one", "two", "two"]


def test_a_route_across_the_antimeridian_is_a_multilinestring():
    trip = Trip((stop("fiji", -18.1, 178.4), stop("samoa", -13.8, -171.8)))
    features = json.loads(to_geojson(trip))["features"]
    route = features[-1]["geometry"]
    assert route["type"] == "MultiLineString" and len(route["coordinates"]) == 2
    assert geojson.loads(json.dumps(features[-1])).is_valid
    assert all(-180 <= lon <= 180 for line in route["coordinates"] for lon, _ in line)
