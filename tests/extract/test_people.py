"""People, offices, unnamed counterparts, events and the traveller."""

import pytest

from itinerary.extract.people import events_in, meets, people_in, traveller_in, unnamed_in


@pytest.mark.parametrize(("sentence", "people"), [
    ("met with Foreign Minister Álvaro Leyva and joined Vice President Francia Márquez",
     [("Álvaro Leyva", "Foreign Minister"), ("Francia Márquez", "Vice President")]),
    ("met with Haiti’s Foreign Minister Jean Victor Généus to discuss",
     [("Jean Victor Généus", "Haiti’s Foreign Minister")]),
    ("meet Crown Prince of Abu Dhabi Sheikh Mohammed bin Zayed Al Nahyan to discuss",
     [("Sheikh Mohammed bin Zayed Al Nahyan", "Crown Prince of Abu Dhabi")]),
    ("meet with Fiji Prime Minister Josaia Voreqe “Frank” Bainimarama to",
     [("Josaia Voreqe “Frank” Bainimarama", "Fiji Prime Minister")]),
    ("with Foreign Minister and Alternate Prime Minister Yair Lapid,",
     [("Yair Lapid", "Foreign Minister and Alternate Prime Minister")]),
    ("In meetings with Prime Minster Rabuka and", [("Rabuka", "Prime Minster")]),
    ("joined the OAS General Assembly in Lima", []),
])
def test_people_are_named_with_their_offices(sentence, people):
    assert [(p.name, p.role) for p in people_in(sentence)] == people


def test_unnamed_counterparts_and_events():
    assert unnamed_in("he will meet with senior Omani officials to discuss") == [
        "senior Omani officials"]
    assert events_in("Blinken will participate in a NATO Foreign Ministerial, and attend "
                     "the G7 Summit") == ["NATO Foreign Ministerial", "G7 Summit"]
    assert events_in("joined Vice President Márquez at a signing ceremony") == [
        "signing ceremony"]
    assert meets("He met with her.") and not meets("He flew home.")


@pytest.mark.parametrize(("sentence", "name"), [
    ("U.S. Secretary of State Antony Blinken headed to Colombia", "Antony Blinken"),
    ("President Joseph R. Biden, Jr. will travel to Rome", "Joseph R. Biden, Jr."),
    ("Secretary Kerry will travel May 21 to Muscat", "Kerry"),
    ("The weather was fine.", None),
])
def test_the_traveller(sentence, name):
    found = traveller_in(sentence)
    assert (found.name if found else None) == name
