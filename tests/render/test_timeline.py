"""The timeline: a bar per stop in lanes that never overlap, a tick per dated meeting."""

from datetime import date

from itinerary.model import Meeting, Stop, Trip
from itinerary.render.timeline import PICK, TIMELINE_MAX, timeline

D = date


def layers(chart):
    spec = chart.to_dict()
    data = spec["datasets"]
    # Altair lifts data that every layer shares to the top of the spec.
    return [data[layer.get("data", spec.get("data"))["name"]] for layer in spec["layer"]], spec


def test_a_bar_per_stop_and_a_tick_per_dated_meeting(trip):
    rows, spec = layers(timeline(trip, D(2022, 10, 3), D(2022, 10, 7), "lima"))
    bars, _, ticks = rows
    assert [(b["number"], b["start"], b["end"], b["lane"], b["selected"]) for b in bars] == [
        (1, "2022-10-03", "2022-10-05", 0, False), (2, "2022-10-05", "2022-10-06", 0, False),
        (3, "2022-10-06", "2022-10-08", 0, True)]
    assert [(t["when"], t["with"]) for t in ticks] == [
        ("2022-10-06", "Pedro Castillo, President of Peru")]
    assert spec["params"][0]["name"] == PICK
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2022-10-03", "2022-10-08"]


def test_stops_that_share_days_take_lanes_of_their_own():
    stops = (Stop("a", "A", "", D(2022, 1, 1), D(2022, 1, 31)),
             Stop("b", "B", "", D(2022, 1, 2), D(2022, 1, 2)),
             Stop("c", "C", "", D(2022, 1, 3), D(2022, 1, 3)),
             Stop("d", "D", "", D(2022, 2, 1), D(2022, 2, 1)))
    rows, _ = layers(timeline(Trip(stops), D(2022, 1, 1), D(2022, 2, 1)))
    bars = rows[0]
    assert [b["lane"] for b in bars][:3] == [0, 1, 1] and max(b["lane"] for b in bars) == 1
    for a in bars:  # within a lane, no bar starts before the one before it has ended
        assert not any(b is not a and b["lane"] == a["lane"]
                       and a["start"] < b["end"] and b["start"] < a["end"] for b in bars)


def test_no_timeline_for_no_stops_or_too_many(trip):
    assert timeline(trip.between(D(2023, 1, 1), D(2023, 1, 1)), D(2023, 1, 1),
                    D(2023, 1, 1)) is None
    many = Trip(tuple(Stop(f"s{i}", "P", "", D(2000, 1, 1), D(2000, 1, 1))
                      for i in range(TIMELINE_MAX + 1)))
    assert timeline(many, D(2000, 1, 1), D(2000, 1, 1)) is None


def test_undated_meetings_have_no_tick():
    trip = Trip((Stop("a", "A", "", D(2022, 1, 1), D(2022, 1, 2)),),
                (Meeting("a", None, "Someone"),))
    rows, _ = layers(timeline(trip, D(2022, 1, 1), D(2022, 1, 2)))
    assert len(rows) == 2  # bars and numbers, no ticks


def test_trips_compared_colour_their_bars_as_the_map_does():
    stops = (Stop("a", "Lima", "Peru", D(2022, 10, 3), D(2022, 10, 4)),
             Stop("b", "Quito", "Ecuador", D(2025, 2, 1), D(2025, 2, 2)))
    trip = Trip(stops, parts=("Peru", "Ecuador"), part_of={"a": 0, "b": 1})
    rows, spec = layers(timeline(trip, D(2022, 10, 3), D(2025, 2, 2)))
    assert [b["part"] for b in rows[0]] == ["Peru", "Ecuador"]
    color = spec["layer"][0]["encoding"]["color"]
    assert color["scale"] == {"domain": ["Peru", "Ecuador"], "range": ["#0072b2", "#d55e00"]}


def test_the_day_played_to_is_a_line_across_the_chart(trip):
    rows, spec = layers(timeline(trip, D(2022, 10, 3), D(2022, 10, 7), "santiago",
                                 D(2022, 10, 5)))
    assert rows[-1] == [{"day": "2022-10-05T12:00:00"}]
    assert spec["layer"][-1]["mark"]["type"] == "rule"
    assert spec["layer"][-1]["encoding"]["tooltip"] == {"value": "Played to 5 Oct 2022"}
    assert len(layers(timeline(trip, D(2022, 10, 3), D(2022, 10, 7), "santiago"))[0]) == 3
