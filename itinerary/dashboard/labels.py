"""How the dashboard's pickers name things: stops, travellers and their trips.

Plain text for Streamlit's selectboxes, which show it as written (no Markdown).
"""

from __future__ import annotations

from itinerary.dashboard.view import ALL
from itinerary.model import Trip
from itinerary.sources.records import Imported, Traveller

ALL_TRIPS = "All trips"


def stop_choices(trip: Trip) -> dict[str, str]:
    """Each stop as the stop picker lists it: "3. Lima, Peru (6–7 Oct 2022)"."""
    return {s.stop_id: f"{trip.number(s.stop_id)}. {s.label} ({s.dates})" for s in trip.stops}


def traveller(person: Traveller) -> str:
    """ "Antony John Blinken (2021–2025, 56 trips)"."""
    years = (str(person.first.year) if person.first.year == person.last.year
             else f"{person.first.year}–{person.last.year}")
    trips = f"{person.trips} trip{'s' if person.trips != 1 else ''}"
    return f"{person.name} ({years}, {trips})"


def trip_choices(record: Imported, who: str) -> dict[str, str]:
    """A traveller's trips by first day (ISO), latest last, after "all": their labels."""
    return {ALL: ALL_TRIPS} | {j.first_day.isoformat(): j.label
                                 for j in record.journeys_of(who)}
