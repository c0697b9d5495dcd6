"""A small real library with notes of every kind, shared by the notes tests."""

from __future__ import annotations

from pathlib import Path

from db.database import create_library, open_library
from db.importing.library_json import read_library_file
from db.importing.library_writer import write_library
from db.models import Character, Person
from db.notes import NoteState, NoteTarget, save_note

TRICKY_BODY = '=HYPERLINK("http://evil"), said "she", twice\nsecond line, with commas\n- a list'
CHARACTER_BODY = "Ann Actor plays him well. See also [the show](https://example.org)."


def make_notes_library(tmp_path: Path, mini_library_file: Path) -> Path:
    """Create, open and bind a library: the mini library's series note, a person note with a
    body made to break CSV and spreadsheets, and a character note naming its actor."""
    path = tmp_path / "notes.sqlite"
    document = read_library_file(mini_library_file)
    create_library(path, lambda _db: write_library(document))
    open_library(path)
    ann = Person.get(Person.key == "ann-actor").id
    save_note(NoteTarget("person", ann), NoteState(TRICKY_BODY, 10, "watching",
                                                    ("a, b".replace(",", ""), "=sum")))
    hero = Character.get(Character.key == "hero").id
    save_note(NoteTarget("character", hero), NoteState(CHARACTER_BODY, None, None, ()))
    return path
