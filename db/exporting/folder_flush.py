"""Making a folder of freshly written files durable with one flush instead of one per file.

An fsync per file costs a journal commit per file on ext4 (around a millisecond each, more on
a busy disk): seconds for 10,000 notes. Linux's syncfs(2) writes out every dirty page and the
journal of the one file system that holds the folder in a single call. So a folder export
writes its files plainly into the staging folder, flushes them all at once before the folder
is renamed into place, then fsyncs the parent directory so that the rename itself survives a
crash. Where syncfs does not exist (macOS, Windows, BSD) each file is fsynced as it is
written instead: slower, equally safe.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from db.fileio import sync_directory


@dataclass(frozen=True)
class FolderFlush:
    """How to make the files of a staged folder durable on this system."""

    per_file: bool  # fsync each file as it is written (no syncfs here)
    syncfs: Callable[[int], int] | None

    def all_written(self, folder: Path) -> None:
        """Flush everything written into `folder` (a no-op when each file was fsynced)."""
        if self.syncfs is None:
            sync_directory(folder)
            return
        handle = os.open(folder, os.O_RDONLY)
        try:
            if self.syncfs(handle) != 0:
                error = ctypes.get_errno()
                raise OSError(error, os.strerror(error), str(folder))
        finally:
            os.close(handle)


@cache
def folder_flush() -> FolderFlush:
    """The flush strategy for this system, found once."""
    syncfs = _libc_syncfs()
    return FolderFlush(per_file=syncfs is None, syncfs=syncfs)


def _libc_syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # a libc without syncfs (older than glibc 2.14)
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]
