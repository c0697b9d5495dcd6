"""Writing files so that a crash, a full disk or a kill never leaves a half-written one."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from db.errors import ExportError


def write_file_atomically(path: Path | str, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename over.

    Readers see either the old file or the complete new one. Raises ExportError in words.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(path, f"the folder {path.parent} does not exist")
    if path.is_dir():
        raise ExportError(path, "this is a folder; give a file name")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                         dir=path.parent)
    except OSError as error:
        raise ExportError(path, f"cannot write in {path.parent}: {error.strerror}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except OSError as error:
        with suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise ExportError(path, f"could not write the file: {error.strerror}") from error
    # The file is whole on disk; now its new name. Best effort: some file systems refuse to
    # fsync a directory, and that must not turn a written file into a failed export.
    with suppress(OSError):
        sync_directory(path.parent)


def sync_directory(folder: Path) -> None:
    """fsync a directory, so that names created, renamed or removed in it are on disk."""
    if os.name == "nt":  # directories cannot be opened for fsync there; NTFS journals names
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
