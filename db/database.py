"""Opening, creating and migrating a library file.

A library is one SQLite file in WAL mode with foreign keys on. `open_library` binds the models'
`database_proxy` to it; every query in `db` goes through that proxy.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path

from peewee import SqliteDatabase

from db import migrations
from db.errors import (
    LibraryCorrupt,
    LibraryError,
    LibraryMissing,
    LibraryReadOnly,
    LibraryTooNew,
    library_errors,
)
from db.models import database_proxy

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another connection's lock before we call the library locked:
# long enough to ride over a second instance's autosave, short enough to answer a user.
DEFAULT_BUSY_TIMEOUT_S = 5.0

Filler = Callable[[SqliteDatabase], None]


def schema_version(database: SqliteDatabase) -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def open_library(
    path: Path | str,
    *,
    read_only: bool = False,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S,
) -> SqliteDatabase:
    """Open an existing library (migrating an older schema) and bind the models to it.

    Raises a LibraryError subclass, with the reason in words, when the file is missing,
    not a library, damaged, locked, read-only for a needed migration, or newer than we know.
    """
    path = Path(path)
    if not path.exists():
        raise LibraryMissing(path, "no library file here")
    if path.is_dir():
        raise LibraryError(path, "this is a folder, not a library file")
    _check_header(path)
    database = _connect(path, read_only=read_only, busy_timeout=busy_timeout)
    try:
        with library_errors(path):
            version = schema_version(database)
            _check_known_version(path, database, version)
            if version < migrations.latest_version():
                if read_only:
                    raise LibraryReadOnly(
                        path, f"the library uses schema {version} and must be upgraded to "
                        f"{migrations.latest_version()}, which needs write access")
                _backup_before_migration(database, path, version)
                _migrate(database, version)
            if not read_only:
                # WAL lets the window read while autosave writes; the mode is stored in the file.
                database.execute_sql("PRAGMA journal_mode = WAL")
    except BaseException:
        database.close()
        raise
    database_proxy.initialize(database)
    return database


def create_library(path: Path | str, fill: Filler | None = None) -> None:
    """Create a new library at `path`, optionally filled by `fill(database)`, all or nothing.

    The file is built under a temporary name in the same folder and renamed into place only
    when complete, so a killed process never leaves a half-made library behind.
    """
    path = Path(path)
    if path.exists():
        raise LibraryError(path, "a file already exists here")
    if not path.parent.is_dir():
        raise LibraryError(path, f"the folder {path.parent} does not exist")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    temp_path = Path(temp_name)
    try:
        database = _connect(temp_path, read_only=False, busy_timeout=DEFAULT_BUSY_TIMEOUT_S)
        try:
            with library_errors(path):
                _migrate(database, 0)
                if fill is not None:
                    database_proxy.initialize(database)
                    try:
                        fill(database)
                    finally:
                        database_proxy.initialize(None)
                database.execute_sql("PRAGMA journal_mode = WAL")
        finally:
            database.close()  # the last close checkpoints the WAL into the main file
        _fsync(temp_path)
        os.replace(temp_path, path)
    finally:
        for leftover in (temp_path, Path(f"{temp_path}-wal"), Path(f"{temp_path}-shm")):
            with suppress(FileNotFoundError):
                leftover.unlink()


def close_library() -> None:
    """Close the bound library, if any, and unbind the models."""
    current = database_proxy.obj
    if current is not None:
        current.close()
    database_proxy.initialize(None)


@contextmanager
def write_transaction() -> Iterator[None]:
    """A write transaction that takes the write lock at once (BEGIN IMMEDIATE).

    A deferred transaction that upgrades to a writer can fail "busy" without waiting; an
    immediate one waits up to the busy timeout for the other writer instead. A failure
    (locked, read-only, disk full…) rolls everything back and is raised as a LibraryError
    that names the library file and says what happened in words.
    """
    path = getattr(database_proxy.obj, "database", "the library")
    with library_errors(path), database_proxy.atomic(lock_type="IMMEDIATE"):
        yield


def quick_check(database: SqliteDatabase) -> list[str]:
    """SQLite's fast structural check; an empty list means the file looks sound."""
    rows = [row[0] for row in database.execute_sql("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def integrity_check(database: SqliteDatabase) -> list[str]:
    rows = [row[0] for row in database.execute_sql("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def backup_to(database: SqliteDatabase, destination: Path) -> None:
    """Copy a live library with SQLite's backup API (never a file copy, which can tear)."""
    target = sqlite3.connect(destination)
    try:
        database.connection().backup(target)
    finally:
        target.close()


# --- internals ---------------------------------------------------------------------------

def _connect(path: Path, *, read_only: bool, busy_timeout: float) -> SqliteDatabase:
    if read_only:
        database = SqliteDatabase(
            f"file:{path}?mode=ro", uri=True, timeout=busy_timeout,
            pragmas={"foreign_keys": 1, "query_only": 1})
    else:
        database = SqliteDatabase(
            str(path), timeout=busy_timeout,
            # NORMAL is durable against application crashes in WAL mode; only a power cut can
            # lose the last commits, never corrupt the file.
            pragmas={"foreign_keys": 1, "synchronous": 1})
    with library_errors(path):
        database.connect()
    return database


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError as error:
        raise LibraryReadOnly(path, "permission denied: the file cannot be read") from error
    except OSError as error:
        raise LibraryError(path, f"cannot read the file: {error.strerror}") from error
    if header and header != SQLITE_HEADER:
        raise LibraryCorrupt(path, "this file is not a Showshelf library (not an SQLite "
                                   "database, or its first page is damaged)")


def _check_known_version(path: Path, database: SqliteDatabase, version: int) -> None:
    if version > migrations.latest_version():
        raise LibraryTooNew(
            path, f"this library was written by a newer Showshelf (schema {version}; this "
            f"version knows up to {migrations.latest_version()}); please update Showshelf")
    if version == 0:
        tables = database.execute_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise LibraryCorrupt(path, "this SQLite file is not a Showshelf library")


def _migrate(database: SqliteDatabase, from_version: int) -> None:
    with database.atomic(lock_type="IMMEDIATE"):
        migrations.migrate(database.connection(), from_version)


def _backup_before_migration(database: SqliteDatabase, path: Path, version: int) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.stem}.schema{version}-backup-{stamp}{path.suffix or '.db'}")
    backup_to(database, backup)
    return backup


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
