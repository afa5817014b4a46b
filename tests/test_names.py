import pytest

from itinerary.names import normalize


@pytest.mark.parametrize(("name", "key"), [
    ("Bogotá", "bogota"),
    ("BOGOTÁ D.C.", "bogota d c"),
    ("  São   Paulo ", "sao paulo"),
    ("Zürich", "zurich"),
    ("Øresund", "oresund"),
    ("Łódź", "lodz"),
    ("Korea, South", "korea south"),
    ("", ""),
])
def test_accents_case_and_punctuation_do_not_matter(name, key):
    assert normalize(name) == key
