"""The search index follows every write path inside the writer's transaction."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from db import migrations
from db.check import check_library
from db.database import create_library, open_library, write_transaction
from db.importing.library_json import parse_library_text
from db.importing.library_writer import write_library
from db.models import Character, Credit, Note, NoteTag, Person, Series, Tag, database_proxy
from db.search.index import index_problems, rebuild_index


def _indexed(column: str, series_key: str = "test-show") -> str:
    row = database_proxy.execute_sql(
        f'SELECT f."{column}" FROM series_search f JOIN series s ON s.id = f.rowid '
        "WHERE s.key = ?", (series_key,)).fetchone()
    return "" if row is None or row[0] is None else str(row[0])


@pytest.fixture
def mini(tmp_path: Path, mini_library_document: dict[str, Any]) -> Path:
    path = tmp_path / "mini.sqlite"
    create_library(path)
    open_library(path)
    write_library(parse_library_text(json.dumps(mini_library_document)), "mini.json")
    return path


def test_import_indexes_every_column(mini: Path) -> None:
    assert _indexed("title") == "Test Show"
    assert _indexed("cast") == "Ann Actor"
    assert _indexed("creator") == "Cy Creator"
    assert _indexed("character") == "The Hero"
    assert _indexed("genre") == "Drama"
    assert _indexed("network") == "Testflix"
    assert "acting" in _indexed("review")
    assert _indexed("note") == "Loved it, *mostly*."
    assert _indexed("tag") == "crime"
    assert "Springfield" in _indexed("other")
    assert index_problems() == []


def test_hyphenated_names_also_carry_a_joined_form(mini: Path) -> None:
    with write_transaction():
        Person.update(name="Ann-Marie O'Actor").where(Person.key == "ann-actor").execute()
    assert _indexed("cast") == "Ann-Marie O'Actor ¦ AnnMarie OActor"
    assert index_problems() == []


def test_edits_reindex_in_the_same_transaction(mini: Path) -> None:
    with write_transaction():
        Series.update(title="Renamed Show", sort_title="Renamed Show").where(
            Series.key == "test-show").execute()
        assert _indexed("title") == "Renamed Show"
    with write_transaction():
        Character.update(name="The Villain").execute()
        note = Note.get()
        Note.update(body="Changed my mind.").where(Note.id == note.id).execute()
        tag = Tag.create(name="rewatch")
        NoteTag.create(note=note.id, tag=tag.id)
    assert _indexed("character") == "The Villain"
    assert _indexed("note") == "Changed my mind."
    assert _indexed("tag") == "crime rewatch"
    with write_transaction():
        Credit.delete().where(Credit.role == "cast").execute()
    assert _indexed("cast") == ""
    assert index_problems() == []


def test_a_rolled_back_write_leaves_the_index_as_it_was(mini: Path) -> None:
    with pytest.raises(RuntimeError), write_transaction():
        Series.update(title="Never Happened").execute()
        raise RuntimeError("abandon the edit")
    assert _indexed("title") == "Test Show"


def test_deleting_a_series_removes_its_entry(mini: Path) -> None:
    with write_transaction():
        Series.delete().execute()
    count = database_proxy.execute_sql("SELECT count(*) FROM series_search").fetchone()[0]
    assert count == 0
    assert index_problems() == []


def test_check_reports_a_stale_index_and_rebuild_fixes_it(mini: Path) -> None:
    database_proxy.execute_sql("UPDATE series_search SET title = 'stale' WHERE rowid = 1")
    database_proxy.execute_sql("INSERT INTO series_search (rowid, title) VALUES (999, 'ghost')")
    problems = check_library(database_proxy.obj)
    assert any("1 series are missing or out of date" in problem for problem in problems)
    assert any("1 entries name series that no longer exist" in problem for problem in problems)
    with write_transaction():
        assert rebuild_index() == 1
    assert check_library(database_proxy.obj) == []


def test_a_library_made_with_an_earlier_search_view_is_brought_up_to_date(
        mini: Path) -> None:
    """Migration 3's view changed after libraries were made with it; migration 4 repairs them.

    The earlier view spelled the every-series word differently, so in such a library an
    exclusion-only search ("-drama") found nothing at all.
    """
    from db.database import close_library
    from db.search import search_series

    old_view = migrations._V4_SEARCH_VIEW.replace("ꙮeveryseriesꙮ", "showshelfeveryseries")
    with write_transaction():
        database_proxy.execute_sql("DROP VIEW series_search_document")
        database_proxy.execute_sql(old_view)
        rebuild_index()
    for later_index in ("person_name", "series_genres_label", "series_episodes"):
        database_proxy.execute_sql(f"DROP INDEX {later_index}")  # what later versions added
    database_proxy.execute_sql("PRAGMA user_version = 3")
    assert search_series("-nothingcalledthis").total == 0  # the damage being repaired
    close_library()
    open_library(mini)
    assert search_series("-nothingcalledthis").total == 1
    assert search_series("-drama").total == 0
    assert index_problems() == []


def test_the_search_view_step_leaves_an_up_to_date_library_alone(mini: Path) -> None:
    before = database_proxy.execute_sql("SELECT max(rowid) FROM series_search_data").fetchone()
    migrations.MIGRATIONS[3](database_proxy.connection())
    after = database_proxy.execute_sql("SELECT max(rowid) FROM series_search_data").fetchone()
    assert before == after  # no rebuild: the index's segments are untouched
