import pytest

from itinerary.geocoding.aliases import ALIASES


@pytest.mark.parametrize(("key", "target"), sorted(ALIASES.items()))
def test_every_alias_points_at_a_name_the_gazetteer_has(gazetteer, key, target):
    code, _ = key
    found = gazetteer.geocode(target, country_codes=code)
    assert found is not None and found.raw["country_code"] == code
