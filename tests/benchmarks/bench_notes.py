"""Notes: exporting 10,000 notes to a Markdown folder, and autosave while typing.

Targets from issue 6: the Markdown folder export of 10,000 notes in at most 2 s; autosaving a
100 KB note while typing never blocks the UI thread for more than 16 ms (one frame at 60 Hz).
The export is timed in this process on the synthetic library; the autosave runs in a child
GUI process on a scratch copy of it (it writes), measured with a 1 ms UI-thread heartbeat.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from db.database import close_library, open_library
from db.exporting.notes_formats import NOTES_FORMATS, export_notes
from db.note_listing import NoteScope, count_scope
from tests.benchmarks.harness import BenchContext, Figure, run_gui_probe

EXPORT_TARGET_S = 2.0
STALL_TARGET_MS = 16.0
EXPORT_RUNS = 3


def _export_seconds(format_name: str, folder: Path, runs: int) -> list[float]:
    samples = []
    for run in range(runs):
        out = folder / f"{format_name}-{run}"
        if NOTES_FORMATS[format_name].suffix:
            out = out.with_suffix(NOTES_FORMATS[format_name].suffix)
        started = time.perf_counter()
        export_notes(format_name, out, NoteScope())
        samples.append(time.perf_counter() - started)
    return samples


def _scratch_copy(source: Path, folder: Path) -> Path:
    """A copy through SQLite's backup API (never a file copy of a database)."""
    target = folder / "autosave.sqlite"
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader, \
            sqlite3.connect(target) as writer:
        reader.backup(writer)
    return target


def run(context: BenchContext) -> list[Figure]:
    path = context.library_path(notes=context.notes)
    figures: list[Figure] = []
    folder = Path(tempfile.mkdtemp(prefix="showshelf-bench-notes-"))
    try:
        open_library(path, read_only=True)
        try:
            notes = count_scope(NoteScope())
            context.progress(f"exporting {notes:,} notes")
            md = _export_seconds("md", folder, EXPORT_RUNS)
            figures.append(Figure(f"export {notes:,} notes to Markdown folder (median)",
                                  statistics.median(md), "s", EXPORT_TARGET_S))
            for name in ("md-single", "json", "csv", "html"):
                seconds = statistics.median(_export_seconds(name, folder, 1))
                figures.append(Figure(f"export {notes:,} notes as {name}", seconds, "s", None))
        finally:
            close_library()
        context.progress("copying the library for the autosave probe")
        scratch = _scratch_copy(path, folder)
        context.progress("typing into a 100 KB note with autosave (child process)")
        probe = run_gui_probe("tests.benchmarks.notes_autosave_probe", [str(scratch)])
        figures += [
            Figure("autosave 100 KB note while typing: longest UI-thread stall",
                   probe["max_stall_ms"], "ms", STALL_TARGET_MS),
            Figure("  p99 UI-thread stall", probe["p99_stall_ms"], "ms", None),
            Figure("  longest UI-thread part of one save", probe["max_save_call_ms"], "ms",
                   None),
            Figure("  saves completed during the run", probe["saves"], "x", 1,
                   better="higher"),
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures
