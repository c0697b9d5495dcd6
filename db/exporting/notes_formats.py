"""The notes export formats by name, for the command line and the export dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.exporting.notes_common import Progress
from db.exporting.notes_csv import export_notes_csv
from db.exporting.notes_html import export_notes_html
from db.exporting.notes_json import export_notes_json
from db.exporting.notes_markdown import export_markdown_folder, export_markdown_single
from db.note_listing import ALL_NOTES, NoteScope

Exporter = Callable[[Path, NoteScope, "Progress | None"], int]


@dataclass(frozen=True)
class NotesFormat:
    name: str  # as typed after --format
    label: str  # as the export dialog shows it
    suffix: str  # "" for a folder
    export: Exporter

    @property
    def is_folder(self) -> bool:
        return not self.suffix


NOTES_FORMATS: dict[str, NotesFormat] = {f.name: f for f in (
    NotesFormat("md", "Markdown folder (one file per note, for a notes vault)", "",
                export_markdown_folder),
    NotesFormat("md-single", "Single Markdown file", ".md", export_markdown_single),
    NotesFormat("json", "JSON (documented, versioned)", ".json", export_notes_json),
    NotesFormat("csv", "CSV spreadsheet (Letterboxd-style columns)", ".csv",
                export_notes_csv),
    NotesFormat("html", "Web page (prints well)", ".html", export_notes_html),
)}


def export_notes(format_name: str, out: Path | str, scope: NoteScope = ALL_NOTES,
                 progress: Progress | None = None) -> int:
    """Export the notes in `scope` to `out` in the named format; return how many."""
    return NOTES_FORMATS[format_name].export(Path(out), scope, progress)
