"""Files the package makes are written whole, or not at all with a one-line reason; a device,
FIFO or descriptor is written in place, and a replaced file keeps its mode and owner."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

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


# Nodes the tests make in their own folder, never the system's: /dev/null and /dev/full are
# character devices 1:3 and 1:7 on Linux.
NULL, FULL = os.makedev(1, 3), os.makedev(1, 7)


def device(tmp_path, name, number):
    path = tmp_path / name
    os.mknod(path, stat.S_IFCHR | 0o666, number)
    return path


def test_a_device_is_written_in_place_and_stays_a_device(tmp_path):
    null = device(tmp_path, "null", NULL)
    write_bytes(null, b"x" * 100_000)
    assert stat.S_ISCHR(null.stat().st_mode) and null.stat().st_rdev == NULL
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temporary beside it


def test_a_full_device_is_a_failed_write(tmp_path):
    full = device(tmp_path, "full", FULL)
    with pytest.raises(OutputError) as caught:
        write_text(full, "rows")
    assert str(caught.value) == f"{full}: cannot be written: No space left on device"
    assert stat.S_ISCHR(full.stat().st_mode)


def test_a_fifo_is_written_in_place(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()))
    reader.start()
    write_bytes(fifo, b"a,b\r\n")
    reader.join(timeout=30)
    assert read == [b"a,b\r\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("target_exists", [True, False])
def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path, target_exists):
    target, link = tmp_path / "real.csv", tmp_path / "link.csv"
    if target_exists:
        target.write_text("old")
    link.symlink_to(target)
    write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real.csv"]


def test_standard_output_is_written_in_place():
    script = ("from pathlib import Path; from itinerary.output import write_text; "
              "write_text(Path('/dev/stdout'), 'to standard output')")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    assert result.stdout == b"to standard output"


def test_a_replaced_file_keeps_its_mode_owner_and_group(tmp_path):
    target = tmp_path / "private.csv"
    target.write_text("secret")
    target.chmod(0o600)
    if os.geteuid() == 0:  # as root the owner can be anyone's; as a user it stays theirs
        os.chown(target, 1234, 5678)
    before = target.stat()
    write_text(target, "still secret")
    after = target.stat()
    assert stat.S_IMODE(after.st_mode) == 0o600
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert target.read_text() == "still secret"
