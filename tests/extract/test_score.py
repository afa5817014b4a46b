"""Scoring a draft against a careful reading."""

from datetime import date

from itinerary.extract.score import score
from itinerary.model import Meeting, Stop, Trip

TRIP = Trip((Stop("a", "Amman", "Jordan", date(2013, 5, 22), date(2013, 5, 22)),
             Stop("s", "", "Syria", date(2013, 5, 23), date(2013, 5, 23))),
            (Meeting("a", None, "Nasser Judeh, Foreign Minister"),))
EXPECTED = {
    "stops": [{"place": "Amman", "country": "Jordan", "start": "2013-05-22",
               "start_status": "stated", "end": "2013-05-23", "end_status": "stated"},
              {"place": "", "country": "Oman", "start": None, "start_status": "not_stated"}],
    "meetings": [{"who": "Nasser Judeh", "role": "Foreign Minister"},
                 {"who": "Abdullah II", "role": "King"},
                 {"who": "senior officials", "role": "(unnamed)"}],
}


def test_the_shares():
    assert score(TRIP, EXPECTED).shares() == {
        "stops found": 0.5, "stops real": 0.5, "stated dates right": 0.5,
        "named people found": 0.5}
