"""The KML export, read back with an XML parser: placemarks, time spans, descriptions
that Google Earth shows as HTML (so data is escaped inside them), the route, folders."""

from datetime import date

import pytest
from defusedxml.ElementTree import fromstring

from itinerary.exports.kml import to_kml
from itinerary.model import Meeting, Stop, Trip

NS = {"k": "http://www.opengis.net/kml/2.2"}


def parse(trip):
    root = fromstring(to_kml(trip).encode())
    assert root.tag == "{http://www.opengis.net/kml/2.2}kml"
    return root


def test_a_placemark_per_stop_with_its_dates_and_meetings_and_the_route(located_trip):
    root = parse(located_trip)
    marks = root.findall(".//k:Placemark[k:Point]", NS)
    assert [m.findtext("k:name", namespaces=NS) for m in marks] == [
        "1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    bogota = marks[0]
    assert bogota.findtext("k:Point/k:coordinates", namespaces=NS).startswith(
        "-74.08175,4.60971")
    assert (bogota.findtext("k:TimeSpan/k:begin", namespaces=NS),
            bogota.findtext("k:TimeSpan/k:end", namespaces=NS)) == ("2022-10-03", "2022-10-05")
    description = bogota.findtext("k:description", namespaces=NS)
    assert "<b>Gustavo Petro, President of Colombia</b>" in description
    assert "“eventually will be U.S. president” — Gustavo Petro" in description
    (line,) = root.findall(".//k:LineString", NS)
    coords = line.findtext("k:coordinates", namespaces=NS).split()
    assert len(coords) == 3 and coords[2].startswith("-77.02824,-12.04318")
    assert root.findall(".//k:Folder", NS) == []


@pytest.mark.parametrize("evil", [
    "<script>alert(1)</script>", "A & B", "]]> <![CDATA[", '"><img src=x>',
])
def test_text_is_escaped_for_the_html_google_earth_makes_of_descriptions(evil):
    trip = Trip((Stop("a", evil, "Peru", date(2022, 1, 1), date(2022, 1, 1), summary=evil,
                      lat=-12.0, lon=-77.0),),
                meetings=(Meeting("a", None, evil, quote=evil),))
    mark = parse(trip).find(".//k:Placemark", NS)
    assert mark.findtext("k:name", namespaces=NS) == f"1. {evil}, Peru"
    description = mark.findtext("k:description", namespaces=NS)
    assert "<script" not in description and "<img" not in description
    assert "&lt;" in description or "&amp;" in description


def test_characters_xml_cannot_hold_are_dropped():
    trip = Trip((Stop("a", "Li\x00ma\x1b", "Peru", date(2022, 1, 1), date(2022, 1, 1),
                      lat=-12.0, lon=-77.0),))
    assert parse(trip).find(".//k:Placemark", NS).findtext("k:name", namespaces=NS) == \
        "1. Lima, Peru"


def test_a_folder_per_trip_when_trips_are_joined():
    stops = (Stop("a", "Lima", "Peru", date(2022, 1, 1), date(2022, 1, 1), lat=-12.0, lon=-77.0),
             Stop("b", "Cusco", "Peru", date(2022, 1, 2), date(2022, 1, 2), lat=-13.5, lon=-72.0),
             Stop("c", "Quito", "Ecuador", date(2025, 2, 1), date(2025, 2, 1), lat=-0.2,
                  lon=-78.5))
    trip = Trip(stops, parts=("Peru 2022", "Ecuador 2025"), part_of={"a": 0, "b": 0, "c": 1})
    folders = parse(trip).findall(".//k:Folder", NS)
    assert [f.findtext("k:name", namespaces=NS) for f in folders] == ["Peru 2022",
                                                                      "Ecuador 2025"]
    assert [len(f.findall("k:Placemark[k:Point]", NS)) for f in folders] == [2, 1]
    assert [len(f.findall(".//k:LineString", NS)) for f in folders] == [1, 0]


def test_a_stop_that_could_not_be_placed_is_a_placemark_without_a_point_saying_why():
    trip = Trip((Stop("a", "Lima", "Peru", date(2022, 1, 1), date(2022, 1, 1), lat=-12.0,
                      lon=-77.0),
                 Stop("b", "Xanadu", "Atlantis", date(2022, 1, 2), date(2022, 1, 2),
                      note='the country "Atlantis" is not recognised')))
    marks = parse(trip).findall(".//k:Placemark", NS)
    assert [(m.findtext("k:name", namespaces=NS), m.find("k:Point", NS) is not None)
            for m in marks] == [("1. Lima, Peru", True), ("2. Xanadu, Atlantis", False)]
    assert ("<p>Not on the map: the country &quot;Atlantis&quot; is not recognised.</p>"
            in marks[1].findtext("k:description", namespaces=NS))
