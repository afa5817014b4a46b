"""Trips to the files people keep: GeoJSON, KML, iCalendar, CSV, a standalone HTML map and
a static map image. `formats` lists them and makes any of them; each has a module."""

from itinerary.exports.formats import FORMATS, MAPS, Format, export, file_name, file_stem

__all__ = ["FORMATS", "MAPS", "Format", "export", "file_name", "file_stem"]
