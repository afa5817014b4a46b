"""The calendar export, checked line by line against RFC 5545 (CRLF, folding at 75
octets, escaping, required properties) and read back with icalendar."""

import re
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from itinerary.exports.calendar import to_ics
from itinerary.model import Meeting, Stop, Trip

STAMP = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
_LINE = re.compile(r"^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:\"[^\"]*\"|[^;:,\"]*))*):(.*)$")
_TEXT = ("SUMMARY", "LOCATION", "DESCRIPTION")


def content_lines(data: bytes) -> list[tuple[str, str, str]]:
    """RFC 5545's rules for the file's shape, checked; the unfolded lines returned."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    assert b"\n" not in b"".join(physical) and b"\r" not in b"".join(physical)
    assert all(len(line) <= 75 for line in physical), "a line longer than 75 octets"
    unfolded: list[str] = []
    for line in physical:
        text = line.decode("utf-8")
        if text.startswith((" ", "\t")):
            unfolded[-1] += text[1:]
        else:
            unfolded.append(text)
    found = []
    for text in unfolded:
        match = _LINE.match(text)
        assert match, f"not a content line: {text!r}"
        name, params, value = match.groups()
        if name in _TEXT:
            # Commas, semicolons and newlines escaped; a backslash only before one of them.
            assert not re.search(r"(?<!\\)[,;]", value.replace("\\\\", "")), value
            assert not re.search(r"\\[^\\,;nN]", value.replace("\\\\", "")), value
        found.append((name, params, value))
    return found


def events(lines):
    current, found = None, []
    for name, params, value in lines:
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            found.append(current)
            current = None
        elif current is not None:
            current[name] = (params, value)
    return found


def test_an_all_day_event_per_stop_and_one_per_dated_meeting(located_trip):
    lines = content_lines(to_ics(located_trip, STAMP))
    assert lines[0] == ("BEGIN", "", "VCALENDAR") and lines[-1] == ("END", "", "VCALENDAR")
    names = [n for n, _, _ in lines]
    assert {"VERSION", "PRODID"} <= set(names)
    found = events(lines)
    assert len(found) == 3 + 1  # three stops, and Castillo's meeting on 6 Oct
    for event in found:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} <= set(event)
        assert event["DTSTART"][0] == event["DTEND"][0] == ";VALUE=DATE"
        assert event["DTSTART"][1] < event["DTEND"][1]
        assert event["DTSTAMP"][1] == "20261130T120000Z"
    bogota = found[0]
    assert (bogota["DTSTART"][1], bogota["DTEND"][1]) == ("20221003", "20221005")
    assert bogota["SUMMARY"][1] == "Bogotá\\, Colombia"
    assert bogota["GEO"][1] == "4.60971;-74.08175"
    assert len({e["UID"][1] for e in found}) == 4


def test_the_file_reads_back_with_icalendar(located_trip):
    calendar = Calendar.from_ical(to_ics(located_trip, STAMP))
    stops = [e for e in calendar.walk("VEVENT")]
    first = stops[0]
    assert str(first["SUMMARY"]) == "Bogotá, Colombia"
    assert first.decoded("DTSTART") == date(2022, 10, 3)
    assert first.decoded("DTEND") == date(2022, 10, 5)
    assert "Gustavo Petro, President of Colombia" in str(first["DESCRIPTION"])
    assert "“eventually will be U.S. president” — Gustavo Petro" in str(first["DESCRIPTION"])
    meeting = next(e for e in stops if str(e["SUMMARY"]).startswith("Pedro Castillo"))
    assert meeting.decoded("DTSTART") == date(2022, 10, 6)


def test_uids_stay_the_same_when_the_file_is_made_again(located_trip):
    def uids(data):
        return [e["UID"][1] for e in events(content_lines(data))]
    assert uids(to_ics(located_trip, STAMP)) == uids(to_ics(located_trip))


@pytest.mark.parametrize("evil", [
    "a,b;c\\d\ne", "x" * 300, "Ünïcödé " * 40, "line\r\nbreak", "tab\there",
])
def test_any_text_is_escaped_and_folded(evil):
    trip = Trip((Stop("a", evil, "Peru", date(2022, 1, 1), date(2022, 1, 2), summary=evil,
                      lat=-12.0, lon=-77.0),),
                meetings=(Meeting("a", date(2022, 1, 2), evil, summary=evil),))
    data = to_ics(trip, STAMP)
    content_lines(data)
    back = list(Calendar.from_ical(data).walk("VEVENT"))
    # A line break in text is a line break; a CRLF in it reads back as one newline.
    assert str(back[0]["SUMMARY"]) == f"{evil.replace(chr(13) + chr(10), chr(10))}, Peru"
