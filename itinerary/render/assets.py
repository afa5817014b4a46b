"""The map's static files: Leaflet and its plugins, the country outlines, and the map's own
scripts and styles, shipped inside the package (`itinerary/render/static/`).

A page links them under a base URL its server publishes the folder at (the app registers
the folder with Streamlit); a standalone HTML file has them inlined instead, so it needs no
server at all. `scripts/vendor.sh` refreshes the vendored ones from npm.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from itinerary.config import vendor_dir
from itinerary.errors import AssetError

FILES = {
    "leaflet_js": "vendor/leaflet.js",
    "leaflet_css": "vendor/leaflet.css",
    "antpath_js": "vendor/leaflet-ant-path.js",
    "cluster_js": "vendor/leaflet.markercluster.js",
    "cluster_css": "vendor/MarkerCluster.css",
    "cluster_default_css": "vendor/MarkerCluster.Default.css",
    "gesture_js": "vendor/leaflet-gesture-handling.min.js",
    "gesture_css": "vendor/leaflet-gesture-handling.min.css",
    "topojson_js": "vendor/topojson-client.min.js",
    "outlines_coarse": "vendor/countries-110m.json",
    "outlines_fine": "vendor/countries-50m.json",
    "itinerary_css": "itinerary.css",
    "outlines_js": "outlines.js",
    "trip_js": "trip-layer.js",
}
# The base URL of a standalone page's links before they are replaced by the files' contents.
INLINE = "itinerary-inline:/"


def check(folder: Path | None = None) -> None:
    """Raise AssetError naming every missing asset, so a broken install fails loudly."""
    folder = folder or vendor_dir()
    missing = [name for name in FILES.values() if not (folder / name).is_file()]
    if missing:
        raise AssetError(f"map assets missing from {folder}: {', '.join(missing)}; "
                         "the map cannot be drawn. Reinstall the package, or restore them "
                         "with scripts/vendor.sh in a checkout.")


def url(base: str, key: str) -> str:
    return base + FILES[key]


def read(key: str) -> str:
    path = vendor_dir() / FILES[key]
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AssetError(f"map asset {path} cannot be read: {exc.strerror or exc}") from exc


def inline(html: str) -> str:
    """Replace links under `INLINE` with the files' contents, for a standalone file."""
    root = vendor_dir()
    check(root)

    def script(match: re.Match[str]) -> str:
        body = (root / match.group(1)).read_text(encoding="utf-8")
        return "<script>" + body.replace("</script", "<\\/script") + "</script>"

    def style(match: re.Match[str]) -> str:
        css = root / match.group(1)

        def image(found: re.Match[str]) -> str:
            data = base64.b64encode((css.parent / found.group(1)).read_bytes()).decode()
            return f"url(data:image/png;base64,{data})"

        body = re.sub(r"url\((images/[\w.-]+\.png)\)", image, css.read_text(encoding="utf-8"))
        return "<style>" + body.replace("</style", "<\\/style") + "</style>"

    prefix = re.escape(INLINE)
    html = re.sub(rf'<script src="{prefix}([\w./-]+)"></script>', script, html)
    return re.sub(rf'<link rel="stylesheet" href="{prefix}([\w./-]+)"\s*/>', style, html)
