"""Files the package makes are written whole, or not at all with a one-line reason."""

from __future__ import annotations

import os
import stat

import pytest

from itinerary.errors import ItineraryError, OutputError
from itinerary.output import check_writable, write_bytes, write_text


@pytest.mark.parametrize(("where", "reason"), [
    ("missing/x.csv", "cannot be written: the folder {tmp}/missing does not exist"),
    ("missing/deeper/x.csv", "cannot be written: the folder {tmp}/missing/deeper does not "
                             "exist"),
    ("folder", "is a folder; expected a file name"),
    ("file/x.csv", "cannot be written: {tmp}/file is a file, not a folder"),
])
def test_where_a_file_cannot_go_is_named(tmp_path, where, reason):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("keep")
    target = tmp_path / where
    for attempt in (check_writable, lambda p: write_text(p, "text")):
        with pytest.raises(OutputError) as caught:
            attempt(target)
        assert str(caught.value) == f"{target}: {reason.format(tmp=tmp_path)}"
        assert isinstance(caught.value, ItineraryError) and isinstance(caught.value, OSError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder"]
    assert (tmp_path / "file").read_text() == "keep"


@pytest.mark.parametrize("text", ["", "a,b\r\nc,d\r\n", "Bogotá\u202e\n", "x" * 100_000])
def test_text_is_written_exactly_and_replaces_the_old_file(tmp_path, text):
    target = tmp_path / "out.csv"
    target.write_text("an older, longer file " * 100)
    write_text(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "out.html"
    write_text(target, "<p>map</p>")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old")

    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError) as caught:
        write_text(target, "new")
    assert str(caught.value) == f"{target}: cannot be written: No space left on device"
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n\x00\xff", b"\r\n" * 1000])
def test_bytes_are_written_exactly(tmp_path, data):
    target = tmp_path / "map.png"
    write_bytes(target, data)
    assert target.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]
