"""db/early_library.py: a current library opens for reading before the store; anything else
is left to the usual path."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db import early_library, queries
from db.database import close_library
from db.models import database_proxy
from db.queries import SeriesListView
from tests.browser_library import create_browser_library


@pytest.fixture(autouse=True)
def nothing_left_open() -> Iterator[None]:
    close_library()
    yield
    early_library.close_early()
    close_library()


@pytest.fixture
def library(tmp_path: Path, mini_library_document: dict[str, Any]) -> Path:
    return create_browser_library(tmp_path / "browser.sqlite", mini_library_document)


def test_a_current_library_is_read_before_the_store_is_bound(library: Path) -> None:
    assert early_library.open_early(library, busy_timeout=0.2)
    assert database_proxy.obj is None
    assert queries.series_count(SeriesListView()) == 6
    assert queries.series_page(SeriesListView(), 0, 2)[0].title == "Alpha Line"

    early_library.bind_store()
    assert early_library.connection() is None
    assert database_proxy.obj is not None
    assert queries.library_counts().series == 6


def test_an_older_schema_is_left_to_the_usual_path_which_migrates_it(library: Path) -> None:
    with sqlite3.connect(library) as connection:
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    assert not early_library.open_early(library, busy_timeout=0.2)
    assert early_library.connection() is None


def test_a_journal_that_is_not_wal_is_left_to_the_usual_path(library: Path) -> None:
    connection = sqlite3.connect(library)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    assert not early_library.open_early(library, busy_timeout=0.2)


@pytest.mark.parametrize("content", [None, b"", b"this is not a database at all, " * 10])
def test_missing_empty_or_foreign_files_are_left_to_the_usual_path(
        tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "library.sqlite"
    if content is not None:
        path.write_bytes(content)
    assert not early_library.open_early(path, busy_timeout=0.2)
    assert path.exists() == (content is not None)  # nothing created
    if content is not None:
        assert path.read_bytes() == content  # nothing written
