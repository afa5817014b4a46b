"""The draft: stops, meetings, evidence and statuses, and the CSV that reads back in."""

from datetime import date

import pytest

from itinerary.errors import ArticleError
from itinerary.extract import extract
from itinerary.sources.export import meetings_to_csv, stops_to_csv
from itinerary.sources.stops import load_trip

TEXT = ("---\ndate: '2013-05-17'\n---\nSecretary Kerry will travel May 21 to Muscat, where "
        "he will meet with senior Omani officials.\n\nOn May 22, the Secretary will visit "
        "Amman, where he will meet with Foreign Minister Nasser Judeh. “We are ready,” "
        "Judeh said.\n\nThe Secretary will then travel to Addis Ababa, where he will "
        "attend the African Union Summit.")


@pytest.fixture(scope="module")
def draft(gazetteer):
    return extract(TEXT, name="kerry.md", gazetteer=gazetteer)


def test_stops_with_statuses_and_evidence(draft):
    stops = draft.trip.stops
    assert [(s.stop_id, s.place, s.country, s.start, s.extra["dates"]) for s in stops] == [
        ("muscat", "Muscat", "Oman", date(2013, 5, 21), "stated"),
        ("amman", "Amman", "Jordan", date(2013, 5, 22), "stated"),
        ("addis-ababa", "Addis Ababa", "Ethiopia", date(2013, 5, 22), "inferred")]
    assert stops[0].extra["evidence"].startswith("Secretary Kerry will travel May 21")
    assert stops[0].summary.startswith("Secretary Kerry will travel May 21 to Muscat")
    assert draft.traveller == "Kerry" and draft.published == date(2013, 5, 17)


def test_meetings_people_events_and_quotes(draft):
    found = [(m.stop_id, m.with_, m.quote, m.quote_by) for m in draft.trip.meetings]
    assert found == [
        ("muscat", "senior Omani officials", "", ""),
        ("amman", "Nasser Judeh, Foreign Minister", "We are ready", "Nasser Judeh"),
        ("addis-ababa", "African Union Summit", "", "")]
    assert all(m.extra["evidence"] for m in draft.trip.meetings)


def test_the_csv_reads_back_in(draft, tmp_path):
    stops, meetings = tmp_path / "s.csv", tmp_path / "m.csv"
    stops.write_text(stops_to_csv(draft.trip.stops), encoding="utf-8")
    meetings.write_text(meetings_to_csv(draft.trip.meetings), encoding="utf-8")
    back = load_trip(stops, meetings)
    assert back.stops == draft.trip.stops
    assert [m.extra for m in back.meetings] == [m.extra for m in draft.trip.meetings]


def test_no_stops_is_an_empty_trip(gazetteer):
    assert extract("Nothing happened today.", gazetteer=gazetteer).trip.stops == ()


def test_progress_is_shown(gazetteer):
    seen = []
    extract(TEXT, gazetteer=gazetteer, progress=lambda share, text: seen.append(share))
    assert seen[0] < seen[-1] == 1.0


def test_hostile_text_stays_text(gazetteer):
    draft = extract("He will travel May 21 to Muscat <script>x</script>, where he will meet "
                    "with senior *Omani* officials.", gazetteer=gazetteer,
                    published=date(2013, 5, 1))
    assert draft.trip.stops[0].place == "Muscat"
    with pytest.raises(ArticleError):
        extract(b"\x00" * 10)


def test_a_long_text_costs_linear_time(gazetteer):
    import time

    body = TEXT.split("---\n")[-1]
    start = time.perf_counter()
    extract(body * 10, gazetteer=gazetteer, published=date(2013, 5, 17))
    small = time.perf_counter() - start
    start = time.perf_counter()
    extract(body * 200, gazetteer=gazetteer, published=date(2013, 5, 17))
    large = time.perf_counter() - start
    assert large < small * 20 * 5 + 5  # generous: linear, not quadratic


def test_a_sentence_that_never_ends_costs_linear_time(gazetteer):
    import time

    unit = ("he will travel to Lima, Peru on May 3 and meet with President Pedro Castillo "
            "in Lima and then Quito, Ecuador on May 4 ")
    spent = []
    for count in (200, 2000):
        start = time.perf_counter()
        extract(unit * count, gazetteer=gazetteer, published=date(2022, 5, 1))
        spent.append(time.perf_counter() - start)
    assert spent[1] < spent[0] * 10 * 5 + 5  # generous: linear, not quadratic


TWO = ("WASHINGTON, March 3, 2025 — President Joseph R. Biden will travel to Berlin, Germany, "
       "on March 10 and 11, where he will meet Chancellor Olaf Scholz. He will then travel "
       "to Paris, France, on March 12.\n\nVice President Kamala Harris will travel to Tokyo, "
       "Japan, on March 10. The Vice President will then visit Manila, Philippines, on "
       "March 13.")


def test_two_travellers_each_have_a_trip_of_their_own(gazetteer):
    trip = extract(TWO, gazetteer=gazetteer).trip
    assert [(s.stop_id, s.start.day, s.extra["traveler"], trip.part(s.stop_id))
            for s in trip.stops] == [("berlin", 10, "Joseph R. Biden", 0),
                                     ("tokyo", 10, "Kamala Harris", 1),
                                     ("paris", 12, "Joseph R. Biden", 0),
                                     ("manila", 13, "Kamala Harris", 1)]
    assert trip.parts == ("Joseph R. Biden", "Kamala Harris")
    again = load_trip(stops_to_csv(trip.stops).encode())
    assert again.parts == trip.parts and again.part("tokyo") == 1


@pytest.mark.parametrize("text", [
    "President Biden will travel to Berlin on March 10. The President will then visit "
    "Paris on March 12.",
    "President Biden will travel to Berlin on March 10. First Lady Jill Biden will "
    "travel with him to Paris on March 12.",
])
def test_one_traveller_and_companions_make_one_trip(gazetteer, text):
    trip = extract(text, gazetteer=gazetteer, published=date(2025, 3, 1)).trip
    assert [s.stop_id for s in trip.stops] == ["berlin", "paris"]
    assert trip.parts == () and all("traveler" not in s.extra for s in trip.stops)
