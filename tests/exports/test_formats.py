"""Every export format by name: each makes a file that parses, named after the trip."""

import io
import json
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from defusedxml.ElementTree import fromstring
from icalendar import Calendar

from itinerary.exports import FORMATS, export, file_name, file_stem
from itinerary.model import Stop, Trip
from itinerary.sources.stops import load_trip

PARSERS = {
    "geojson": lambda b: json.loads(b)["type"] == "FeatureCollection",
    "kml": lambda b: fromstring(b).tag.endswith("kml"),
    "ics": lambda b: len(list(Calendar.from_ical(b).walk("VEVENT"))) == 4,
    "csv": lambda b: set(zipfile.ZipFile(io.BytesIO(b)).namelist()) == {"stops.csv",
                                                                       "meetings.csv"},
    "html": lambda b: b.startswith(b"<!DOCTYPE html>") and b"itinerary.drawTrip" in b,
    "png": lambda b: b.startswith(b"\x89PNG\r\n\x1a\n"),
    "svg": lambda b: fromstring(b).tag.endswith("svg"),
}


def test_every_format_has_a_parser_here():
    assert set(FORMATS) == set(PARSERS)


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_makes_a_file_that_parses(located_trip, name):
    assert PARSERS[name](export(located_trip, name))


def test_the_zip_reads_back_through_the_loader(located_trip):
    archive = zipfile.ZipFile(io.BytesIO(export(located_trip, "csv")))
    again = load_trip(archive.read("stops.csv"), archive.read("meetings.csv"),
                      stops_name="stops.csv", meetings_name="meetings.csv")
    assert again.stops == located_trip.stops
    assert again.meetings == located_trip.meetings


def place(name, country, day):
    return Stop(name.lower(), name, country, day, day, lat=1.0, lon=1.0)


@pytest.mark.parametrize(("title", "stops", "stem"), [
    ("Blinken · Colombia, Chile and Peru, Oct 2022", None,
     "blinken-2022-10-colombia-chile-peru"),
    ("Rubio · Central America, Feb 2025",
     [place("Panama City", "Panama", date(2025, 2, 1)),
      place("San Salvador", "El Salvador", date(2025, 2, 3)),
      place("San José", "Costa Rica", date(2025, 2, 4)),
      place("Guatemala City", "Guatemala", date(2025, 2, 5))],
     "rubio-2025-02-4-countries"),
    ("Antony John Blinken: 2022-10 Colombia", [place("Bogotá", "Colombia", date(2022, 10, 3))],
     "blinken-2022-10-colombia"),
    ("", [place("Zürich", "Switzerland", date(2023, 1, 1))], "2023-01-switzerland"),
    ("../../etc/passwd", [place("Lima", "Peru", date(2023, 1, 1))], "etc-passwd-2023-01-peru"),
    ("Blinken and Rubio · 2 trips, 2022–2025", [place("Lima", "Peru", date(2022, 10, 6))],
     "rubio-2022-10-peru"),
])
def test_files_are_named_after_the_trip(located_trip, title, stops, stem):
    trip = located_trip if stops is None else Trip(tuple(stops))
    trip = replace(trip, title=title)
    assert file_stem(trip) == stem
    assert file_name(trip, "geojson") == f"{stem}.geojson"
    assert file_name(trip, "csv") == f"{stem}.zip"
    assert file_name(trip, "kml", stem) == f"{stem}.kml"  # the stem found once, for a menu


def test_a_trip_with_nothing_to_name_it_by_is_a_trip():
    assert file_stem(Trip(())) == "trip"
