import pytest
from geopy.location import Location

from itinerary.geocoding.gazetteer import Gazetteer, load_or_build_index


@pytest.mark.parametrize(("query", "country", "name", "lat", "lon"), [
    ("Bogotá", "CO", "Bogotá, Colombia", 4.61, -74.08),
    ("bogota", "CO", "Bogotá, Colombia", 4.61, -74.08),
    ("BOGOTA", None, "Bogotá, Colombia", 4.61, -74.08),
    ("Santiago", "CL", "Santiago, Chile", -33.46, -70.65),
    ("santiago", "ES", "Santiago de Compostela, Spain", 42.88, -8.54),
    ("Lima", "PE", "Lima, Peru", -12.04, -77.03),
    ("Lima", "US", "Lima, United States", 40.74, -84.11),
    ("lima", None, "Lima, Peru", -12.04, -77.03),
])
def test_city_lookup_uses_the_country_hint(gazetteer, query, country, name, lat, lon):
    found = gazetteer.geocode(query, country_codes=country)
    assert isinstance(found, Location)
    assert found.address == name
    assert found.latitude == pytest.approx(lat, abs=0.05)
    assert found.longitude == pytest.approx(lon, abs=0.05)
    assert found.raw["precision"] == "city" and found.raw["source"] == "gazetteer"


@pytest.mark.parametrize(("query", "country"), [
    ("Xyzzyville", None), ("Bogotá", "PE"), ("Lima", "ZZ"), ("", None),
])
def test_unknown_places_are_none_never_a_guess(gazetteer, query, country):
    assert gazetteer.geocode(query, country_codes=country) is None


def test_exactly_one_false_lists_candidates_by_population(gazetteer):
    found = gazetteer.geocode("Santiago", exactly_one=False, country_codes=["CL", "DO", "CU"])
    assert [loc.address.split(", ")[-1] for loc in found][:3] == [
        "Chile", "Dominican Republic", "Cuba"]


def test_country_level_answer(gazetteer):
    found = gazetteer.country("PE")
    assert found.address == "Peru" and found.raw["precision"] == "country"
    assert -18 < found.latitude < 0


def test_index_is_stored_and_reused(tmp_path):
    first = Gazetteer(index_dir=tmp_path)
    assert first.geocode("Lima", country_codes="PE") is not None
    stamp = first.index_path.stat().st_mtime_ns
    second = Gazetteer(index_dir=tmp_path)
    assert second.geocode("Bogota", country_codes="CO") is not None
    assert second.index_path.stat().st_mtime_ns == stamp  # loaded, not rebuilt


def test_corrupt_index_is_rebuilt(tmp_path):
    path = tmp_path / "index.pickle"
    path.write_bytes(b"not a pickle")
    index = load_or_build_index(path)
    assert "bogota" in index
    assert path.read_bytes()[:1] != b"n"
