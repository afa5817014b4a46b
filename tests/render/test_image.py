"""The static map image: a PNG or SVG of the trip on the outlines, drawn offline."""

import io
from datetime import date

import pytest
from defusedxml.ElementTree import fromstring
from matplotlib.image import imread

from itinerary.model import Stop, Trip
from itinerary.render.image import _centre, map_image


def stop(stop_id, lat, lon):
    return Stop(stop_id, stop_id, "", date(2022, 1, 1), date(2022, 1, 1), lat=lat, lon=lon)


def test_a_png_of_the_figures_size(located_trip):
    data = map_image(located_trip, "png", size=(8, 5), dpi=100)
    pixels = imread(io.BytesIO(data))
    assert pixels.shape[:2] == (500, 800)
    # Mostly the light land and sea; the route and markers are dark, for black and white.
    assert pixels[..., :3].mean() > 0.8


def test_an_svg_of_outlines_and_route(located_trip):
    root = fromstring(map_image(located_trip, "svg"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert map_image(located_trip, "svg").decode().count("<path") > 20


def test_an_svg_carries_only_the_outlines_in_its_view(located_trip):
    from dataclasses import replace

    # Santiago and Lima: Natural Earth's fine outlines, but only of the countries in view.
    data = map_image(replace(located_trip, stops=located_trip.stops[1:]), "svg")
    assert len(data) < 300_000  # 2.8 MB when it carried the whole world
    assert data.count(b"<path") > 20


def test_the_same_trip_gives_the_same_svg(located_trip):
    assert map_image(located_trip, "svg") == map_image(located_trip, "svg")


def test_a_trip_with_no_located_stop_is_a_world_map():
    data = map_image(Trip((Stop("a", "Atlantis", "", date(2022, 1, 1), date(2022, 1, 1)),)))
    assert data.startswith(b"\x89PNG")


@pytest.mark.parametrize(("lons", "centre"), [
    ([-77.0, -70.6, -74.1], -73.8),  # South America
    ([178.4, -171.8], -176.7),  # Fiji to Samoa, across the antimeridian
    ([145.0, -157.8], 173.6),  # Melbourne to Honolulu
    ([10.0], 10.0),
])
def test_the_view_is_centred_on_the_shortest_span_of_the_stops(lons, centre):
    assert _centre([stop(str(i), 0.0, lon) for i, lon in enumerate(lons)]) == pytest.approx(
        centre, abs=0.1)


def test_tens_of_thousands_of_stops_are_dots_drawn_at_once():
    import random
    import time

    rng = random.Random(1)
    trip = Trip(tuple(stop(str(i), rng.uniform(-60, 70), rng.uniform(-180, 180))
                      for i in range(20_000)))
    started = time.perf_counter()
    assert map_image(trip).startswith(b"\x89PNG")
    assert time.perf_counter() - started < 60  # about a second here; a call a dot took minutes


class Axes:
    """What `_route` draws on, kept: the collection of the route's lines."""

    def add_collection(self, collection):
        self.lines = collection.get_segments()


@pytest.mark.parametrize(("legs", "most"), [(3, None), (5_000, 20_000 + 2 * 5_000)])
def test_the_route_is_as_fine_as_the_maps(legs, most):
    import random

    from itinerary.render.image import _route

    rng = random.Random(2)
    stops = [stop(str(i), rng.uniform(-60, 70), rng.uniform(-180, 180)) for i in range(legs + 1)]
    axes = Axes()
    _route(axes, stops, 0.0, "#000")
    points = sum(len(line) for line in axes.lines)
    assert len(axes.lines) == legs
    if most is None:  # a few legs: a point a degree or closer
        assert all(len(line) > 10 for line in axes.lines)
    else:
        assert points <= most
