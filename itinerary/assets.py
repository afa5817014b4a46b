"""The vendored map assets (Leaflet, its AntPath and MarkerCluster plugins, TopoJSON and
the country outlines).

They live in `static/vendor/` beside `app.py`, where Streamlit's static file serving
publishes them at /app/static/vendor/, so the app needs no CDN. A standalone HTML export
inlines them instead. `scripts/vendor.sh` refreshes them from npm.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

from itinerary.errors import AssetError

VENDOR_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor"
ENV = "ITINERARY_VENDOR_DIR"  # another folder of assets: only the tests use it
STATIC_URL = "/app/static/vendor/"
FILES = {
    "leaflet_js": "leaflet.js",
    "leaflet_css": "leaflet.css",
    "antpath_js": "leaflet-ant-path.js",
    "cluster_js": "leaflet.markercluster.js",
    "cluster_css": "MarkerCluster.css",
    "cluster_default_css": "MarkerCluster.Default.css",
    "topojson_js": "topojson-client.min.js",
    "outlines": "countries-50m.json",
}


def vendor_dir() -> Path:
    return Path(os.environ.get(ENV) or VENDOR_DIR)


def check(folder: Path | None = None) -> None:
    """Raise AssetError naming every missing asset, so a broken install fails loudly."""
    folder = folder or vendor_dir()
    missing = [name for name in FILES.values() if not (folder / name).is_file()]
    if missing:
        raise AssetError(f"map assets missing from {folder}: {', '.join(missing)}; "
                         "the map cannot be drawn. Restore them with scripts/vendor.sh "
                         "or a fresh checkout.")


def url(key: str) -> str:
    return STATIC_URL + FILES[key]


def read(key: str) -> str:
    path = vendor_dir() / FILES[key]
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AssetError(f"map asset {path} cannot be read: {exc.strerror or exc}") from exc


def inline(html: str) -> str:
    """Replace links to the vendored files with their contents, for a standalone file."""
    folder = vendor_dir()

    def script(match: re.Match[str]) -> str:
        body = (folder / match.group(1)).read_text(encoding="utf-8")
        return "<script>" + body.replace("</script", "<\\/script") + "</script>"

    def image(match: re.Match[str]) -> str:
        data = base64.b64encode((folder / match.group(1)).read_bytes()).decode()
        return f"url(data:image/png;base64,{data})"

    def style(match: re.Match[str]) -> str:
        body = (folder / match.group(1)).read_text(encoding="utf-8")
        body = re.sub(r"url\((images/[\w.-]+\.png)\)", image, body)
        return "<style>" + body.replace("</style", "<\\/style") + "</style>"

    prefix = re.escape(STATIC_URL)
    check(folder)
    html = re.sub(rf'<script src="{prefix}([\w.-]+)"></script>', script, html)
    return re.sub(rf'<link rel="stylesheet" href="{prefix}([\w.-]+)"\s*/>', style, html)
