"""Writing the files the package makes: whole or not at all, with a clear error.

A regular file (or a new one) is written beside its destination and moved into place, so a
failed or interrupted write never leaves half a file or spoils the one that was there; the
file it replaces keeps its mode, owner and group. Anything else named as the output (a
device such as /dev/null, a FIFO, /dev/stdout or another of a process's descriptors) is
written in place, never renamed over: it is not a file to replace. A symbolic link is
followed: its target is written, never the link itself.

Where it cannot be written (no such folder, a folder in its place, no permission, a device
that is full) is an `OutputError`, raised before the work that would fill it when callers
ask `check_writable` first.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from itinerary.errors import OutputError

# A process's own descriptors: written where they are, whatever they stand for (standard
# output redirected to a file is still that file's open descriptor, not a name to replace).
_DESCRIPTOR = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/(self|\d+)/fd/\d+")


def check_writable(path: Path) -> None:
    """Raise OutputError when `path` could not be written as a file."""
    if path.is_dir():
        raise OutputError(path, "is a folder; expected a file name")
    if _in_place(path):
        if not os.access(path, os.W_OK):
            raise OutputError(path, "cannot be written: permission denied")
        return
    folder = _target(path).parent
    if folder.exists() and not folder.is_dir():
        raise OutputError(path, f"cannot be written: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise OutputError(path, f"cannot be written: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(path, f"cannot be written: the folder {folder} is not writable")


def write_text(path: Path, text: str) -> None:
    """Write `text` to `path` as UTF-8, replacing it whole."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path`: a regular file is replaced whole, a stream written in place."""
    check_writable(path)
    try:
        if _in_place(path):
            _write_in_place(path, data)
        else:
            _replace(_target(path), data)
    except OSError as exc:
        raise OutputError(path, f"cannot be written: {exc.strerror or exc}") from exc


def _in_place(path: Path) -> bool:
    """Whether `path` names something other than a regular file or a new one."""
    if _DESCRIPTOR.fullmatch(str(path.absolute())):
        return path.exists()
    try:
        return not stat.S_ISREG(path.stat().st_mode)  # a symbolic link is followed
    except OSError:
        return False  # a new file or a link to one (or none can be, as the check says)


def _target(path: Path) -> Path:
    """The file that is replaced: a symbolic link's target (followed to the end), never the
    link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _write_in_place(path: Path, data: bytes) -> None:
    # No O_TRUNC surprise for a device; a regular file never comes here. Every byte is
    # written and flushed before the handle closes, so a full device is an error here.
    with open(path, "wb", buffering=0) as out:
        view = memoryview(data)
        while view:
            written = out.write(view)
            view = view[written:]


def _replace(path: Path, data: bytes) -> None:
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
        _take_over(handle, path)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _take_over(handle: int, path: Path) -> None:
    """Give the new file the mode, owner and group of the one it replaces (a private file
    stays private), or, for a new file, the mode a plain open() would (mkstemp's is 0600)."""
    try:
        old = path.stat()
    except FileNotFoundError:
        os.fchmod(handle, 0o666 & ~_umask())
        return
    os.fchmod(handle, stat.S_IMODE(old.st_mode))
    for owner in ((old.st_uid, old.st_gid), (-1, old.st_gid)):
        try:
            os.fchown(handle, *owner)
            return
        except OSError:
            continue  # not ours to give away; the group alone, or as the user's own


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
