"""Markdown folder round trip by stable id (db/importing/notes_markdown.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from db.database import close_library
from db.errors import ImportFileError
from db.exporting.notes_formats import export_notes
from db.importing.notes_markdown import import_markdown_folder
from db.models import Note, NoteRevision, Person
from db.note_listing import list_notes
from db.notes import NoteRecord, NoteTarget, load_note, note_revisions, save_note
from tests.db.notes_helpers import TRICKY_BODY, make_notes_library


@pytest.fixture
def vault(tmp_path: Path, mini_library_file: Path) -> Iterator[Path]:
    make_notes_library(tmp_path, mini_library_file)
    folder = tmp_path / "vault"
    export_notes("md", folder)
    yield folder
    close_library()


def _snapshot() -> list[tuple]:
    return [(row.uid, row.updated, row.tags) for row in list_notes()] + [
        (r.id, r.body) for r in NoteRevision.select().order_by(NoteRevision.id)]


def test_unchanged_folder_changes_nothing(vault: Path) -> None:
    before = _snapshot()
    summary = import_markdown_folder(vault)
    assert summary.changed == () and summary.unchanged == 3 and summary.unmatched == ()
    assert _snapshot() == before


def test_a_note_with_lone_carriage_returns_comes_back_unchanged(tmp_path: Path,
                                                                mini_library_file: Path
                                                                ) -> None:
    """Reading a file turns a lone CR into a line end: not an edit by anyone."""
    make_notes_library(tmp_path, mini_library_file)
    try:
        ann = _ann_note()
        save_note(ann.target, replace(ann.state, body="first\rsecond\r=1"))
        export_notes("md", tmp_path / "vault")
        before = _snapshot()

        summary = import_markdown_folder(tmp_path / "vault")

        assert summary.changed == () and summary.unchanged == 3
        assert _snapshot() == before
    finally:
        close_library()


def test_edited_file_updates_exactly_that_note(vault: Path) -> None:
    ann_file = vault / "Ann Actor.md"
    text = ann_file.read_text(encoding="utf-8")
    text = text.replace("rating: 10", "rating: 6").replace("second line", "2nd line")
    ann_file.write_text(text.replace("\n", "\r\n"), encoding="utf-8")  # a Windows editor
    others = {n.uid: n.updated for n in Note.select() if n.person_id is None}
    summary = import_markdown_folder(vault)
    assert summary.changed == ("Ann Actor.md",) and summary.unchanged == 2
    ann = _ann_note()
    assert ann.state.rating == 6
    assert ann.state.body == TRICKY_BODY.replace("second line", "2nd line")
    history = note_revisions(ann.id)
    assert history[1].state.body == TRICKY_BODY  # the old text stays in history
    assert {n.uid: n.updated for n in Note.select() if n.person_id is None} == others


def _ann_note() -> NoteRecord:
    note = load_note(NoteTarget("person", Person.get(Person.key == "ann-actor").id))
    assert note is not None
    return note


def test_unmatched_files_are_reported_not_guessed(vault: Path) -> None:
    (vault / "mine.md").write_text("# my own page\n", encoding="utf-8")
    stranger = (vault / "Test Show.md").read_text(encoding="utf-8")
    old_id = stranger.split("showshelf_id: \"")[1][:32]
    (vault / "Test Show.md").write_text(stranger.replace(old_id, "f" * 32), encoding="utf-8")
    summary = import_markdown_folder(vault)
    assert dict(summary.unmatched) == {
        "mine.md": "no showshelf_id in its front matter",
        "Test Show.md": f"no note has the id {'f' * 32}"}
    assert summary.changed == ()


@pytest.mark.parametrize("replace, message", [
    (("rating: 10", "rating: 12"), "rating 12"),
    (("rating: 10", "rating: [1"), "line 6"),
    (("status: \"watching\"", "status: binge"), "status 'binge'"),
])
def test_bad_file_changes_nothing_and_names_file(vault: Path, replace: tuple[str, str],
                                                 message: str) -> None:
    (vault / "The Hero (Test Show).md").write_text("---\nshowshelf_id: x\n---\nchanged",
                                                   encoding="utf-8")
    ann_file = vault / "Ann Actor.md"
    ann_file.write_text(ann_file.read_text(encoding="utf-8").replace(*replace),
                        encoding="utf-8")
    before = _snapshot()
    with pytest.raises(ImportFileError, match=message) as raised:
        import_markdown_folder(vault)
    assert "Ann Actor.md" in str(raised.value)
    assert _snapshot() == before


def test_duplicate_ids_are_refused(vault: Path) -> None:
    (vault / "copy.md").write_text((vault / "Ann Actor.md").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    with pytest.raises(ImportFileError, match="same showshelf_id"):
        import_markdown_folder(vault)
