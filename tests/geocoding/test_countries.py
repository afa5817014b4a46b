import pytest

from itinerary.geocoding.countries import code_for, common_name, country, hint_for


@pytest.mark.parametrize(("name", "code"), [
    ("Colombia", "CO"), ("chile", "CL"), ("Perú", "PE"), ("PER", "PE"),
    ("United States", "US"), ("USA", "US"), ("Korea, South", "KR"), ("United Kingdom", "GB"),
    ("Burma", "MM"), ("Atlantis", None), ("", None), ("The Netherlands", "NL"),
    ("Netherlands", "NL"), ("Gambia, The", "GM"), ("St. Kitts and Nevis", "KN"),
    ("St. Lucia", "LC"), ("Iran, Islamic Republic of", "IR"), ("Bosnia-Herzegovina", "BA"),
    ("Micronesia, Federated States of", "FM"), ("Türkiye", "TR"), ("Czechia", "CZ"),
])
def test_country_names_to_codes(name, code):
    assert code_for(name) == code


def test_country_points_lie_inside_the_country():
    colombia = country("CO")
    assert colombia is not None and colombia.name == "Colombia"
    assert -5 < colombia.lat < 13 and -80 < colombia.lon < -66
    france = country("fr")
    assert 41 < france.lat < 52 and -5 < france.lon < 9  # not pulled toward French Guiana


@pytest.mark.parametrize(("text", "named", "ruled"), [
    ("Colombia", (("CO",),), ()),
    ("U.S.S.R.", (("RU", "UA", "GE", "KZ", "BY", "UZ", "AM", "AZ", "LT", "LV", "EE", "MD",
                   "KG", "TJ", "TM"),), ()),
    ("Denmark (Greenland)", (("GL",), ("DK",)), ("FO", "VI", "IS")),
    ("Democratic Republic of the Congo (Zaire)", (("CD",),), ()),
    ("Germany, Federal Republic of", (("DE",),), ()),
    ("German Democratic Republic", (("DE",),), ()),
    ("Yugoslavia", (("RS", "HR", "SI", "BA", "MK", "ME", "XK"),), ()),
    ("Czechoslovakia", (("CZ", "SK"),), ()),
    ("Netherlands Antilles", (("CW", "SX", "BQ", "AW"),), ()),
    ("West Bank", (("PS", "IL"),), ()),
    ("China, People’s Republic of", (("CN",),), ("HK", "MO")),
])
def test_record_country_text_to_hints(text, named, ruled):
    hint = hint_for(text)
    assert hint.named == named
    assert hint.ruled == ruled


def test_unknown_country_text_is_no_hint():
    assert hint_for("Atlantis") is None
    assert hint_for("Atlantis (Lemuria)") is None


@pytest.mark.parametrize(("text", "name"), [
    ("Korea, Republic of", "South Korea"), ("Congo, Democratic Republic of the", "DR Congo"),
    ("Viet Nam", "Vietnam"), ("Holy See", "Vatican"), ("Colombia", "Colombia"),
    ("U.S.S.R.", "U.S.S.R."), ("Atlantis", "Atlantis"),
])
def test_countries_are_named_as_people_call_them_today(text, name):
    assert common_name(text) == name


@pytest.mark.parametrize(("code", "region", "continent"), [
    ("PA", "Central America", "North America"), ("DO", "Caribbean", "North America"),
    ("CO", "South America", "South America"), ("GB", "Northern Europe", "Europe"),
])
def test_countries_know_their_un_region(code, region, continent):
    found = country(code)
    assert (found.region, found.continent) == (region, continent)
