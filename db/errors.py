"""Typed errors carrying what went wrong in words a user can act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee


class ShowshelfError(Exception):
    """Base for every error we expect and explain; its str() is the message for the user."""


class LibraryError(ShowshelfError):
    """The library file cannot be used as asked."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class LibraryMissing(LibraryError):
    pass


class LibraryLocked(LibraryError):
    pass


class LibraryReadOnly(LibraryError):
    pass


class LibraryCorrupt(LibraryError):
    pass


class LibraryTooNew(LibraryError):
    pass


class ImportFileError(ShowshelfError):
    """An import file is unreadable or invalid; names file, line/column or JSON path."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None,
                 column: int | None = None, field: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.column = column
        self.field = field
        where = str(self.path)
        if line is not None:
            where += f", line {line}" + (f", column {column}" if column is not None else "")
        if field:
            where += f", {field}"
        super().__init__(f"{where}: {problem}")


class ExportError(ShowshelfError):
    """An export destination cannot be written."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: {problem}")


def explain_sqlite_error(path: Path | str, error: BaseException) -> LibraryError:
    """Turn an SQLite/peewee error into the library error a user can understand."""
    # On some failures (a full disk, an I/O error) SQLite ends the transaction itself; the
    # rollback that follows then fails too, and its message would hide the reason, which is
    # further down the chain of exceptions.
    while "no transaction is active" in str(error) and error.__context__ is not None:
        error = error.__context__
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return LibraryLocked(
            path, "the library is locked by another program (is Showshelf already running?); "
            "try again when it has finished")
    if "readonly" in text or "read-only" in text:
        return LibraryReadOnly(
            path, "the library is read-only here; nothing was changed "
            "(check the file's and its folder's permissions)")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return LibraryCorrupt(
            path, "the file is damaged or is not a Showshelf library "
            "(restore a backup, or open another file)")
    if "unable to open" in text:
        return LibraryError(path, "cannot open the library file (does its folder exist "
                                  "and may we write there?)")
    if "disk" in text and ("full" in text or "i/o" in text):
        return LibraryError(path, "the disk is full or failing; nothing was changed")
    return LibraryError(path, f"database error: {error}")


@contextmanager
def library_errors(path: Path | str) -> Iterator[None]:
    """Re-raise SQLite failures inside the block as typed, readable LibraryErrors."""
    try:
        yield
    except ShowshelfError:
        raise
    except (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError) as error:
        raise explain_sqlite_error(path, error) from error
