from geopy.location import Location

from itinerary.geocoding.cache import GeocodeCache


def answer():
    return Location("Lima, Peru", (-12.04, -77.03), {"precision": "city",
                                                     "source": "gazetteer"})


def test_answers_round_trip_ignoring_accents_and_case(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    assert cache.get("Lima", "Peru") is None
    cache.put("Lima", "Peru", answer())
    cache.close()
    again = GeocodeCache(tmp_path / "c.sqlite")
    hit = again.get("LIMA", "perú")
    assert hit.address == "Lima, Peru" and hit.point[:2] == (-12.04, -77.03)
    assert hit.raw == {"precision": "city", "source": "gazetteer"}
    assert again.get("Lima", "United States") is None


def test_default_location_is_the_cache_dir_not_the_repository(cache_dir):
    assert GeocodeCache().path.parent == cache_dir


def test_corrupt_file_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = GeocodeCache(path)
    cache.put("Lima", "Peru", answer())
    assert cache.get("Lima", "Peru") is not None
    assert (tmp_path / "c.corrupt").exists()
    assert cache.warnings == []


def test_unwritable_location_is_bypassed_with_a_warning(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = GeocodeCache(blocker / "sub" / "c.sqlite")  # a directory under a file
    assert cache.get("Lima", "Peru") is None
    cache.put("Lima", "Peru", answer())
    assert len(cache.warnings) == 1
    assert "is not used: could not open or create it" in cache.warnings[0]
