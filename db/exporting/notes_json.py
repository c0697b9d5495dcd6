"""Notes as one JSON document ("showshelf-notes", version 1; see docs/notes-format.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from db.exporting.notes_common import ExportedNote, Progress, exported_notes
from db.fileio import write_file_atomically
from db.note_listing import ALL_NOTES, NoteScope

NOTES_FORMAT_NAME = "showshelf-notes"
NOTES_FORMAT_VERSION = 1


def note_record(note: ExportedNote) -> dict[str, Any]:
    row = note.row
    target: dict[str, Any] = {"kind": row.target.kind, "key": row.target_key}
    if row.series_key is not None:
        target["series"] = row.series_key
    return {
        "id": row.uid,
        "target": target,
        "title": row.title,
        "series_title": row.series_title,
        "year": row.year,
        "body": row.body,
        "rating": row.rating,
        "status": row.status,
        "tags": list(row.tags),
        "created": row.created,
        "updated": row.updated,
        "mentions": list(note.mentions),
    }


def export_notes_json(path: Path | str, scope: NoteScope = ALL_NOTES,
                      progress: Progress | None = None) -> int:
    notes = [note_record(note) for note in exported_notes(scope, progress, destination=path)]
    document = {"format": NOTES_FORMAT_NAME, "version": NOTES_FORMAT_VERSION, "notes": notes}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_file_atomically(path, text.encode("utf-8"))
    return len(notes)
