"""Stops and meetings files to a validated Trip: exact messages for bad input."""

import csv
import io
from datetime import date

import pytest

from itinerary.config import SEED_STOPS
from itinerary.errors import DataError
from itinerary.sources.stops import load_trip
from itinerary.text import shorten
from tests.paths import BAD, DATA
from tests.trips import stops_of

BAD_STOPS = [
    ("bad_date.csv", 'bad_date.csv, row 2, column start_date: expected an ISO date like '
                     '2022-10-05, found "Oct 3 2022"'),
    ("impossible_date.csv", 'impossible_date.csv, row 2, column start_date: expected an ISO '
                            'date like 2022-10-05, found "2022-02-30"'),
    ("end_before_start.csv", "end_before_start.csv, row 2, column end_date: 2022-10-03 is "
                             "before start_date 2022-10-04"),
    ("lat_out_of_range.csv", "lat_out_of_range.csv, row 2, column lat: expected a number from "
                             "-90 to 90, found 94.6"),
    ("lon_not_number.csv", 'lon_not_number.csv, row 2, column lon: expected a number, found '
                           '"west"'),
    ("only_lat.csv", "only_lat.csv, row 2, column lon: expected both lat and lon, found only "
                     "lat"),
    ("nan_coordinate.csv", 'nan_coordinate.csv, row 2, column lat: expected a number, found '
                           '"nan"'),
    ("duplicate_id.csv", 'duplicate_id.csv, row 4, column stop_id: duplicate stop_id "a" '
                         "(first used in row 2)"),
    ("empty_id.csv", "empty_id.csv, row 2, column stop_id: expected a stop id, found an empty "
                     "cell"),
    ("no_place.csv", "no_place.csv, row 2, column place: expected a place or a country, found "
                     "both empty"),
]

BAD_MEETINGS = [
    ("meetings_unknown_stop.csv", 'meetings_unknown_stop.csv, row 2, column stop_id: unknown '
     'stop "paris"; expected one of the stop ids in the stops file'),
    ("meetings_date_outside.csv", "meetings_date_outside.csv, row 2, column date: 2022-10-09 "
     "is outside stop lima's dates 2022-10-06 to 2022-10-07"),
    ("meetings_no_with.csv", "meetings_no_with.csv, row 2, column with: expected who was met, "
     "found an empty cell"),
]


@pytest.mark.parametrize(("name", "message"), BAD_STOPS)
def test_bad_stops_file_gets_an_exact_message(name, message):
    with pytest.raises(DataError) as caught:
        load_trip(BAD / name, stops_name=name)
    assert str(caught.value.problems[0]) == message


@pytest.mark.parametrize(("name", "message"), BAD_MEETINGS)
def test_bad_meetings_file_gets_an_exact_message(name, message):
    with pytest.raises(DataError) as caught:
        load_trip(SEED_STOPS, BAD / name, meetings_name=name)
    assert str(caught.value.problems[0]) == message


def test_every_problem_in_a_file_is_reported():
    text = (b"stop_id,place,country,start_date,end_date,lat,lon\n"
            b"a,Bogota,Colombia,2022-10-03,2022-10-01,,\n"
            b"a,,,someday,,91,\n")
    with pytest.raises(DataError) as caught:
        stops_of(text, name="many.csv")
    assert [str(p) for p in caught.value.problems] == [
        "many.csv, row 2, column end_date: 2022-10-01 is before start_date 2022-10-03",
        'many.csv, row 3, column stop_id: duplicate stop_id "a" (first used in row 2)',
        "many.csv, row 3, column place: expected a place or a country, found both empty",
        'many.csv, row 3, column start_date: expected an ISO date like 2022-10-05, found '
        '"someday"',
        "many.csv, row 3, column lon: expected both lat and lon, found only lat",
    ]
    assert str(caught.value).endswith("(and 4 more problems)")


_STOPS_BAD = b"stop_id,place,country,start_date\na,Lima,Peru,someday\nb,Cusco,Peru,2022-10-07\n"
_STOPS_GOOD = b"stop_id,place,country,start_date\na,Lima,Peru,2022-10-06\n"


@pytest.mark.parametrize(("stops", "meetings", "problems"), [
    (_STOPS_BAD, b"stop_id,with\nb,\nzz,Someone\na,The mayor\n", [
        's.csv, row 2, column start_date: expected an ISO date like 2022-10-05, found '
        '"someday"',
        "m.csv, row 2, column with: expected who was met, found an empty cell",
        'm.csv, row 3, column stop_id: unknown stop "zz"; expected one of the stop ids in the '
        "stops file",
    ]),
    (b"place;country;start_date\nLima;Peru;2022-10-06\n", b"stop_id,with\nzz,\n", [
        "s.csv, row 1: uses the semicolon as its delimiter; expected comma-separated values",
        "m.csv, row 2, column with: expected who was met, found an empty cell",
    ]),
    (_STOPS_BAD, b"stop_id\na\n", [
        's.csv, row 2, column start_date: expected an ISO date like 2022-10-05, found '
        '"someday"',
        "m.csv, row 1: missing required column with; found stop_id",
    ]),
    (_STOPS_GOOD, b"stop_id,with,date\na,The mayor,2022-10-09\n", [
        "m.csv, row 2, column date: 2022-10-09 is outside stop a's dates 2022-10-06 to "
        "2022-10-06",
    ]),
])
def test_both_files_problems_are_reported_together(stops, meetings, problems):
    with pytest.raises(DataError) as caught:
        load_trip(stops, meetings, stops_name="s.csv", meetings_name="m.csv")
    assert [str(p) for p in caught.value.problems] == problems


STOPS_HEADER = "stop_id,place,country,start_date,lat,lon,summary,notes\n"


@pytest.mark.parametrize(("cells", "column", "shown"), [
    ("a,=HYPERLINK(1),Peru,2022-10-06,,,,", "place", "=HYPERLINK(1)"),
    ("a,+Lima,Peru,2022-10-06,,,,", "place", "+Lima"),
    ("a,-Lima,Peru,2022-10-06,,,,", "place", "-Lima"),
    ("a,@Lima,Peru,2022-10-06,,,,", "place", "@Lima"),
    ('a,"\tLima",Peru,2022-10-06,,,,', "place", "\tLima"),
    ('a,"\rLima",Peru,2022-10-06,,,,', "place", "\rLima"),
    ("+a,Lima,Peru,2022-10-06,,,,", "stop_id", "+a"),
    ("a,Lima,-Peru,2022-10-06,,,,", "country", "-Peru"),
    ("a,Lima,Peru,2022-10-06,,,=1+1,", "summary", "=1+1"),
    ("a,Lima,Peru,2022-10-06,,,,@cmd", "notes", "@cmd"),
])
def test_a_formula_in_any_text_column_of_stops_is_refused(cells, column, shown):
    with pytest.raises(DataError) as caught:
        load_trip((STOPS_HEADER + cells + "\n").encode(), stops_name="f.csv")
    assert [str(p) for p in caught.value.problems] == [
        f'f.csv, row 2, column {column}: "{shown}" looks like a spreadsheet formula; expected '
        "plain text"]


@pytest.mark.parametrize(("column", "cell"), [
    ("with", "=HYPERLINK(\"http://example.invalid\")"), ("summary", "=1+1"), ("quote", "+1"),
    ("quote_by", "@someone"), ("topics", "-trade"),
])
def test_a_formula_in_any_column_of_meetings_is_refused(column, cell):
    out = io.StringIO()
    writer = csv.DictWriter(out, ["stop_id", "with", "topics", "summary", "quote",
                                  "quote_by"])
    writer.writeheader()
    writer.writerow({"stop_id": "a", "with": "Someone", column: cell})
    with pytest.raises(DataError) as caught:
        load_trip(b"stop_id,place,country,start_date\na,Lima,Peru,2022-10-06\n",
                  out.getvalue().encode(), meetings_name="m.csv")
    assert [str(p) for p in caught.value.problems] == [
        f'm.csv, row 2, column {column}: "{shorten(cell, 40)}" looks like a spreadsheet '
        "formula; expected plain text"]


def test_negative_numbers_and_guarded_text_are_taken_as_they_mean():
    trip = load_trip((STOPS_HEADER + "a,'=Lima,Peru,2022-10-06,-12.04,-77.03,'-5 degrees,\n")
                     .encode(), stops_name="f.csv")
    (stop,) = trip.stops
    assert (stop.place, stop.lat, stop.lon, stop.summary) == ("=Lima", -12.04, -77.03,
                                                              "-5 degrees")


def test_seed_trip_loads_in_order(trip):
    assert [(s.stop_id, s.place, s.country, s.start, s.end) for s in trip.stops] == [
        ("bogota", "Bogotá", "Colombia", date(2022, 10, 3), date(2022, 10, 4)),
        ("santiago", "Santiago", "Chile", date(2022, 10, 5), date(2022, 10, 5)),
        ("lima", "Lima", "Peru", date(2022, 10, 6), date(2022, 10, 7)),
    ]
    assert all(not s.located for s in trip.stops)  # places are looked up, never typed in


def test_rows_are_sorted_by_date_and_extra_columns_kept():
    stops = stops_of(DATA / "stops_extra.csv")
    assert [s.stop_id for s in stops] == ["a", "b", "c"]
    assert stops[0].extra == {"host": "Petro", "notes": "arrived late"}
    assert stops[0].row == 3
    assert (stops[2].lat, stops[2].lon, stops[2].precision, stops[2].geocoder) == (
        -0.22, -78.51, "given", "file")
    assert stops[1].end == stops[1].start  # an empty end_date is a one-day stop


def test_stop_ids_are_optional():
    stops = stops_of(DATA / "stops_no_ids.csv")
    assert [s.stop_id for s in stops] == ["s1", "s2"]


def test_meetings_are_optional_and_topics_split(trip):
    assert load_trip(SEED_STOPS).meetings == ()
    castillo = [m for m in trip.meetings if m.with_.startswith("Pedro Castillo")]
    assert castillo[0].topics == ("migration", "drug policy", "diplomacy")
    assert castillo[0].date == date(2022, 10, 6)


# Property: whatever bytes arrive, the loader answers with the package's own error or a trip.
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from itinerary.errors import ItineraryError  # noqa: E402

CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
HEADER = st.lists(st.sampled_from(["stop_id", "place", "country", "start_date", "end_date",
                                   "lat", "lon", "summary", "note", ""]), max_size=9)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(HEADER, st.lists(st.lists(CELL, max_size=10), max_size=6))
def test_any_csv_shaped_text_gives_a_trip_or_a_package_error(header, rows):
    import csv as csv_module
    import io

    out = io.StringIO()
    writer = csv_module.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        stops = stops_of(out.getvalue().encode(), name="fuzz.csv")
    except ItineraryError as exc:
        assert str(exc).startswith("fuzz.csv")
    else:
        assert all(s.start <= s.end for s in stops)


@pytest.mark.parametrize(("travellers", "parts"), [
    (["A", "A", "A"], ()),
    (["A", "", "A"], ()),
    (["A", "B", "A"], ("A", "B")),
    (["", "B", "A"], ("No traveller named", "B", "A")),
])
def test_a_traveler_column_of_several_people_makes_a_trip_each(travellers, parts):
    rows = "".join(f"s{i},P{i},Peru,2022-10-0{i + 1},{who}\n"
                   for i, who in enumerate(travellers))
    trip = load_trip(f"stop_id,place,country,start_date,traveler\n{rows}".encode())
    assert trip.parts == parts
    if parts:
        assert [trip.part(s.stop_id) for s in trip.stops] == [
            parts.index(who or "No traveller named") for who in travellers]
