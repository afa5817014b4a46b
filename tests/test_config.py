"""Settings: environment variables read in one place, package paths that exist."""

from pathlib import Path

import pytest

from itinerary import config
from itinerary.errors import ConfigError, ItineraryError
from tests.paths import ROOT


@pytest.mark.parametrize("path", [config.SEED_STOPS, config.SEED_MEETINGS,
                                  config.REGIONS_FILE, config.ALIASES_FILE,
                                  config.COUNTRY_POINTS_FILE, config.STATIC_DIR / "trip-layer.js",
                                  config.BUNDLED_TRAVELS_DIR / "blinken-antony-j.xml"])
def test_package_data_is_inside_the_package(path):
    assert path.is_file()
    assert config.PACKAGE_DIR in path.parents


@pytest.mark.parametrize(("variable", "setting", "default"), [
    ("ITINERARY_CACHE_DIR", config.cache_dir, None),
    ("ITINERARY_TRAVELS_DIR", config.travels_dir, config.BUNDLED_TRAVELS_DIR),
    ("ITINERARY_VENDOR_DIR", config.vendor_dir, config.STATIC_DIR),
])
def test_each_variable_overrides_its_setting(monkeypatch, tmp_path, variable, setting, default):
    monkeypatch.setenv(variable, str(tmp_path))
    assert setting() == tmp_path
    monkeypatch.delenv(variable)
    if default is not None:
        assert setting() == default
    else:
        assert setting().name == "itinerary"  # the user's cache directory


def test_the_nominatim_url_is_empty_unless_set(monkeypatch):
    monkeypatch.delenv("ITINERARY_NOMINATIM_URL", raising=False)
    assert config.nominatim_url() == ""
    monkeypatch.setenv("ITINERARY_NOMINATIM_URL", "http://127.0.0.1:9")
    assert config.nominatim_url() == "http://127.0.0.1:9"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://host.example", "http://",
                                 "nominatim.example.org", "https://host:99999", "javascript:x"])
def test_a_nominatim_url_that_is_not_an_http_url_with_a_host_is_refused(monkeypatch, url):
    monkeypatch.setenv("ITINERARY_NOMINATIM_URL", url)
    with pytest.raises(ConfigError) as caught:
        config.nominatim_url()
    assert str(caught.value) == (
        "ITINERARY_NOMINATIM_URL: expected an http or https URL with a host, like "
        f'https://nominatim.example.org, got "{url}"')
    assert isinstance(caught.value, ItineraryError)


def test_the_streamlit_settings_match_the_checkouts_config_file():
    import tomllib

    toml = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    flat = {f"{section}.{key}": value for section, values in toml.items()
            for key, value in values.items()}
    assert flat == config.STREAMLIT_OPTIONS


def test_no_other_module_reads_the_environment():
    package = Path(config.__file__).parent
    readers = [p.relative_to(package).as_posix() for p in package.rglob("*.py")
               if "os.environ" in p.read_text(encoding="utf-8")]
    assert readers == ["config.py"]


@pytest.mark.parametrize(("value", "expected"), [
    ("", "http://localhost:8501/"), ("https://trips.example/app/", "https://trips.example/app/"),
])
def test_the_public_url(monkeypatch, value, expected):
    monkeypatch.setenv("ITINERARY_PUBLIC_URL", value)
    assert config.public_url() == expected


@pytest.mark.parametrize("value", ["trips.example", "javascript:alert(1)", "ftp://x/"])
def test_a_bad_public_url_is_told(monkeypatch, value):
    monkeypatch.setenv("ITINERARY_PUBLIC_URL", value)
    with pytest.raises(ConfigError) as caught:
        config.public_url()
    assert str(caught.value).startswith("ITINERARY_PUBLIC_URL: expected an http or https URL")
