"""A map's scripts joined into one file, in the order they load."""

from itinerary.render import assets
from itinerary.render.bundle import bundle, scripts_of
from itinerary.render.map import build_map

BASE = "http://h/assets/"


def files():
    from itinerary import config

    return {assets.url(BASE, key): config.vendor_dir() / path
            for key, path in assets.FILES.items() if path.endswith(".js")}


def test_the_scripts_become_one_file_in_their_order(tmp_path, trip):
    m = build_map(trip, base=BASE, embedded=True, scripts=(("page", "http://h/page.js"),))
    before = [url for _, url in scripts_of(m)]
    assert before[0].endswith("vendor/leaflet.js") and before[-1] == "http://h/page.js"
    bundle(m, files(), tmp_path, "http://h/joined/")
    after = [url for _, url in scripts_of(m)]
    assert after[0].startswith("http://h/joined/map-") and after[1:] == ["http://h/page.js"]
    (written,) = tmp_path.iterdir()
    body = written.read_text(encoding="utf-8")
    parts = [files()[url].read_text(encoding="utf-8") for url in before[:-1]]
    assert body == "\n;\n".join(parts)
    assert body.index("leaflet") < body.index("itinerary")  # Leaflet before what uses it


def test_the_same_scripts_are_one_file_written_once(tmp_path, trip):
    first = bundle(build_map(trip, base=BASE, embedded=True), files(), tmp_path, "/j/")
    second = bundle(build_map(trip, base=BASE, embedded=True), files(), tmp_path, "/j/")
    assert scripts_of(first) == scripts_of(second) and len(list(tmp_path.iterdir())) == 1
