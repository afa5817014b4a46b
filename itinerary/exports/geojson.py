"""GeoJSON (RFC 7946): a Feature per stop in trip order, with its meetings (a Point, or no
geometry for a stop that could not be placed), and a route per trip, cut at the
antimeridian as RFC 7946 asks (section 3.1.9).

Coordinates are [longitude, latitude]. A route is its great circles as points (see
`route`), so that a viewer that joins points by straight lines still draws the way the
map does; one that crosses the antimeridian is a MultiLineString of the pieces on either
side, so that no line runs the long way round.
"""

from __future__ import annotations

import json

from itinerary.model import Meeting, Stop, Trip
from itinerary.points import DECIMALS
from itinerary.route import pieces

Point = list[float]


def to_geojson(trip: Trip) -> str:
    features = [_stop_feature(trip, stop) for stop in trip.stops]
    for index, stops in enumerate(trip.by_part()):
        route = _route(stops)
        if route is not None:
            name = trip.parts[index] if trip.parts else trip.title
            features.append({"type": "Feature", "geometry": route,
                             "properties": {"kind": "route", "trip": name}})
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def _stop_feature(trip: Trip, stop: Stop) -> dict:
    # A stop that could not be placed keeps its Feature, with no geometry (RFC 7946 section
    # 3.2) and the geocoder's reason, so the file holds every stop as CSV and ICS do.
    geometry = {"type": "Point", "coordinates": _point(stop)} if stop.located else None
    return {"type": "Feature", "id": stop.stop_id, "geometry": geometry,
            "properties": {
                "kind": "stop", "number": trip.number(stop.stop_id), "stop_id": stop.stop_id,
                "place": stop.place, "country": stop.country,
                "start_date": stop.start.isoformat(), "end_date": stop.end.isoformat(),
                "precision": stop.precision, "summary": stop.summary,
                **({"note": stop.note} if stop.note else {}),
                **({"trip": trip.parts[trip.part(stop.stop_id)]} if trip.parts else {}),
                "meetings": [_meeting(m) for m in trip.meetings_at(stop.stop_id)]}}


def _meeting(meeting: Meeting) -> dict:
    return {"date": meeting.date.isoformat() if meeting.date else None, "with": meeting.with_,
            "topics": list(meeting.topics), "summary": meeting.summary,
            "quote": meeting.quote, "quote_by": meeting.quote_by}


def _point(stop: Stop) -> Point:
    return [round(stop.lon, DECIMALS), round(stop.lat, DECIMALS)]  # type: ignore[arg-type]


def _route(stops: tuple[Stop, ...]) -> dict | None:
    lines = pieces(stops)
    if not lines:
        return None
    rounded = [[[round(lon, DECIMALS), round(lat, DECIMALS)] for lon, lat in line]
               for line in lines]
    if len(rounded) == 1:
        return {"type": "LineString", "coordinates": rounded[0]}
    return {"type": "MultiLineString", "coordinates": rounded}
