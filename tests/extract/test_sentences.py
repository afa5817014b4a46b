"""Paragraphs and sentences."""

import pytest

from itinerary.extract.sentences import paragraphs, sentences, split_sentences


def test_wrapped_lines_are_joined_and_headers_stand_alone():
    text = ("Vice President Kamala Harris will travel to Singapore, Bahrain, and\n"
            "Germany from January 13 to January 17.\n\nChile: October 5\n\nMeeting.")
    assert paragraphs(text) == ["Vice President Kamala Harris will travel to Singapore, "
                                "Bahrain, and Germany from January 13 to January 17.",
                                "Chile: October 5", "Meeting."]
    assert [s.header for s in sentences(text)] == [False, True, False]


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("U.S. Secretary Blinken met Dr. Smith. He left.", 2),
    ("Secretary of State Antony J. Blinken will travel. Then he returns.", 2),
    ("Urrejola said, “As allies, we shared. We noticed more.” Blinken agreed.", 2),
    ("He departs Washington, D.C. on May 20th.", 1),
])
def test_sentences_end_at_stops_but_not_abbreviations_or_inside_quotes(paragraph, expected):
    assert len(split_sentences(paragraph)) == expected


def test_quotations_are_blanked_for_the_finders_and_kept_word_for_word():
    (sentence,) = sentences("Petro said, “We view the war in Lima differently,” and left.")
    assert "Lima" not in sentence.plain
    assert len(sentence.plain) == len(sentence.text)
    assert [q[2] for q in sentence.quotes()] == ["We view the war in Lima differently,"]
