"""KML 2.2, for Google Earth and Google My Maps: a Placemark per stop with its dates (a
TimeSpan) and meetings (one that could not be placed has no Point, and says why), the
route as a LineString, and a Folder per trip when trips are joined or compared.

Written with the standard library's ElementTree, which escapes every text. simplekml was
tried and set aside: it passes any `<![CDATA[` in a text through unescaped, so a place
name could write raw XML into the file. A description is HTML to Google Earth, so its
texts are HTML-escaped before they are XML-escaped; characters XML cannot hold are
dropped.
"""

from __future__ import annotations

from datetime import timedelta
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from itinerary.dashboard import cards
from itinerary.model import Stop, Trip
from itinerary.points import DECIMALS
from itinerary.render import palette
from itinerary.route import places
from itinerary.text import xml_text

NAMESPACE = "http://www.opengis.net/kml/2.2"


def to_kml(trip: Trip) -> str:
    root = Element("kml", xmlns=NAMESPACE)
    document = SubElement(root, "Document")
    _text(document, "name", trip.title or "Itinerary")
    _styles(document)
    several = len(trip.parts) > 1
    made = cards.Cards(trip)
    for index, stops in enumerate(trip.by_part()):
        folder = document
        if several:
            folder = SubElement(document, "Folder")
            _text(folder, "name", trip.parts[index])
        for stop in stops:
            _placemark(folder, stop, made.stop(stop))
        _route(folder, stops)
    indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"


def _text(parent: Element, tag: str, text: str) -> Element:
    element = SubElement(parent, tag)
    element.text = xml_text(text)
    return element


def _styles(document: Element) -> None:
    stop = SubElement(document, "Style", id="stop")
    _text(SubElement(stop, "IconStyle"), "color", palette.kml(palette.STOP))
    route = SubElement(SubElement(document, "Style", id="route"), "LineStyle")
    _text(route, "color", palette.kml(palette.ROUTE))
    _text(route, "width", "3")


def _placemark(folder: Element, stop: Stop, card: cards.StopCard) -> None:
    mark = SubElement(folder, "Placemark")
    _text(mark, "name", card.title)
    _text(mark, "description", cards.html(card, heading=""))
    span = SubElement(mark, "TimeSpan")
    _text(span, "begin", stop.start.isoformat())
    # The end of a period: the day after the last, as the calendar export counts it too.
    _text(span, "end", (stop.end + timedelta(days=1)).isoformat())
    _text(mark, "styleUrl", "#stop")
    if stop.located:  # one that could not be placed is kept, without a Point
        _text(SubElement(mark, "Point"), "coordinates", _point(stop))


def _route(folder: Element, stops: tuple[Stop, ...]) -> None:
    points = places(stops)
    if not points:
        return
    mark = SubElement(folder, "Placemark")
    _text(mark, "name", "Route")
    _text(mark, "styleUrl", "#route")
    line = SubElement(mark, "LineString")
    _text(line, "tessellate", "1")  # drawn along the globe's surface, as great circles
    _text(line, "coordinates", " ".join(_point(s) for s in points))


def _point(stop: Stop) -> str:
    return ",".join(f"{v:.{DECIMALS}f}".rstrip("0").rstrip(".") for v in (stop.lon, stop.lat))  # type: ignore[str-format]
