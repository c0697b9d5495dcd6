"""Reading library JSON: validation that names the problem, and all-or-nothing writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from db.database import create_library, open_library
from db.errors import ImportFileError
from db.exporting.library_json import library_json_text
from db.importing.library_json import import_library_file, parse_library_text
from db.models import Note, NoteRevision, Series


@pytest.fixture
def empty_library(tmp_path: Path) -> Path:
    path = tmp_path / "empty.sqlite"
    create_library(path)
    open_library(path)
    return path


def test_round_trip_export_import_export_is_identical(
        tmp_path: Path, empty_library: Path, mini_library_file: Path) -> None:
    import_library_file(mini_library_file)
    first = library_json_text()
    out = tmp_path / "first.json"
    out.write_text(first, encoding="utf-8")

    second_library = tmp_path / "second.sqlite"
    create_library(second_library)
    open_library(second_library)
    import_library_file(out)

    assert library_json_text() == first
    assert json.loads(first)["notes"][0]["revisions"][0]["body"] == "Loved it."


def _error_for(document: Any) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        parse_library_text(json.dumps(document, indent=2), "lib.json")
    return caught.value


def test_syntax_error_names_line_and_column() -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_library_text('{\n  "format": "showshelf-library",\n  "version": 1,,\n}', "x.json")
    assert caught.value.line == 3
    assert "x.json, line 3, column" in str(caught.value)


@pytest.mark.parametrize(("change", "field", "words"), [
    (lambda d: d.update(format="something-else"), "format", "showshelf-library"),
    (lambda d: d.update(version=99), "version", "newer Showshelf"),
    (lambda d: d["series"][0].update(episodes="ten"), "series[0].episodes", "whole number"),
    (lambda d: d["series"][0].update(kind="film"), "series[0].kind", "not one of"),
    (lambda d: d["series"][0].pop("title"), "series[0].title", "required"),
    (lambda d: d["series"][0].update(titel="x"), "series[0].titel", "unknown field"),
    (lambda d: d["series"][0]["credits"][0].update(person="nobody"),
     "series[0].credits[0].person", "unknown person key 'nobody'"),
    (lambda d: d["series"][0]["credits"][0].update(character="ghost"),
     "series[0].credits[0].character", "unknown character key"),
    (lambda d: d["series"][0]["reviews"][0].update(sources=["src-zzz"]),
     "series[0].reviews[0].sources", "unknown source key"),
    (lambda d: d["people"].append(dict(d["people"][0])), "people[2].key", "appears twice"),
    (lambda d: d["notes"][0].update(rating=11), "notes[0].rating", "1 to 10"),
    (lambda d: d["notes"][0]["target"].update(kind="episode"), "notes[0].target.kind",
     "expected one of"),
])
def test_invalid_documents_name_the_field(mini_library_document: dict[str, Any], change: Any,
                                          field: str, words: str) -> None:
    change(mini_library_document)
    error = _error_for(mini_library_document)
    assert error.field == field
    assert words in str(error)


def test_field_error_points_at_a_line_when_the_value_is_findable(
        mini_library_document: dict[str, Any]) -> None:
    mini_library_document["series"][0]["credits"][0]["person"] = "nobody-at-all"
    error = _error_for(mini_library_document)
    text = json.dumps(mini_library_document, indent=2)
    assert error.line == text[: text.index('"nobody-at-all"')].count("\n") + 1


def test_failed_import_changes_nothing(tmp_path: Path, empty_library: Path,
                                       mini_library_file: Path,
                                       mini_library_document: dict[str, Any]) -> None:
    import_library_file(mini_library_file)
    before = library_json_text()
    # Valid on its own, but its note names a target that exists nowhere: found mid-write.
    mini_library_document["series"][0]["title"] = "Renamed Show"
    mini_library_document["notes"].append({
        "id": "f" * 32, "target": {"kind": "person", "key": "no-such-person"}, "body": "x",
        "created": "2026-01-01T00:00:00+00:00", "updated": "2026-01-01T00:00:00+00:00"})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(mini_library_document), encoding="utf-8")

    with pytest.raises(ImportFileError, match="not in the library"):
        import_library_file(bad)

    assert library_json_text() == before
    assert Series.get().title == "Test Show"


def test_reimport_unchanged_note_adds_no_revision_changed_note_adds_one(
        tmp_path: Path, empty_library: Path, mini_library_file: Path,
        mini_library_document: dict[str, Any]) -> None:
    import_library_file(mini_library_file)
    import_library_file(mini_library_file)
    assert NoteRevision.select().count() == 2

    mini_library_document["notes"][0]["body"] = "Changed my mind."
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(mini_library_document), encoding="utf-8")
    summary = import_library_file(changed)

    assert summary.notes_changed == 1
    assert Note.get().body == "Changed my mind."
    assert [r.body for r in NoteRevision.select().order_by(NoteRevision.id)] == [
        "Loved it.", "Loved it, *mostly*.", "Changed my mind."]


def test_reimport_keeps_character_notes(tmp_path: Path, empty_library: Path,
                                        mini_library_document: dict[str, Any]) -> None:
    mini_library_document["notes"][0]["target"] = {"kind": "character", "key": "hero",
                                                   "series": "test-show"}
    path = tmp_path / "lib.json"
    path.write_text(json.dumps(mini_library_document), encoding="utf-8")
    import_library_file(path)
    mini_library_document["series"][0]["characters"][0]["description"] = "Leads, bravely."
    path.write_text(json.dumps(mini_library_document), encoding="utf-8")
    import_library_file(path)
    note = Note.get()
    assert note.character.description == "Leads, bravely."
