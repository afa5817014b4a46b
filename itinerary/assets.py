"""The vendored map assets (Leaflet, the AntPath plugin, TopoJSON, country outlines).

They live in `static/vendor/` beside `app.py`, where Streamlit's static file serving
publishes them at /app/static/vendor/, so the app needs no CDN. A standalone HTML export
inlines them instead. `scripts/vendor.sh` refreshes them from npm.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from itinerary.errors import AssetError

VENDOR_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor"
STATIC_URL = "/app/static/vendor/"
FILES = {
    "leaflet_js": "leaflet.js",
    "leaflet_css": "leaflet.css",
    "antpath_js": "leaflet-ant-path.js",
    "topojson_js": "topojson-client.min.js",
    "outlines": "countries-50m.json",
}


def check(vendor_dir: Path = VENDOR_DIR) -> None:
    """Raise AssetError naming every missing asset, so a broken install fails loudly."""
    missing = [name for name in FILES.values() if not (vendor_dir / name).is_file()]
    if missing:
        raise AssetError(f"map assets missing from {vendor_dir}: {', '.join(missing)}; "
                         "the map cannot be drawn. Restore them with scripts/vendor.sh "
                         "or a fresh checkout.")


def url(key: str) -> str:
    return STATIC_URL + FILES[key]


def read(key: str, vendor_dir: Path = VENDOR_DIR) -> str:
    path = vendor_dir / FILES[key]
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AssetError(f"map asset {path} cannot be read: {exc.strerror or exc}") from exc


def inline(html: str, vendor_dir: Path = VENDOR_DIR) -> str:
    """Replace links to the vendored files with their contents, for a standalone file."""
    def script(match: re.Match[str]) -> str:
        body = (vendor_dir / match.group(1)).read_text(encoding="utf-8")
        return "<script>" + body.replace("</script", "<\\/script") + "</script>"

    def image(match: re.Match[str]) -> str:
        data = base64.b64encode((vendor_dir / match.group(1)).read_bytes()).decode()
        return f"url(data:image/png;base64,{data})"

    def style(match: re.Match[str]) -> str:
        body = (vendor_dir / match.group(1)).read_text(encoding="utf-8")
        body = re.sub(r"url\((images/[\w.-]+\.png)\)", image, body)
        return "<style>" + body.replace("</style", "<\\/style") + "</style>"

    prefix = re.escape(STATIC_URL)
    check(vendor_dir)
    html = re.sub(rf'<script src="{prefix}([\w.-]+)"></script>', script, html)
    return re.sub(rf'<link rel="stylesheet" href="{prefix}([\w.-]+)"\s*/>', style, html)
