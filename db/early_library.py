"""The library opened with plain sqlite3 for the window's first screen, before the store loads.

Start-up is measured against a bare Qt window, and importing peewee and the models costs more
than everything the first screen needs (one count and one page of the list). So the window
opens a current, healthy library here, paints its list through `db.queries` (which reads on
`connection()` while it is set), and right after the first paint `bind_store()` opens the
library the usual way (`db.database.open_library`: the models, notes, search and writes) and
closes this connection.

Anything unusual (a missing or foreign file, an older or newer schema, a journal that is not
WAL, any SQLite error) makes `open_early` return False: the caller then takes the usual path,
which migrates or explains the problem in words. Only the GUI thread reads through it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"

_connection: sqlite3.Connection | None = None
_path: Path | None = None
_busy_timeout = 5.0


def open_early(path: Path, *, busy_timeout: float) -> bool:
    """Open `path` for reading if it needs nothing but reading; True when it is open."""
    global _connection, _path, _busy_timeout
    from db import migrations  # plain SQL text and sqlite3: no peewee

    close_early()
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        # mode=rw: never create a file here (a missing library is the usual path's job).
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                                     timeout=busy_timeout)
    except (OSError, ValueError, sqlite3.Error):
        return False
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        journal = connection.execute("PRAGMA journal_mode").fetchone()[0]
    except sqlite3.Error:
        connection.close()
        return False
    if version != migrations.latest_version() or str(journal).lower() != "wal":
        connection.close()
        return False
    _connection, _path, _busy_timeout = connection, path, busy_timeout
    return True


def connection() -> sqlite3.Connection | None:
    """The early connection, or None once the store is bound (or when there never was one)."""
    return _connection


def bind_store() -> None:
    """Open the early library through db.database (binding the models), then close the early
    connection. Does nothing when there is no early library. Raises what open_library raises;
    the early connection then stays open for reading."""
    global _connection
    if _connection is None or _path is None:
        return
    from db.database import open_library

    open_library(_path, busy_timeout=_busy_timeout)
    close_early()


def close_early() -> None:
    global _connection, _path
    if _connection is not None:
        _connection.close()
    _connection, _path = None, None
