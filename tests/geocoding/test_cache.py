"""The answer cache: answers and misses kept, bad rows dropped, a broken file set aside."""

import sqlite3

import pytest
from geopy.location import Location

from itinerary.geocoding.cache import GeocodeCache, Miss


def answer():
    return Location("Lima, Peru", (-12.04, -77.03), {"precision": "city",
                                                     "source": "gazetteer",
                                                     "country_code": "PE"})


def test_answers_round_trip_ignoring_accents_and_case(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    assert cache.get("Lima", "Peru") is None
    cache.put("Lima", "Peru", answer())
    cache.close()
    again = GeocodeCache(tmp_path / "c.sqlite")
    hit = again.get("LIMA", "perú")
    assert hit.address == "Lima, Peru" and hit.point[:2] == (-12.04, -77.03)
    assert hit.raw == {"precision": "city", "source": "gazetteer", "country_code": "PE"}
    assert again.get("Lima", "United States") is None


@pytest.mark.parametrize(("code", "kept"), [("PE", "PE"), ("", ""), ("pe", ""), ("PER", ""),
                                            ("P\x1b", ""), (42, "")])
def test_a_cached_country_code_is_kept_only_when_it_is_a_code(tmp_path, code, kept):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    cache.put("Lima", "Peru", answer())
    cache.close()
    with sqlite3.connect(tmp_path / "c.sqlite") as conn:
        conn.execute("UPDATE answers SET country_code = ?", (code,))
    with GeocodeCache(tmp_path / "c.sqlite") as again:
        assert again.get("Lima", "Peru").raw["country_code"] == kept


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


def test_misses_are_kept_with_whether_online_was_asked(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    cache.put_miss("Xyzzyville", "Colombia", online=False)
    cache.put_miss("Nowhere", "Peru", online=True)
    assert cache.get("xyzzyville", "colombia") == Miss(online=False)
    assert cache.get("Nowhere", "Peru") == Miss(online=True)
    cache.put("Xyzzyville", "Colombia", answer())  # an answer, found later, comes first
    assert isinstance(cache.get("Xyzzyville", "Colombia"), Location)


@pytest.mark.parametrize(("lat", "lon", "precision"), [
    (0, 0, "city"), (95, 10, "city"), ("abc", 10, "city"), (10, "x", "city"),
    (float("inf"), 10, "city"), (10, 10, "planet"),
])
def test_a_cached_answer_that_is_no_place_is_dropped_with_a_warning(tmp_path, lat, lon,
                                                                    precision):
    path = tmp_path / "c.sqlite"
    with GeocodeCache(path) as cache:
        cache.put("Lima", "Peru", answer())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE answers SET lat = ?, lon = ?, precision = ?", (lat, lon, precision))
    cache = GeocodeCache(path)
    assert cache.get("Lima", "Peru") is None
    assert cache.warnings == ['The geocoding cache held answers that are not places for '
                              '"Lima"; they were dropped and the places looked up again.']
    assert cache.get("Lima", "Peru") is None  # gone, not dropped twice
    cache.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone() == (0,)


def test_writes_are_batched_and_all_kept_when_closed(tmp_path):
    path = tmp_path / "c.sqlite"
    with GeocodeCache(path) as cache:
        for i in range(1_201):
            cache.put_miss(f"Nowhere {i}", "Peru", online=False)
        with sqlite3.connect(path, timeout=0) as other:  # the batches so far are readable
            assert other.execute("SELECT count(*) FROM misses").fetchone() == (1_000,)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM misses").fetchone() == (1_201,)


def test_no_place_is_ever_cached_as_found(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    cache.put("Null Island", "", Location("x", (0, 0), {"precision": "city"}))
    assert cache.get("Null Island", "") is None
