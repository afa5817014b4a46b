"""The offline gazetteer over the kinds of names the official travel record uses."""

import pytest
from geopy.location import Location

from itinerary.geocoding.countries import hint_for
from itinerary.geocoding.gazetteer import typo_distance


def lookup(gazetteer, place, country):
    return gazetteer.geocode(place, country_codes=hint_for(country) if country else None)


def check(found, address, lat, lon, precision="city", match=None):
    assert isinstance(found, Location), "not found"
    assert found.address == address
    assert found.latitude == pytest.approx(lat, abs=0.3)
    assert found.longitude == pytest.approx(lon, abs=0.3)
    assert found.raw["precision"] == precision
    if match:
        assert found.raw["match"] == match


MODERN = [
    ("Bogotá", "Colombia", "Bogotá, Colombia", 4.61, -74.08),
    ("BOGOTA", "colombia", "Bogotá, Colombia", 4.61, -74.08),
    ("Santiago", "Chile", "Santiago, Chile", -33.46, -70.65),
    ("Santiago", "Spain", "Santiago de Compostela, Spain", 42.88, -8.54),
    ("Santiago", "Dominican Republic", "Santiago de los Caballeros, Dominican Republic",
     19.45, -70.69),
    ("Lima", "Peru", "Lima, Peru", -12.04, -77.03),
    ("Lima", "United States", "Lima, United States", 40.74, -84.11),
    ("Munster", "Germany", "Münster, Germany", 51.96, 7.63),
    ("Rzeszow", "Poland", "Rzeszów, Poland", 50.04, 22.00),
    ("New Delhi", "India", "New Delhi, India", 28.64, 77.22),  # not Delhi, its alias
]

HISTORIC_NAMES = [
    ("Constantinople", "Turkey", "Istanbul, Turkey", 41.01, 28.95),
    ("Batavia", "Netherlands East Indies", "Jakarta, Indonesia", -6.21, 106.85),
    ("Danzig", "Free City of Danzig", "Gdańsk, Poland", 54.35, 18.65),
    ("Tiflis", "U.S.S.R.", "Tbilisi, Georgia", 41.69, 44.83),
    ("Stalingrad", "U.S.S.R.", "Volgograd, Russia", 48.71, 44.50),
    ("Dacca", "East Pakistan", "Dhaka, Bangladesh", 23.71, 90.41),
    ("Canton", "China", "Guangzhou, China", 23.12, 113.25),
    ("Peking", "China, People’s Republic of", "Beijing, China", 39.91, 116.40),
    ("Leningrad", "U.S.S.R.", "Saint Petersburg, Russia", 59.94, 30.31),
    ("Mumbai (Bombay)", "India", "Mumbai, India", 19.07, 72.88),
    ("Salisbury", "Southern Rhodesia", "Harare, Zimbabwe", -17.83, 31.05),
]

HISTORIC_COUNTRIES = [
    ("Kiev", "U.S.S.R.", "Kyiv, Ukraine", 50.45, 30.52),
    ("Alma-Ata", "U.S.S.R.", "Almaty, Kazakhstan", 43.25, 76.91),
    ("Belgrade", "Yugoslavia", "Belgrade, Serbia", 44.80, 20.47),
    ("Zagreb", "Yugoslavia", "Zagreb, Croatia", 45.81, 15.98),
    ("Bratislava", "Czechoslovakia", "Bratislava, Slovakia", 48.15, 17.11),
    ("Bonn", "Germany, Federal Republic of", "Bonn, Germany", 50.73, 7.10),
    ("Berlin", "German Democratic Republic", "Berlin, Germany", 52.52, 13.41),
    ("Rangoon", "Burma", "Yangon, Myanmar", 16.81, 96.16),
    ("Kinshasa", "Zaire", "Kinshasa, Democratic Republic of the Congo", -4.33, 15.31),
    ("Kinshasa", "Democratic Republic of the Congo (Zaire)",
     "Kinshasa, Democratic Republic of the Congo", -4.33, 15.31),
    ("Ramallah", "West Bank", "Ramallah, Palestinian Territory", 31.90, 35.20),
    ("Windsor (Ontario)", "Canada", "Windsor, Canada", 42.30, -83.02),
]

VARIANTS = [
    ("Bogata", "Colombia", "Bogotá, Colombia", 4.61, -74.08),
    ("Santaigo", "Chile", "Santiago, Chile", -33.46, -70.65),
    ("Pariss", "France", "Paris, France", 48.85, 2.35),
    ("Al Alamein", "Egypt", "Al ‘Alamayn, Egypt", 30.83, 28.95),
    ("Pompeii", "Italy", "Pompei, Italy", 40.75, 14.50),
]

ISLANDS_REGIONS_BASES = [
    ("Zanzibar", "Tanzania", "Zanzibar, Tanzania", -6.16, 39.20, "city"),
    ("Capri", "Italy", "Capri, Italy", 40.55, 14.24, "city"),
    ("Sardinia", "Italy", "Sardinia, Italy", 39.96, 8.93, "region"),
    ("Bavaria", "Germany", "Bavaria, Germany", 48.87, 11.26, "region"),
    ("Crete", "Greece", "Crete, Greece", 35.29, 24.98, "region"),
    ("Cornwall", "United Kingdom", "Cornwall, United Kingdom", 50.36, -4.86, "region"),
    ("Bali", "Indonesia", "Bali, Indonesia", -8.44, 115.14, "region"),
    ("Normandy", "France", "Lower Normandy, France", 49.0, -0.5, "region"),
    ("Clark Air Base", "Philippines", "Angeles City, Philippines", 15.15, 120.58, "city"),
    ("Ramstein Air Base", "Germany", "Ramstein Air Base, Germany", 49.44, 7.60, "city"),
    ("Incirlik", "Türkiye", "Incirlik Air Base, Turkey", 37.00, 35.43, "city"),
    ("Kangerlussuaq", "Denmark (Greenland)", "Kangerlussuaq, Greenland", 67.01, -50.69,
     "city"),
    ("Brize Norton", "United Kingdom", "RAF Brize Norton, United Kingdom", 51.75, -1.58,
     "city"),
    ("Lajes Field (The Azores)", "Portugal", "Lajes Field, Portugal", 38.76, -27.09, "city"),
    ("Palmerola Air Base", "Honduras", "Comayagua-Palmerola International Airport, Honduras",
     14.38, -87.62, "city"),
    ("Schloss Elmau", "Germany", "Krün, Germany", 47.50, 11.28, "city"),
]

# Landmarks, estates and camps no source names, mapped in itinerary/data/aliases.csv to
# the town or region that holds them.
LANDMARKS = [
    ("Chequers", "United Kingdom", "Ellesborough, United Kingdom", 51.75, -0.79, "city"),
    ("Chevening", "United Kingdom", "Sevenoaks, United Kingdom", 51.27, 0.19, "city"),
    ("Masada", "Israel", "Southern District, Israel", 31.26, 34.79, "region"),
    ("Kerem Shalom", "Israel", "Southern District, Israel", 31.26, 34.79, "region"),
    ("Dead Sea", "Jordan", "Balqa, Jordan", 31.98, 35.69, "region"),
    ("Sweimeh", "Jordan", "Balqa, Jordan", 31.98, 35.69, "region"),  # not Sweileh
    ("South Shuneh", "Jordan", "Balqa, Jordan", 31.98, 35.69, "region"),
    ("Angkor Wat", "Cambodia", "Siem Reap, Cambodia", 13.36, 103.86, "city"),
    ("Camp Doha", "Kuwait", "Kuwait City, Kuwait", 29.37, 47.98, "city"),
    ("Panmunjon", "Korea, Republic of", "Paju, South Korea", 37.76, 126.78, "city"),
    ("Brioni", "Yugoslavia", "Fažana, Croatia", 44.93, 13.80, "city"),
    ("Raratonga", "Cook Islands", "Avarua, Cook Islands", -21.21, -159.78, "city"),
]

# A compass side or a kind of feature around a name GeoNames has; or the name after the
# country's own, as GeoNames writes "Mexico D.F.".
SHORTENED = [
    ("West Berlin", "Germany", "Berlin, Germany", 52.52, 13.41),
    ("East Berlin", "German Democratic Republic", "Berlin, Germany", 52.52, 13.41),
    ("Djibouti City", "Djibouti", "Djibouti", 11.59, 43.15),
    ("Cam Ranh Bay", "Vietnam", "Cam Ranh, Vietnam", 11.92, 109.16),
    ("Cheju Island", "Korea, Republic of", "Jeju City, South Korea", 33.51, 126.52),
    ("Marsaxlokk Bay", "Malta", "Marsaxlokk, Malta", 35.84, 14.54),
    ("D.F.", "Mexico", "Mexico City, Mexico", 19.43, -99.13),
]

# A village found by a shorter form of its own name.
SHORT_FORMS = [
    ("Arromanches", "France", "Arromanches-les-Bains, France", 49.34, -0.62),
    ("St. Briac", "France", "Saint-Briac-sur-Mer, France", 48.62, -2.13),
]

COLONIAL = [
    ("St. Thomas", "Denmark", "Charlotte Amalie, U.S. Virgin Islands", 18.34, -64.93),
    ("Hamilton", "United Kingdom (Bermuda)", "Hamilton, Bermuda", 32.29, -64.78),
    ("Hamilton", "United Kingdom", "Hamilton, United Kingdom", 55.77, -4.03),
    ("Nassau", "United Kingdom", "Nassau, Bahamas", 25.06, -77.34),
]


def test_a_former_territory_by_a_part_of_its_regions_name(gazetteer):
    check(lookup(gazetteer, "Newfoundland", "United Kingdom"),
          "Newfoundland and Labrador, Canada", 48.34, -55.25, "region")


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon"), SHORT_FORMS)
def test_villages_by_a_short_form_of_their_name(gazetteer, place, country, address, lat, lon):
    check(lookup(gazetteer, place, country), address, lat, lon, match="exact")


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon"), MODERN)
def test_modern_names_in_their_country(gazetteer, place, country, address, lat, lon):
    check(lookup(gazetteer, place, country), address, lat, lon, match="exact")


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon"), HISTORIC_NAMES)
def test_historic_names(gazetteer, place, country, address, lat, lon):
    check(lookup(gazetteer, place, country), address, lat, lon, match="exact")


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon"), HISTORIC_COUNTRIES)
def test_historic_countries_as_hints(gazetteer, place, country, address, lat, lon):
    check(lookup(gazetteer, place, country), address, lat, lon)


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon"), VARIANTS)
def test_spelling_slips_match_within_the_country(gazetteer, place, country, address, lat, lon):
    check(lookup(gazetteer, place, country), address, lat, lon, match="fuzzy")


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon", "precision"),
                         ISLANDS_REGIONS_BASES)
def test_islands_regions_bases_and_landmarks(gazetteer, place, country, address, lat, lon,
                                             precision):
    check(lookup(gazetteer, place, country), address, lat, lon, precision)


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon", "precision"),
                         LANDMARKS)
def test_landmarks_are_placed_at_what_holds_them(gazetteer, place, country, address, lat,
                                                 lon, precision):
    check(lookup(gazetteer, place, country), address, lat, lon, precision, match="alias")


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon"), SHORTENED)
def test_names_with_a_side_a_feature_or_the_country_around_them(gazetteer, place, country,
                                                                address, lat, lon):
    check(lookup(gazetteer, place, country), address, lat, lon, match="shortened")


def test_a_region_outranks_a_village_of_its_name(gazetteer):
    found = lookup(gazetteer, "Hainan", "China, People’s Republic of")
    assert (found.address, found.raw["precision"]) == ("Hainan, China", "region")


@pytest.mark.parametrize(("query", "country", "fits"), [
    ("Springfield", "United States", 24),
    ("Montebello", "Canada", 2),
    ("Lima", "Peru", 3),  # the city, its region and its province
    ("Bogota", "Colombia", 1),  # the capital district lies around the city: one place
    ("Xyzzyville", "Peru", 0),
])
def test_how_many_places_fit_a_name(gazetteer, query, country, fits):
    assert gazetteer.fits(query, hint_for(country)) == fits


@pytest.mark.parametrize(("place", "country", "address", "lat", "lon"), COLONIAL)
def test_colonial_era_hints(gazetteer, place, country, address, lat, lon):
    check(lookup(gazetteer, place, country), address, lat, lon)


@pytest.mark.parametrize(("place", "country"), [
    ("Xyzzyville", None),
    ("Bogotá", "Peru"),           # a real city, but not in the hinted country
    ("Santaigo", None),           # no fuzzy matching without a country
    ("Sweileh", "Israel"),        # one consonant from Sweimeh, in another country
    ("Danzig", "Germany"),        # Gdańsk is in Poland: say nothing rather than guess
    ("Springfield", "United States"),  # 24 of them
    ("Montebello", "Canada"),     # two villages: Quebec and Nova Scotia
    ("Potosi", "Mexico"),         # an old name of a village, not San Luis Potosí
    ("Labrador", "United Kingdom"),  # Canada's, or a town in Queensland? Neither, then
    ("Normandy", "Netherlands"),  # not Normandie in New Caledonia under France
    ("", None),
])
def test_unsure_or_unknown_gives_no_answer(gazetteer, place, country):
    assert lookup(gazetteer, place, country) is None


def test_a_former_territory_needs_a_sizeable_town(gazetteer):
    # France's hint reaches New Caledonia, but not for a village named like a French region.
    found = lookup(gazetteer, "Normandy", "France")
    assert found.address == "Lower Normandy, France"


def test_plain_codes_work_like_geopy(gazetteer):
    assert gazetteer.geocode("Lima", country_codes="PE").address == "Lima, Peru"
    assert gazetteer.geocode("Lima", country_codes=["us"]).address == "Lima, United States"
    assert gazetteer.geocode("lima").address == "Lima, Peru"


def test_exactly_one_false_lists_candidates_by_population(gazetteer):
    found = gazetteer.geocode("Santiago", exactly_one=False, country_codes=["CL", "DO", "CU"])
    assert [loc.address.split(", ")[-1] for loc in found][:3] == [
        "Chile", "Dominican Republic", "Cuba"]


def test_country_level_answer(gazetteer):
    found = gazetteer.country("PE")
    assert found.address == "Peru" and found.raw["precision"] == "country"
    assert -18 < found.latitude < 0


@pytest.mark.parametrize(("a", "b", "edits"), [
    ("bogata", "bogota", 1), ("santaigo", "santiago", 1), ("pariss", "paris", 1),
    ("londn", "london", 1), ("sweimeh", "sweileh", 2), ("lima", "lima", 0),
    ("riga", "rima", 2), ("oslo", "osla", 1),
])
def test_typo_distance_counts_only_plausible_slips(a, b, edits):
    assert typo_distance(a, b) == edits


def test_index_opens_fast_after_the_first_build(gazetteer):
    # The session's gazetteer built the index; a new one only opens the stored file.
    from itinerary.geocoding.gazetteer import Gazetteer

    again = Gazetteer()
    assert again.index_path == gazetteer.index_path and again.index_path.exists()
    assert again.geocode("Lima", country_codes="PE").address == "Lima, Peru"


# Property: whatever is asked, an answer is a valid coordinate or nothing.
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

COUNTRY_TEXT = st.sampled_from(["", "Peru", "U.S.S.R.", "Denmark (Greenland)", "Atlantis",
                                "United Kingdom", "Korea, South", "France"])


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                   HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=25), COUNTRY_TEXT)
def test_answers_are_always_valid_coordinates(gazetteer, place, country):
    found = lookup(gazetteer, place, country or None)
    if found is not None:
        assert -90 <= found.latitude <= 90 and -180 <= found.longitude <= 180
