"""The Nominatim adapter against a fake server on localhost: real HTTP, no network, and
a server that fails, lies, drips or floods."""

import time

import pytest

from itinerary.errors import ServiceError
from itinerary.geocoding.online import USER_AGENT, OnlineGeocoder
from tests.fakeserver import ANSWER, LIES, FakeNominatim


@pytest.fixture
def server():
    with FakeNominatim() as fake:
        yield fake


def geocoder(server, timeout=1.0, deadline=20.0):
    return OnlineGeocoder(domain=server.domain, scheme="http", timeout=timeout,
                          min_delay_seconds=0, deadline=deadline)


def test_answer_carries_precision_and_source(server):
    found = geocoder(server).geocode("Fakeville", country_codes="co")
    assert found.address == "Fakeville, Colombia"
    assert (found.latitude, found.longitude) == ANSWER
    assert found.raw["precision"] == "city" and found.raw["source"] == "nominatim"
    request = server.requests[0]
    assert request["q"] == ["Fakeville"] and request["countrycodes"] == ["co"]
    assert request["user-agent"] == [USER_AGENT]


def test_no_result_is_none(server):
    server.mode = "empty"
    assert geocoder(server).geocode("Nowhere") is None


@pytest.mark.parametrize(("mode", "text"), [
    ("429", 'the online geocoder failed for "Fakeville": '),
    ("500", 'the online geocoder failed for "Fakeville": '),
    ("slow", 'the online geocoder failed for "Fakeville": '),
])
def test_failures_become_service_errors(server, mode, text):
    server.mode = mode
    with pytest.raises(ServiceError) as caught:
        geocoder(server, timeout=0.5).geocode("Fakeville")
    assert str(caught.value).startswith(text)


NO_PLACE = 'the online geocoder answered "Fakeville" with no place: '
FAILED = 'the online geocoder failed for "Fakeville": '


@pytest.mark.parametrize(("lie", "message"), [
    # Refused by our check of the reply's own numbers...
    ("no lat", NO_PLACE + "None, '-74.0' are not numbers"),
    ("null lat", NO_PLACE + "None, '-74.0' are not numbers"),
    ("no fields", NO_PLACE + "None, None are not numbers"),
    ("lon 1000", NO_PLACE + "4.6, 1000 lie outside -90..90, -180..180"),
    ("zero", NO_PLACE + "0, 0 is where nothing is placed"),
    # ...or already by geopy's, whose own error is reported.
    ("text", FAILED + "could not convert string to float: 'abc'"),
    ("infinite", FAILED + "Point coordinates must be finite. (inf, -74.0, 0.0) has been "
                          "passed as coordinates."),
    ("lat 1000", FAILED + "Latitude must be in the [-90; 90] range."),
])
def test_an_answer_that_is_not_a_place_is_refused(server, lie, message):
    assert lie in LIES
    server.mode = f"lying: {lie}"
    with pytest.raises(ServiceError) as caught:
        geocoder(server).geocode("Fakeville")
    assert str(caught.value) == message


def test_a_dripping_server_is_given_up_at_the_deadline(server):
    server.mode = "drip"  # a byte every 2 s: each read is quick, the whole is endless
    started = time.monotonic()
    with pytest.raises(ServiceError) as caught:
        geocoder(server, timeout=5, deadline=3).geocode("Fakeville")
    assert time.monotonic() - started < 10
    assert str(caught.value) == 'the online geocoder did not answer "Fakeville" within 3 s'


def test_a_huge_error_body_is_not_carried_into_the_message(server):
    server.mode = "huge"
    with pytest.raises(ServiceError) as caught:
        geocoder(server).geocode("Fakeville")
    message = str(caught.value)
    assert len(message) < 400 and "\x1b" not in message and "\n" not in message


def test_rate_limit_is_one_request_per_second_by_default():
    online = OnlineGeocoder()
    assert online._geocode.min_delay_seconds == 1.0
