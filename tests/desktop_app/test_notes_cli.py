"""`showshelf note …`, `export notes …` and `import FOLDER`, driven through main(argv)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db.database import close_library, open_library
from db.models import Note, Person, Series
from db.notes import NoteRecord, NoteTarget, load_note
from desktop_app.app import main
from tests.db.notes_helpers import make_notes_library


@pytest.fixture
def library(tmp_path: Path, mini_library_file: Path) -> Path:
    path = make_notes_library(tmp_path, mini_library_file)
    close_library()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _ann(library: Path) -> NoteRecord:
    open_library(library)
    try:
        note = load_note(NoteTarget("person", Person.get(Person.key == "ann-actor").id))
        assert note is not None
        return note
    finally:
        close_library()


def test_note_sets_rating_status_tags_and_appends(library: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--library", str(library), "note", "ann actor", "--rating", "7",
                       "--status", "watched", "--tag", "rewatch", "--append", "More to say.")
    assert code == 0, err
    assert "saved your note on person Ann Actor" in err
    note = _ann(library)
    assert note.state.rating == 7 and note.state.status == "watched"
    assert "rewatch" in note.state.tags
    assert note.state.body.endswith("- a list\n\nMore to say.")
    code, _, err = run(capsys, "--library", str(library), "note", "Ann Actor", "--rating", "7")
    assert code == 0 and "unchanged" in err


def test_note_on_unknown_or_ambiguous_title_fails_clearly(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--library", str(library), "note", "Nobody Here", "--append", "x")
    assert code == 1
    assert err.startswith("showshelf: no series, person or character is called 'Nobody Here'")
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--library", str(library), "note", "Test Show", "--rating", "11")
    assert code == 2


def test_note_on_an_ambiguous_title_names_the_candidates_and_saves_nothing(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_library(library)
    try:
        Series.insert(key="remake", title="Test Show", sort_title="Test Show",
                      year_start=2024).execute()
        notes_before = Note.select().count()
    finally:
        close_library()
    code, _, err = run(capsys, "--library", str(library), "note", "test show", "--append", "x")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "'test show' is ambiguous" in err and "2019" in err and "2024" in err
    open_library(library)
    try:
        assert Note.select().count() == notes_before
        assert not Note.select().where(Note.body.contains("\n\nx")).exists()
    finally:
        close_library()
    code, _, err = run(capsys, "--library", str(library), "note", "Test Show (2024)",
                       "--append", "the new one")
    assert code == 0, err
    assert "saved your note on series Test Show (2024)" in err


def test_export_notes_every_format(library: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("md", "md-single", "json", "csv", "html"):
        out = tmp_path / f"out-{name}"
        code, _, err = run(capsys, "--library", str(library), "export", "notes", "--format",
                           name, "--out", str(out))
        assert code == 0, err
        assert "wrote 3 notes" in err
    with (tmp_path / "out-csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == 4
    code, _, _ = run(capsys, "--library", str(library), "export", "notes", "--format", "json",
                     "--out", str(tmp_path / "q.json"), "--query", "test show")
    assert code == 0
    assert len(json.loads((tmp_path / "q.json").read_text())["notes"]) == 2


def test_export_to_missing_folder_is_one_line(library: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--library", str(library), "export", "notes", "--format", "csv",
                       "--out", str(tmp_path / "nowhere" / "x.csv"))
    assert code == 1 and "does not exist" in err and len(err.strip().splitlines()) == 1


def test_import_markdown_folder_round_trip(library: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    vault = tmp_path / "vault"
    assert run(capsys, "--library", str(library), "export", "notes", "--out", str(vault))[0] == 0
    code, _, err = run(capsys, "--library", str(library), "import", str(vault))
    assert code == 0 and "0 notes updated, 3 unchanged" in err
    page = vault / "Ann Actor.md"
    page.write_text(page.read_text(encoding="utf-8").replace("- a list", "- a longer list"),
                    encoding="utf-8")
    (vault / "stray.md").write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "--library", str(library), "import", str(vault))
    assert code == 0 and "1 notes updated, 2 unchanged, 1 files matched no note" in err
    assert "not imported: stray.md" in err
    assert _ann(library).state.body.endswith("- a longer list")
