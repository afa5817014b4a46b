"""A map's scripts as one file, for a page that serves the map in a frame.

streamlit-folium loads a map's scripts one after another, each only once the one before
has run: Leaflet, its plugins, the outlines and the trip layer were eight round trips
before the first marker. Joined in their order into one file, they are one. The file is
named by its contents' hash and written once into a folder of its own (under the cache
folder), which the page publishes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import folium

from itinerary.output import write_text


def scripts_of(m: folium.Map) -> list[tuple[str, str]]:
    """Every (name, URL) script the map's elements ask for, in the order they load."""
    found = [pair for element in _walk(m) for pair in getattr(element, "default_js", [])]
    return list({url: (name, url) for name, url in found}.values())


def bundle(m: folium.Map, files: dict[str, Path], folder: Path, base: str) -> folium.Map:
    """The map with its scripts (the URLs in `files`, by the local file each names) joined
    into one file in `folder`, published at `base`. Scripts not in `files` stay apart."""
    joined = [(url, files[url]) for _, url in scripts_of(m) if url in files]
    if len(joined) < 2:
        return m
    name = _written(tuple((path, path.stat().st_mtime_ns) for _, path in joined), folder)
    inside = {url for url, _ in joined}
    for element in _walk(m):
        if getattr(element, "default_js", None):
            element.default_js = [p for p in element.default_js if p[1] not in inside]
    m.default_js = [("itinerary_bundle", base + name), *m.default_js]
    return m


@lru_cache(maxsize=8)
def _written(files: tuple[tuple[Path, int], ...], folder: Path) -> str:
    """The joined file's name, written once (the files and their times are the key)."""
    body = "\n;\n".join(path.read_text(encoding="utf-8") for path, _ in files)
    name = f"map-{hashlib.sha256(body.encode('utf-8')).hexdigest()[:16]}.js"
    if not (folder / name).is_file():
        folder.mkdir(parents=True, exist_ok=True)
        write_text(folder / name, body)
    return name


def _walk(element: object) -> Iterator[object]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)
