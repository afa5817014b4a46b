"""The map's own elements: safe JSON for scripts, and the trip layer's compact data."""

import json
import re
from datetime import date

import pytest

from itinerary.config import NUMBERED_MAX
from itinerary.model import Meeting, Stop, Trip
from itinerary.render.layers import data_json, layer_data, trip_data


@pytest.mark.parametrize(("value", "text"), [
    (["</script>"], '["\\u003c/script\\u003e"]'),
    (["a & b"], '["a \\u0026 b"]'),
    (["{{ 7*7 }}"], '["\\u007b\\u007b 7*7 \\u007d\\u007d"]'),
    ({"k": ['say "}"']}, '{"k":["say \\"\\u007d\\""]}'),
    (["\u2028"], '["\\u2028"]'),
    (["`x`"], '["`x`"]'),
])
def test_data_json_cannot_end_a_script_or_open_a_template(value, text):
    assert data_json(value) == text
    assert json.loads(text) == value


DAY = date(2022, 10, 3)


def stop(stop_id, lat, lon, **kw):
    return Stop(stop_id, kw.pop("place", "Lima"), "Peru", DAY, DAY, lat=lat, lon=lon, **kw)


def test_each_string_is_sent_once_and_every_located_stop_is_a_marker():
    trip = Trip((stop("a", -12.0, -77.0, summary="Talks"), stop("b", -13.0, -72.0, place="Cusco",
                                                               summary="Talks"),
                 stop("x", None, None), stop("c", -12.0, -77.0, summary="Again")),
                (Meeting("a", DAY, "Landa", summary="Talks"), Meeting("x", None, "Nobody")))
    data = trip_data(trip, popups=True)
    text = data["text"]
    stops = data["stops"]
    assert stops["number"] == [1, 2, 4]  # the unplaced stop keeps its number, undrawn
    assert [text[i] for i in stops["title"]] == ["1. Lima, Peru", "2. Cusco, Peru",
                                                 "4. Lima, Peru"]
    assert stops["dates"] == [stops["dates"][0]] * 3 and text[stops["dates"][0]] == "3 Oct 2022"
    assert (stops["lat"], stops["lon"]) == ([-12.0, -13.0, -12.0], [-77.0, -72.0, -77.0])
    assert "<b>Landa</b> · 3 Oct 2022<br>Talks" in text[stops["popup"][0]]
    assert len(text) == len(set(text))  # each string once
    assert "popup" not in trip_data(trip)["stops"]


def test_the_route_is_sent_as_the_lines_to_draw():
    trip = Trip((stop("fiji", -18.1, 178.4), stop("samoa", -13.8, -171.8)))
    (lines,) = trip_data(trip)["routes"]
    assert len(lines) == 2  # the arc, and its copy a world to the west
    assert lines[0][0] == [-18.1, 178.4] and lines[0][-1] == [-13.8, 188.2]
    assert lines[1][-1] == [-13.8, -171.8]


def test_playback_learns_each_lines_stop_and_each_stops_first_day():
    trip = Trip((stop("a", -12.0, -77.0), stop("x", None, None), stop("b", -13.0, -72.0),
                 stop("b2", -13.0, -72.0), stop("fiji", -18.1, 178.4),
                 stop("samoa", -13.8, -171.8)))
    data = trip_data(trip)
    # Lines to Cusco (marker 1), to Fiji and to Samoa (3, 4) each twice, as both cross
    # ±180°: no leg to b2, which stays where b was; the unplaced stop has no marker.
    assert data["arrivals"] == [[1, 3, 3, 4, 4]]
    assert data["stops"]["start"] == [DAY.toordinal()] * 5


@pytest.mark.parametrize(("stops", "numbered"), [(1, True), (NUMBERED_MAX, True),
                                                 (NUMBERED_MAX + 1, False)])
def test_numbered_markers_up_to_a_limit_of_stops(stops, numbered):
    trip = Trip(tuple(stop(f"s{i}", i * 0.001, 0.0) for i in range(stops)))
    assert trip_data(trip)["numbered"] is numbered


def test_trips_joined_send_their_parts_names_and_colours():
    trip = Trip((stop("a", -12.0, -77.0), stop("b", None, None), stop("c", 4.6, -74.1)),
                parts=("Oct 2022 · Peru", "Feb 2025 · Colombia"),
                part_of={"a": 0, "b": 1, "c": 1})
    data = trip_data(trip)
    assert [[data["text"][name], color] for name, color in data["parts"]] == [
        ["Oct 2022 · Peru", "#0072b2"], ["Feb 2025 · Colombia", "#d55e00"]]
    assert data["stops"]["part"] == [0, 1]  # the located stops' parts
    assert len(data["routes"]) == 2
    assert "parts" not in trip_data(Trip((stop("a", -12.0, -77.0),)))


@pytest.mark.parametrize("count", [3, NUMBERED_MAX + 1])
def test_a_map_made_from_kept_layer_data_is_the_map_made_anew(count):
    from itinerary.render.map import build_map

    trip = Trip(tuple(stop(str(i), -12.0 + i / 100, -77.0) for i in range(count)))
    kept = layer_data(trip)
    assert kept.numbered is (count <= NUMBERED_MAX)
    assert json.loads(kept.json) == trip_data(trip)

    def page(m):  # folium names each element at random
        return re.sub(r"_[0-9a-f]{32}", "_ID", m.get_root().render())

    fresh = build_map(trip, base="../files/", embedded=True)  # no popups, as layer_data
    again = build_map(trip, base="../files/", embedded=True, data=kept)
    assert page(again) == page(fresh)
