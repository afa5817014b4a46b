"""The Nominatim adapter against a fake server on localhost: real HTTP, no network."""

import pytest

from itinerary.errors import ServiceError
from itinerary.geocoding.online import USER_AGENT, OnlineGeocoder
from tests.fakeserver import FakeNominatim


@pytest.fixture
def server():
    with FakeNominatim() as fake:
        yield fake


def geocoder(server, timeout=1.0):
    return OnlineGeocoder(domain=server.domain, scheme="http", timeout=timeout,
                          min_delay_seconds=0)


def test_answer_carries_precision_and_source(server):
    found = geocoder(server).geocode("Fakeville", country_codes="tt")
    assert found.address == "Fakeville, Testland"
    assert (found.latitude, found.longitude) == (17.0, -62.0)
    assert found.raw["precision"] == "city" and found.raw["source"] == "nominatim"
    request = server.requests[0]
    assert request["q"] == ["Fakeville"] and request["countrycodes"] == ["tt"]
    assert request["user-agent"] == [USER_AGENT]


def test_no_result_is_none(server):
    server.mode = "empty"
    assert geocoder(server).geocode("Nowhere") is None


@pytest.mark.parametrize(("mode", "text"), [
    ("429", 'the online geocoder failed for "Fakeville"'),
    ("500", 'the online geocoder failed for "Fakeville"'),
    ("slow", 'the online geocoder failed for "Fakeville"'),
])
def test_failures_become_service_errors(server, mode, text):
    server.mode = mode
    with pytest.raises(ServiceError, match=text):
        geocoder(server, timeout=0.5).geocode("Fakeville")


def test_rate_limit_is_one_request_per_second_by_default():
    online = OnlineGeocoder()
    assert online._geocode.min_delay_seconds == 1.0
