"""Who said each quotation."""

import pytest

from itinerary.extract.people import Person
from itinerary.extract.quotes import Speakers
from itinerary.extract.sentences import sentences

PEOPLE = [Person("Gustavo Petro", "President"), Person("César Landa", "Foreign Minister")]
BLINKEN = Person("Antony Blinken", "U.S. Secretary of State")


@pytest.mark.parametrize(("text", "by"), [
    ("“Our offices must defend migrants,” Landa said.", "César Landa"),
    ("Petro did say, “We view the war on drugs differently.”", "Gustavo Petro"),
    ("“We strongly support it,” the secretary said.", "Antony Blinken"),
    ("Castillo called the meeting “very productive.”", ""),
    ("But Blinken noted they were “largely in sync” on drug policy.", "Antony Blinken"),
])
def test_the_speaker(text, by):
    speakers = Speakers(PEOPLE, BLINKEN)
    (quote,) = [q for s in sentences(text) for q in speakers.quotes(s)]
    assert quote.by == by


def test_he_said_is_the_last_speaker():
    speakers = Speakers(PEOPLE, BLINKEN)
    text = "Blinken praised the “shared priorities”. “We intend to build,” he said."
    assert [q.by for s in sentences(text) for q in speakers.quotes(s)] == [
        "Antony Blinken", "Antony Blinken"]
