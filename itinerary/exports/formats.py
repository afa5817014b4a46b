"""The export formats by name: what each is called, its file extension, its media type
and how it is made; `export(trip, name)` makes one and `file_name` names it after the trip.
Each format is a module of its own (the CSV writer is `sources.export`, the map page and
image are `render`'s)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from itinerary.dashboard.labels import country_names, surname
from itinerary.exports.calendar import to_ics
from itinerary.exports.geojson import to_geojson
from itinerary.exports.kml import to_kml
from itinerary.model import Trip
from itinerary.render.image import map_image
from itinerary.render.map import standalone_html
from itinerary.sources.export import csv_zip
from itinerary.text import slug


@dataclass(frozen=True)
class Format:
    label: str  # as the app's Download menu names it
    extension: str
    mime: str
    make: Callable[[Trip], bytes]


FORMATS: dict[str, Format] = {
    "geojson": Format("GeoJSON (GIS, web maps)", "geojson", "application/geo+json",
                      lambda t: to_geojson(t).encode()),
    "kml": Format("KML (Google Earth, My Maps)", "kml", "application/vnd.google-earth.kml+xml",
                  lambda t: to_kml(t).encode()),
    "ics": Format("Calendar (iCalendar)", "ics", "text/calendar", to_ics),
    "csv": Format("Stops and meetings (CSV in a zip)", "zip", "application/zip", csv_zip),
    "html": Format("Map page (HTML, works offline)", "html", "text/html",
                   lambda t: standalone_html(t, title=t.title or "Itinerary").encode()),
    "png": Format("Map image (PNG)", "png", "image/png", lambda t: map_image(t, "png")),
    "svg": Format("Map image (SVG)", "svg", "image/svg+xml", lambda t: map_image(t, "svg")),
}


# The formats that draw the trip; like the map, they take at most `config.DRAW_LIMIT` stops.
MAPS = ("html", "png", "svg")


def export(trip: Trip, name: str) -> bytes:
    """The trip as a file of the format `name` (a key of `FORMATS`)."""
    return FORMATS[name].make(trip)


def file_stem(trip: Trip) -> str:
    """The trip as a file name: who, when and where, as "blinken-2022-10-colombia-chile-
    peru"; "trip" for a trip with nothing to name it by."""
    who = slug(surname(trip.title.split(" · ")[0].split(":")[0])) if trip.title else ""
    when = f"{trip.first_day:%Y-%m}" if trip.stops else ""
    names = country_names(trip.stops)
    where = "-".join(slug(n) for n in names) if len(names) <= 3 else f"{len(names)}-countries"
    return "-".join(p for p in (who, when, where) if p)[:80].rstrip("-") or "trip"


def file_name(trip: Trip, name: str, stem: str | None = None) -> str:
    """The file name of the trip in the format `name`; `stem`, when given, is the trip's
    `file_stem` already found (a menu of every format finds it once)."""
    return f"{stem or file_stem(trip)}.{FORMATS[name].extension}"
