import pytest

from itinerary.geocoding.countries import code_for, country


@pytest.mark.parametrize(("name", "code"), [
    ("Colombia", "CO"), ("chile", "CL"), ("Perú", "PE"), ("PER", "PE"),
    ("United States", "US"), ("USA", "US"), ("Korea, South", "KR"), ("United Kingdom", "GB"),
    ("Burma", "MM"), ("Atlantis", None), ("", None),
])
def test_country_names_to_codes(name, code):
    assert code_for(name) == code


def test_country_points_lie_inside_the_country():
    colombia = country("CO")
    assert colombia is not None and colombia.name == "Colombia"
    assert -5 < colombia.lat < 13 and -80 < colombia.lon < -66
    france = country("fr")
    assert 41 < france.lat < 52 and -5 < france.lon < 9  # not pulled toward French Guiana
