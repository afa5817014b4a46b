import pytest

from itinerary.config import BUNDLED_TRAVELS_DIR
from itinerary.geocoding.countries import code_for, common_name, country, hint_for, located_in
from itinerary.sources.records import import_travels, read_path
from tests.paths import DATA


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


def _record_countries() -> list[tuple[str, tuple[str, ...], str]]:
    with (DATA / "record_countries.tsv").open(encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    return [(text, tuple(codes.split()), today) for text, codes, today in rows[1:]]


RECORD_COUNTRIES = _record_countries()


@pytest.mark.parametrize(("text", "codes", "today"), RECORD_COUNTRIES)
def test_every_country_name_of_the_record_is_recognised(text, codes, today):
    hint = hint_for(text)
    assert hint is not None and hint.named[0] == codes
    assert country(codes[0]).name == today


def test_the_table_holds_every_country_of_the_bundled_record():
    stops = import_travels([read_path(f) for f in sorted(BUNDLED_TRAVELS_DIR.glob("*.xml*"))]
                           ).stops
    assert {s.country for s in stops if s.country} == {text for text, _, _ in RECORD_COUNTRIES}


@pytest.mark.parametrize(("name", "code"), [
    ("Byelorussia", "BY"), ("Kirghizia", "KG"), ("Republic of China", "TW"),
    ("Congo, Democratic Republic of", "CD"), ("People's Republic of China", "CN"),
    ("Congo", "CG"), ("Niger", "NE"), ("Nigeria", "NG"), ("Dominica", "DM"),
    ("Samoa", "WS"), ("American Samoa", "AS"), ("South Sudan", "SS"),
    ("Virgin Islands", None),  # British or U.S.: two patterns match, so neither
])
def test_older_and_official_names_by_country_converters_patterns(name, code):
    assert code_for(name) == code


@pytest.mark.parametrize(("text", "lat", "lon", "code"), [
    ("U.S.S.R.", 41.69, 44.83, "GE"),  # Tiflis
    ("U.S.S.R.", 50.45, 30.52, "UA"),  # Kyiv
    ("Yugoslavia", 45.81, 15.98, "HR"),  # Zagreb
    ("Yugoslavia", None, None, "RS"),  # no place: the first the text stands for
    ("Colombia", 4.61, -74.08, "CO"),
    ("Atlantis", 1.0, 1.0, None),
])
def test_the_country_a_stop_lies_in(text, lat, lon, code):
    assert located_in(text, lat, lon) == code
