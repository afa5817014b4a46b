"""The official-record importer, on the shared sample and on small fixtures."""

from pathlib import Path

import pytest

from itinerary.travels import import_travels, read_path, read_records, split_locale

DATA = Path(__file__).parent / "data" / "travels"
SAMPLE = Path(__file__).parent.parent.parent / "shared" / "travels" / "blinken-antony-j.xml"
needs_sample = pytest.mark.skipif(not SAMPLE.exists(), reason="the shared sample is absent")


def rows_of(*names, who=None):
    return import_travels([read_path(DATA / n) for n in names], who=who)


@pytest.mark.parametrize(("locale", "places"), [
    ("Cairo, Alexandria", ["Cairo", "Alexandria"]),
    ("Tel Aviv, Jerusalem, Kerem Shalom, Ashdod", ["Tel Aviv", "Jerusalem", "Kerem Shalom",
                                                  "Ashdod"]),
    ("Rome, Anagni , Fiuggi", ["Rome", "Anagni", "Fiuggi"]),
    ("Mumbai (Bombay)", ["Mumbai (Bombay)"]),
    ("Windsor (Ontario, Canada), Detroit", ["Windsor (Ontario, Canada)", "Detroit"]),
    ("", []),
])
def test_locales_split_into_places_in_order(locale, places):
    assert split_locale(locale) == places


def test_fixture_rows():
    result = rows_of("cases.xml")
    got = [(r["stop_id"], r["place"], r["country"], r["start_date"], r["end_date"], r["trip"])
           for r in result.rows]
    assert got == [
        ("20", "Yalta", "U.S.S.R.", "1945-02-04", "1945-02-11", "1945-02 U.S.S.R."),
        ("10-1", "Cairo", "Egypt", "1959-05-11", "1959-05-12", "1959-05 Egypt, India"),
        ("10-2", "Alexandria", "Egypt", "1959-05-11", "1959-05-12", "1959-05 Egypt, India"),
        ("11", "Mumbai (Bombay)", "India", "1959-05-14", "1959-05-14", "1959-05 Egypt, India"),
        ("13", "", "Vatican City", "1959-05-20", "1959-05-21", "1959-05 Vatican City, Canada"),
        ("14", "Windsor (Ontario)", "Canada", "1959-05-22", "1959-05-22",
         "1959-05 Vatican City, Canada"),
    ]
    assert result.duplicates == 1 and result.records == 5 and result.problems == []
    assert list(result.rows[0]) == ["stop_id", "traveler", "role", "trip", "place", "country",
                                    "start_date", "end_date", "summary", "source_id"]
    cairo = result.rows[1]
    assert (cairo["traveler"], cairo["role"], cairo["summary"], cairo["source_id"]) == (
        "Test Traveller", "secretary", "Met the President.", "10")


def test_who_selects_one_traveller():
    result = rows_of("cases.xml", who="other-person")
    assert [r["place"] for r in result.rows] == ["Yalta"]
    assert result.rows[0]["role"] == "president"


def test_broken_records_are_named_and_the_rest_import():
    result = rows_of("broken.xml")
    assert [r["source_id"] for r in result.rows] == ["30", "35"]
    name = str(DATA / "broken.xml")
    assert [str(p) for p in result.problems] == [
        f"{name}: record 31 (line 8): malformed XML (mismatched tag)",
        f'{name}: record 32: <start-date> is "Jan 7 1990"; expected an ISO date like '
        "2022-10-05",
        f"{name}: record 33: missing the <country> element",
        f"{name}: record 34: end-date 1990-01-10 is before start-date 1990-01-12",
        f"{name}: record 36 (line 33): the <trip> element is never closed",
    ]
    assert result.summary() == ("imported 2 records as 2 stops in 2 trips; skipped 5 records "
                                "that could not be read")


@pytest.mark.parametrize(("name", "message"), [
    ("entities.xml", "uses XML entities or a DTD, which are refused for safety; expected "
                     "plain XML"),
    ("wrong_root.xml", "has a <people> root; expected <trips>"),
    ("not_xml.xml", "is not a travel record: no <trip> element could be read"),
])
def test_unusable_files_are_refused_whole(name, message):
    records, problems = read_records((DATA / name).read_bytes(), name)
    assert records == []
    assert [str(p) for p in problems] == [f"{name}: {message}"]


@needs_sample
def test_october_2022_trip_from_the_sample():
    result = import_travels([read_path(SAMPLE)])
    trip = [r for r in result.rows if r["trip"] == "2022-10 Colombia, Chile, Peru"]
    assert [(r["place"], r["country"], r["start_date"], r["end_date"], r["source_id"])
            for r in trip] == [
        ("Bogota", "Colombia", "2022-10-03", "2022-10-04", "4089"),
        ("Santiago", "Chile", "2022-10-05", "2022-10-05", "4090"),
        ("Lima", "Peru", "2022-10-06", "2022-10-06", "4091"),
    ]
    assert result.problems == [] and result.duplicates >= 1


@needs_sample
def test_sample_trips_group_records_at_most_two_days_apart():
    result = import_travels([read_path(SAMPLE)])
    for trip in result.trips:
        rows = [r for r in result.rows if r["trip"] == trip]
        starts = sorted({r["start_date"] for r in rows})
        assert trip.startswith(starts[0][:7])
    assert len(result.trips) > 50
