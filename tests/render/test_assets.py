"""The map's static files: all present in the package, or a clear error; inlined whole."""

import re

import pytest

from itinerary.config import STATIC_DIR
from itinerary.errors import AssetError
from itinerary.render import assets


def test_every_asset_ships_with_the_package():
    assets.check()
    assert all((STATIC_DIR / name).is_file() for name in assets.FILES.values())


def test_a_missing_asset_is_a_clear_error(tmp_path):
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "leaflet.js").write_text("")
    with pytest.raises(AssetError) as caught:
        assets.check(tmp_path)
    missing = [name for name in assets.FILES.values() if name != "vendor/leaflet.js"]
    assert str(caught.value) == (
        f"map assets missing from {tmp_path}: {', '.join(missing)}; the map cannot be drawn. "
        "Reinstall the package, or restore them with scripts/vendor.sh in a checkout.")


def test_links_are_made_under_a_base_url():
    assert assets.url("../x/", "trip_js") == "../x/trip-layer.js"


def test_inlining_replaces_links_with_the_files():
    page = (f'<link rel="stylesheet" href="{assets.INLINE}vendor/leaflet.css"/>'
            f'<script src="{assets.INLINE}trip-layer.js"></script>')
    inlined = assets.inline(page)
    assert assets.INLINE not in inlined
    assert inlined.startswith("<style>") and "</style><script>" in inlined
    assert "ns.drawTrip = function" in inlined
    # Leaflet's images travel inside the style as data.
    assert re.search(r"url\(data:image/png;base64,[A-Za-z0-9+/=]+\)", inlined)


def test_a_missing_asset_cannot_be_read(monkeypatch, tmp_path):
    monkeypatch.setenv("ITINERARY_VENDOR_DIR", str(tmp_path))
    with pytest.raises(AssetError, match=r"map asset .*trip-layer\.js cannot be read"):
        assets.read("trip_js")
