"""Writing the files the package makes: whole or not at all, with a clear error.

A file is written beside its destination and moved into place, so a failed or interrupted
write never leaves half a file or spoils the one that was there. Where it cannot be written
(no such folder, a folder in its place, no permission) is an `OutputError`, raised before the
work that would fill it when callers ask `check_writable` first.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from itinerary.errors import OutputError


def check_writable(path: Path) -> None:
    """Raise OutputError when `path` could not be written as a file."""
    if path.is_dir():
        raise OutputError(path, "is a folder; expected a file name")
    folder = path.parent
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
    """Write `data` to `path`, replacing it whole."""
    check_writable(path)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
        os.fchmod(handle, 0o666 & ~_umask())  # as a plain open() would, not mkstemp's 0600
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(path, f"cannot be written: {exc.strerror or exc}") from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
