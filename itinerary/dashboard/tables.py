"""The official record as tables: its travellers, a traveller's trips, and visits per
country, as pandas frames for the app's tables and its map of countries.

Kilometres are measured along each trip's own route (see `route.trip_km`), never from
the end of one trip to the start of the next; countries are counted where the stops lie.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from itinerary.dashboard import labels
from itinerary.geocoding import countries
from itinerary.model import Stop, Trip
from itinerary.route import total_km
from itinerary.sources.records import Imported, Journey

TRAVELLER_COLUMNS = ["Traveller", "Years", "Trips", "Countries", "Km"]
TRIP_COLUMNS = ["First day", "Last day", "Trip", "Countries", "Stops", "Km"]
VISIT_COLUMNS = ["Dates", "Place", "Trip"]


def travellers(record: Imported) -> pd.DataFrame:
    """Every traveller, in order of their first trip: their years (first to last trip),
    trips, countries visited and kilometres flown. Indexed by the record's slug."""
    rows = []
    for person in record.travellers:
        journeys = record.journeys_of(person.who)
        stops = [s for j in journeys for s in j.stops]
        rows.append({"who": person.who, "Traveller": person.name,
                     "Years": labels.span(person.first.year, person.last.year),
                     "Trips": person.trips, "Countries": len(_codes(stops)),
                     "Km": round(sum(total_km(j.stops) for j in journeys))})
    return pd.DataFrame(rows, columns=["who", *TRAVELLER_COLUMNS]).set_index("who")


def trips(record: Imported, who: str) -> pd.DataFrame:
    """A traveller's trips, in order: their days, where they went, stops and kilometres.
    Indexed by the trip's first day (ISO), as links name it."""
    rows = [_trip_row(j) for j in record.journeys_of(who)]
    return pd.DataFrame(rows, columns=["first", *TRIP_COLUMNS]).set_index("first")


def _trip_row(journey: Journey) -> dict:
    names = labels.country_names(journey.stops)
    return {"first": journey.first_day.isoformat(), "First day": journey.first_day,
            "Last day": max(s.end for s in journey.stops),
            "Trip": labels.where(journey.stops, 80)[0], "Countries": ", ".join(names),
            "Stops": len(journey.stops), "Km": round(total_km(journey.stops))}


def country_visits(trip: Trip) -> pd.DataFrame:
    """Visits per country of a trip (or of trips joined): the country's ISO numeric id as
    the outlines name it (`id`), its name, and the number of stops there."""
    counts: dict[str, int] = {}
    for code in _stop_codes(trip.stops):
        if code:
            counts[code] = counts.get(code, 0) + 1
    rows = [{"id": f"{info.numeric:03d}", "code": code, "Country": info.common or info.name,
             "Visits": n} for code, n in counts.items()
            if (info := countries.country(code)) is not None]
    frame = pd.DataFrame(rows, columns=["id", "code", "Country", "Visits"])
    return frame.sort_values(["Visits", "Country"], ascending=[False, True],
                             ignore_index=True)


def visits_in(trip: Trip, numeric_id: str) -> pd.DataFrame:
    """The stops of a trip that lie in the country with this ISO numeric id, in order."""
    codes = _stop_codes(trip.stops)
    rows = [{"Dates": stop.dates, "Place": stop.label,
             "Trip": trip.parts[trip.part(stop.stop_id)] if trip.parts else trip.title}
            for stop, code in zip(trip.stops, codes, strict=True)
            if code and f"{countries.country(code).numeric:03d}" == numeric_id]  # type: ignore[union-attr]
    return pd.DataFrame(rows, columns=VISIT_COLUMNS)


def _codes(stops: Sequence[Stop]) -> set[str]:
    return {c for c in _stop_codes(stops) if c}


def _stop_codes(stops: Sequence[Stop]) -> list[str | None]:
    # One lookup per (country text, place): a record repeats them thousands of times.
    seen: dict[tuple[str, float | None, float | None], str | None] = {}
    found = []
    for s in stops:
        key = (s.country, s.lat, s.lon)
        if key not in seen:
            seen[key] = s.country_code or countries.located_in(s.country, s.lat, s.lon)
        found.append(seen[key])
    return found
