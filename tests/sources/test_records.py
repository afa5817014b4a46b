"""The official-record importer: small fixtures, and the bundled Secretaries' record."""

import time
from datetime import date

import pytest

from itinerary.config import BUNDLED_TRAVELS_DIR
from itinerary.errors import DataError
from itinerary.sources.export import write_stops
from itinerary.sources.records import (
    import_folder,
    import_travels,
    read_path,
    read_records,
    split_locale,
)
from itinerary.sources.stops import load_trip
from tests.paths import TRAVELS


@pytest.fixture(scope="module")
def bundled():
    return import_folder(BUNDLED_TRAVELS_DIR)


def imported(*names, who=None):
    return import_travels([read_path(TRAVELS / n) for n in names], who=who)


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


def test_records_become_stops_grouped_into_journeys():
    result = imported("cases.xml")
    got = [(s.stop_id, s.place, s.country, s.start.isoformat(), s.end.isoformat(),
            s.extra["trip"]) for s in result.stops]
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
    cairo = result.stops[1]
    assert cairo.summary == "Met the President."
    assert cairo.extra == {"traveler": "Test Traveller", "role": "secretary",
                           "trip": "1959-05 Egypt, India", "source_id": "10"}
    assert [(j.who, j.label) for j in result.journeys] == [
        ("other-person", "1945-02 U.S.S.R."), ("test-traveller", "1959-05 Egypt, India"),
        ("test-traveller", "1959-05 Vatican City, Canada")]


def test_a_journey_opens_as_a_trip_and_so_do_all_of_a_travellers():
    result = imported("cases.xml")
    trip = result.trip("test-traveller", date(1959, 5, 11))
    assert [s.place for s in trip.stops] == ["Cairo", "Alexandria", "Mumbai (Bombay)"]
    every = result.trip("test-traveller", None)
    assert len(every.stops) == 5
    assert (trip.title, every.title) == ("", "")  # titled as the page names them, there
    assert result.trip("test-traveller", date(1959, 5, 12)) is None
    assert result.trip("nobody", None) is None


def test_all_of_a_travellers_trips_are_parts_each_its_own_route():
    every = imported("cases.xml").trip("test-traveller", None)
    assert every.parts == ("1959-05 Egypt, India", "1959-05 Vatican City, Canada")
    assert [[s.place for s in part] for part in every.by_part()] == [
        ["Cairo", "Alexandria", "Mumbai (Bombay)"], ["", "Windsor (Ontario)"]]
    assert imported("cases.xml").trip("test-traveller", date(1959, 5, 11)).parts == ()


@pytest.mark.parametrize(("choices", "parts", "places"), [
    ([("test-traveller", date(1959, 5, 20)), ("other-person", date(1945, 2, 4))],
     ["1945-02 U.S.S.R.", "1959-05 Vatican City, Canada"], ["Yalta", "", "Windsor (Ontario)"]),
    ([("test-traveller", date(1959, 5, 11))], ["1959-05 Egypt, India"],
     ["Cairo", "Alexandria", "Mumbai (Bombay)"]),
    ([("test-traveller", date(1959, 5, 11)), ("nobody", date(1959, 5, 11))],
     ["1959-05 Egypt, India"], ["Cairo", "Alexandria", "Mumbai (Bombay)"]),
])
def test_trips_of_several_travellers_join_in_order_of_their_days(choices, parts, places):
    trip = imported("cases.xml").trips(choices)
    assert list(trip.parts) == parts
    assert [s.place for s in trip.stops] == places


def test_no_trip_to_join_is_none():
    assert imported("cases.xml").trips([("nobody", date(1959, 5, 11))]) is None


def test_a_placed_record_keeps_its_journeys_with_the_placed_stops():
    from dataclasses import replace

    record = imported("cases.xml")
    placed = record.placed([replace(s, lat=1.0, lon=2.0) for s in record.stops[:2]])
    assert [s.located for s in placed.stops] == [True, True, False, False, False, False]
    assert [j.label for j in placed.journeys] == [j.label for j in record.journeys]
    assert not any(s.located for s in record.stops)


def test_travellers_are_listed_with_their_years_and_trips():
    people = imported("cases.xml").travellers
    assert [(p.who, p.name, p.first, p.last, p.trips) for p in people] == [
        ("other-person", "Other Person", date(1945, 2, 4), date(1945, 2, 11), 1),
        ("test-traveller", "Test Traveller", date(1959, 5, 11), date(1959, 5, 22), 2)]


def test_who_selects_one_traveller():
    result = imported("cases.xml", who="other-person")
    assert [s.place for s in result.stops] == ["Yalta"]
    assert result.stops[0].extra["role"] == "president"


def test_broken_records_are_named_and_the_rest_import():
    result = imported("broken.xml")
    assert [s.extra["source_id"] for s in result.stops] == ["30", "35"]
    name = str(TRAVELS / "broken.xml")
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


_RECORD = ("<trip who='w'><id>{id}</id><name>W</name><start-date>1990-10-05</start-date>"
           "<end-date>1990-10-05</end-date><country>{country}</country>"
           "<locale>{locale}</locale></trip>")


@pytest.mark.parametrize(("fields", "message"), [
    ({"id": "=1+1"}, 'record =1+1: <id> "=1+1" looks like a spreadsheet formula; expected '
                     "plain text"),
    ({"id": "x" * 201}, "record " + "x" * 201 + ": <id> expected at most 200 characters, "
                        "found 201"),
    ({"id": "y" * 199, "locale": "Lima, Cusco"},
     "record " + "y" * 199 + ": <id> expected at most 200 characters, found 201"),
    ({"country": "=cmd|' /C calc'!A0"}, "record 2: <country> \"=cmd|' /C calc'!A0\" looks like "
                                          "a spreadsheet formula; expected plain text"),
    ({"country": "P" * 250}, "record 2: <country> expected at most 200 characters, found 250"),
    ({"locale": "Lima, =HYPERLINK(x)"}, 'record 2: <locale> "=HYPERLINK(x)" looks like a '
                                        "spreadsheet formula; expected plain text"),
    ({"locale": "L" * 250}, "record 2: <locale> expected at most 200 characters, found 250"),
])
def test_records_the_stops_file_would_refuse_are_skipped_and_named(tmp_path, fields, message):
    good = _RECORD.format(id=1, country="Peru", locale="Lima")
    bad = _RECORD.format(**{"id": 2, "country": "Peru", "locale": "Lima", **fields})
    result = import_travels([(f"<trips>{good}{bad}</trips>".encode(), "f.xml")])
    assert [str(p) for p in result.problems] == [f"f.xml: {message}"]
    assert [s.stop_id for s in result.stops] == ["1"]
    written = tmp_path / "out.csv"
    write_stops(result.stops, written)
    assert [s.stop_id for s in load_trip(written).stops] == ["1"]


@pytest.mark.parametrize(("data", "message"), [
    (b'<?xml version="1.0" encoding="x-bogus"?><trips/>', 'declares the encoding "x-bogus", '
                                                          "which is unknown; save it as UTF-8"),
    (b"<!DOCTYPE trips><trips/>", "uses XML entities or a DTD, which are refused for safety; "
                                  "expected plain XML"),
    (b'<!DOCTYPE trips SYSTEM "http://example.invalid/t.dtd"><trips/>',
     "uses XML entities or a DTD, which are refused for safety; expected plain XML"),
    (b'<!DOCTYPE trips [<!ELEMENT trips ANY>]><trips><trip>', "uses XML entities or a DTD, "
     "which are refused for safety; expected plain XML"),
])
def test_declarations_that_cannot_be_honoured_refuse_the_file(data, message):
    assert [str(p) for p in read_records(data, "f.xml")[1]] == [f"f.xml: {message}"]


@pytest.mark.parametrize(("name", "message"), [
    ("entities.xml", "uses XML entities or a DTD, which are refused for safety; expected "
                     "plain XML"),
    ("wrong_root.xml", "has a <people> root; expected <trips>"),
    ("not_xml.xml", "is not a travel record: no <trip> element could be read"),
])
def test_unusable_files_are_refused_whole(name, message):
    records, problems = read_records((TRAVELS / name).read_bytes(), name)
    assert records == []
    assert [str(p) for p in problems] == [f"{name}: {message}"]


@pytest.mark.parametrize(("names", "who", "message"), [
    (["entities.xml"], None, "{travels}/entities.xml: uses XML entities or a DTD, which are "
                             "refused for safety; expected plain XML"),
    (["entities.xml", "cases.xml"], "nobody",
     "entities.xml, cases.xml: holds no travel records of nobody that could be read"),
    (["cases.xml"], "nobody", "cases.xml: holds no travel records of nobody that could be read"),
])
def test_nothing_to_import_is_one_error(names, who, message):
    result = imported(*names, who=who)
    with pytest.raises(DataError) as caught:
        result.require_records(", ".join(names), who)
    assert str(caught.value) == message.format(travels=TRAVELS)


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(DataError) as caught:
        import_folder(tmp_path)
    assert str(caught.value) == f"{tmp_path}: holds no travel record files (*.xml)"


def test_the_bundled_record_holds_every_secretary(bundled):
    assert len(list(BUNDLED_TRAVELS_DIR.glob("*.xml"))) == 34
    assert bundled.problems == []
    assert len(bundled.travellers) == 34
    first, last = bundled.travellers[0], bundled.travellers[-1]
    assert (first.who, first.first.year) == ("seward-william-henry", 1866)
    assert (last.who, last.first.year) == ("rubio-marco", 2025)
    assert bundled.records + bundled.duplicates == 3439


def test_the_october_2022_trip_is_in_the_bundled_record(bundled):
    trip = bundled.trip("blinken-antony-j", date(2022, 10, 3))
    assert [(s.place, s.country, s.start.isoformat(), s.end.isoformat(),
             s.extra["source_id"]) for s in trip.stops] == [
        ("Bogota", "Colombia", "2022-10-03", "2022-10-04", "4089"),
        ("Santiago", "Chile", "2022-10-05", "2022-10-05", "4090"),
        ("Lima", "Peru", "2022-10-06", "2022-10-06", "4091"),
    ]


def test_journeys_group_records_at_most_two_days_apart(bundled):
    for journey in bundled.journeys:
        days = sorted(journey.stops, key=lambda s: s.start)
        reach = days[0].end
        for stop in days[1:]:
            assert (stop.start - reach).days <= 2, journey.label
            reach = max(reach, stop.end)
    assert len(bundled.journeys) > 1000


@pytest.mark.parametrize("kind", ["one record a day", "lines without records"])
def test_import_cost_grows_linearly(kind):
    # Sizes at which the quadratic code took minutes (100,000 records a day apart, 160 s;
    # 300,000 unclosed <trip> lines, 158 s); the linear code takes about 2 s.
    if kind == "one record a day":
        record = ("<trip who='w'><id>{i}</id><name>W</name><start-date>{d}</start-date>"
                  "<end-date>{d}</end-date><country>Peru</country><locale>Lima</locale></trip>")
        days = [date.fromordinal(date(1850, 1, 1).toordinal() + i) for i in range(90_000)]
        data = ("<trips>" + "".join(record.format(i=i, d=d) for i, d in enumerate(days))
                + "</trips>").encode()
    else:
        data = b"<trips>" + b"<trip>\n" * 300_000
    started = time.perf_counter()
    result = import_travels([(data, "big.xml")])
    assert time.perf_counter() - started < 30
    assert len(result.journeys) == 1 if kind == "one record a day" else len(
        result.problems) == 300_000
