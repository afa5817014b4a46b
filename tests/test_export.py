import csv
import io

import pytest

from itinerary.export import neutralize, stops_to_csv
from itinerary.load import read_stops


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"),
    ("+5", "+5"),
    ("+cmd", "'+cmd"),
    ("-74.08", "-74.08"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("Lima", "Lima"),
])
def test_formula_cells_are_neutralised(cell, safe):
    assert neutralize(cell) == safe


def test_csv_round_trips_stops_and_extra_columns(located_trip):
    text = stops_to_csv(located_trip.stops)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["place"] == "Bogotá" and rows[0]["precision"] == "city"
    again = read_stops(text.encode(), name="again.csv")
    assert [(s.stop_id, s.start, s.end, s.lat, s.lon) for s in again] == [
        (s.stop_id, s.start, s.end, s.lat, s.lon) for s in located_trip.stops]
    assert [s.precision for s in again] == ["city"] * 3
