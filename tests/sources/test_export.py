"""Trips back to CSV: what is written reads back in unchanged."""

import csv
import io

import pytest

from itinerary.sources.export import csv_zip, meetings_to_csv, stops_to_csv
from itinerary.sources.stops import load_trip
from tests.trips import stops_of


def test_csv_round_trips_stops_and_extra_columns(located_trip):
    text = stops_to_csv(located_trip.stops)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["place"] == "Bogotá" and rows[0]["precision"] == "city"
    again = stops_of(text.encode(), name="again.csv")
    assert [(s.stop_id, s.start, s.end, s.lat, s.lon) for s in again] == [
        (s.stop_id, s.start, s.end, s.lat, s.lon) for s in located_trip.stops]
    assert [s.precision for s in again] == ["city"] * 3


def test_meetings_round_trip_in_the_input_format(located_trip):
    text = meetings_to_csv(located_trip.meetings)
    assert text.splitlines()[0] == "stop_id,date,with,topics,summary,quote,quote_by"
    again = load_trip(stops_to_csv(located_trip.stops).encode(), text.encode(),
                      stops_name="s.csv", meetings_name="m.csv")
    assert again.meetings == located_trip.meetings


def test_stops_and_meetings_together_in_a_zip(located_trip):
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(csv_zip(located_trip)))
    assert archive.namelist() == ["stops.csv", "meetings.csv"]
    assert archive.read("meetings.csv").decode() == meetings_to_csv(located_trip.meetings)


# Property: writing stops to CSV and reading them back preserves every field.
from datetime import date, timedelta  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from itinerary.model import Stop  # noqa: E402

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
               max_size=30)
NAME = TEXT.map(str.strip).filter(lambda t: t and not t.startswith("="))
EXTRA_COLUMNS = st.lists(st.sampled_from(["note", "host", "=col", "source"]), unique=True,
                         max_size=3)


@st.composite
def stops(draw):
    columns = draw(EXTRA_COLUMNS)
    result = []
    for i in range(draw(st.integers(1, 6))):
        start = draw(st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 1, 1)))
        end = start + timedelta(days=draw(st.integers(0, 30)))
        located = draw(st.booleans())
        result.append(Stop(
            f"id{i}", draw(NAME), draw(NAME), start, end,
            summary=draw(TEXT).strip(),
            lat=draw(st.floats(-90, 90)) if located else None,
            lon=draw(st.floats(-180, 180)) if located else None,
            precision="given" if located else "", geocoder="file" if located else "",
            extra={c: draw(TEXT) for c in columns}))
    return result


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(stops())
def test_csv_round_trip_keeps_every_field_and_extra_column(original):
    again = stops_of(stops_to_csv(original).encode(), name="again.csv")
    by_id = {s.stop_id: s for s in again}
    for stop in original:
        back = by_id[stop.stop_id]
        assert (back.place, back.country, back.start, back.end, back.summary) == (
            stop.place, stop.country, stop.start, stop.end, stop.summary)
        assert (back.lat is None) == (stop.lat is None)
        if stop.lat is not None:
            assert back.lat == pytest.approx(stop.lat, abs=1e-6)
            assert back.lon == pytest.approx(stop.lon, abs=1e-6)
        assert back.extra == stop.extra
