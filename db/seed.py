"""The first-run library, made from the bundled resources/library.json."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from db.database import DEFAULT_BUSY_TIMEOUT_S, create_library, open_library
from db.importing.library_json import read_library_file
from db.importing.library_writer import write_library

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BUNDLED_LIBRARY = RESOURCES / "library.json"


def open_or_create_library(
    path: Path | str,
    *,
    read_only: bool = False,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S,
    seed: Path = BUNDLED_LIBRARY,
) -> SqliteDatabase:
    """Open the library at `path`; when there is none yet, create it from the bundled one."""
    path = Path(path)
    if not path.exists():
        document = read_library_file(seed)  # validate before anything is created
        create_library(path, lambda _database: write_library(document, str(seed)))
    return open_library(path, read_only=read_only, busy_timeout=busy_timeout)
