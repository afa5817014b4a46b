import pytest

from itinerary.names import airfield_key, is_military, normalize, shortened


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


@pytest.mark.parametrize(("place", "forms"), [
    ("West Berlin", ["Berlin"]),
    ("South Shuneh", ["Shuneh"]),
    ("Djibouti City", ["Djibouti"]),
    ("Cam Ranh Bay", ["Cam Ranh"]),
    ("Cheju Island", ["Cheju"]),
    ("McMurdo Sound", ["McMurdo"]),
    ("Camau Province", ["Camau"]),
    ("Berlin", []),
    ("West", []),  # nothing left to look up
    ("City", []),
    ("Curacao (Antilles)", []),
])
def test_shortened_forms(place, forms):
    assert shortened(place) == forms


@pytest.mark.parametrize(("name", "key", "military"), [
    ("Lajes Field", "lajes", True),
    ("RAF Brize Norton", "brize norton", True),
    ("Ramstein Air Base", "ramstein", True),
    ("Palmerola Air Force Base", "palmerola", True),
    ("Camp Doha", "doha", True),
    ("Comayagua-Palmerola International Airport", "comayagua palmerola", False),
    ("Springfield", "springfield", False),  # "field" only as a word of its own
    ("Airport", "", False),
])
def test_airfield_words_are_one_list(name, key, military):
    assert (airfield_key(name), is_military(name)) == (key, military)
