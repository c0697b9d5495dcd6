"""Opening, creating and migrating library files (db/database.py, db/migrations.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import migrations
from db.database import create_library, open_library, schema_version
from db.errors import LibraryCorrupt, LibraryError, LibraryMissing, LibraryTooNew
from db.models import ALL_MODELS, Series, database_proxy


def test_new_library_has_current_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    create_library(path)
    database = open_library(path)
    assert schema_version(database) == migrations.latest_version()
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not list(tmp_path.glob("*.new")), "the temporary build file must be gone"


def test_models_match_migrated_schema(tmp_path: Path) -> None:
    path = tmp_path / "schema.sqlite"
    create_library(path)
    database = open_library(path)
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in database.execute_sql(f"PRAGMA table_info({table})")}
        assert columns == {field.column_name for field in model._meta.sorted_fields}, table


def test_missing_library_is_reported(tmp_path: Path) -> None:
    with pytest.raises(LibraryMissing, match="no library file"):
        open_library(tmp_path / "absent.sqlite")


def test_create_refuses_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="does not exist"):
        create_library(tmp_path / "no" / "such" / "folder" / "lib.sqlite")


def test_garbage_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not a database at all\n" * 100)
    before = path.read_bytes()
    with pytest.raises(LibraryCorrupt, match="not a Showshelf library"):
        open_library(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(LibraryCorrupt, match="not a Showshelf library"):
        open_library(path)


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    create_library(path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {migrations.latest_version() + 3}")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(LibraryTooNew, match="newer Showshelf"):
        open_library(path)
    assert path.read_bytes() == before


def _make_version_1_library(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        migrations.MIGRATIONS[0](connection)
        connection.execute("PRAGMA user_version = 1")
        connection.execute(
            "INSERT INTO series (key, title, sort_title, kind, year_start, genres_label) "
            "VALUES ('old-show', 'Old Show', 'Old Show', 'series', 1999, '')")
        connection.execute(
            "INSERT INTO person (key, name, sort_name) VALUES ('pat', 'Pat Person', 'Person')")
    connection.close()


def test_version_1_library_is_backed_up_then_migrated_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _make_version_1_library(path)

    database = open_library(path)

    assert schema_version(database) == migrations.latest_version()
    assert [s.title for s in Series.select()] == ["Old Show"]
    tables = {row[0] for row in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"note", "note_revision", "tag"} <= tables
    backups = list(tmp_path.glob("old.schema1-backup-*.sqlite"))
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT title FROM series").fetchall() == [("Old Show",)]
    backup.close()


def test_failed_migration_leaves_old_version(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    _make_version_1_library(path)

    def broken_step(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken_step])
    with pytest.raises(LibraryError):
        open_library(path)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchall()
    connection.close()


def test_models_are_unbound_after_close(tmp_path: Path) -> None:
    from db.database import close_library

    path = tmp_path / "a.sqlite"
    create_library(path)
    open_library(path)
    close_library()
    assert database_proxy.obj is None
