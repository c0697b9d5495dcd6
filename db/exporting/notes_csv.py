"""Notes as CSV with the columns a Letterboxd user knows: Title, Year, Rating, Status, Tags,
Updated, Note. Rating is stars out of five (half-stars allowed), as Letterboxd counts them.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as
a formula; such cells get a leading apostrophe so the note stays text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from db.exporting.notes_common import STATUS_WORDS, Progress, exported_notes, five_star_rating
from db.fileio import write_file_atomically
from db.note_listing import ALL_NOTES, NoteScope

CSV_HEADER = ("Title", "Year", "Rating", "Status", "Tags", "Updated", "Note")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def export_notes_csv(path: Path | str, scope: NoteScope = ALL_NOTES,
                     progress: Progress | None = None) -> int:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(CSV_HEADER)
    count = 0
    for note in exported_notes(scope, progress, destination=path):
        row = note.row
        cells = (row.label(), "" if row.year is None else str(row.year),
                 five_star_rating(row.rating), STATUS_WORDS.get(row.status or "", ""),
                 ", ".join(row.tags), row.updated[:10], row.body)
        writer.writerow([neutralise(cell) for cell in cells])
        count += 1
    write_file_atomically(path, buffer.getvalue().encode("utf-8"))
    return count
