"""`export notes …`, `note TITLE …` and the Markdown-folder side of `import PATH`. No Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.errors import library_errors
from db.seed import open_or_create_library

STATUS_CHOICES = ("plan", "watching", "watched", "dropped", "none")


def add_export_parser(export_kinds: argparse._SubParsersAction) -> None:
    """`export notes`: registered under the `export` command that library_io defines."""
    from db.exporting.notes_formats import NOTES_FORMATS

    notes = export_kinds.add_parser("notes", help="your notes as Markdown, JSON, CSV or HTML")
    notes.add_argument("--format", choices=list(NOTES_FORMATS), default="md",
                       help="md: a folder, one file per note; md-single: one Markdown file; "
                            "json, csv, html: one file (default md)")
    notes.add_argument("--out", required=True, metavar="PATH", type=Path,
                       help="the folder (md) or file to write")
    notes.add_argument("--query", metavar="QUERY",
                       help="only the notes of the series this search finds (and of their "
                            "characters)")
    notes.set_defaults(run=run_export_notes)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    note = subparsers.add_parser(
        "note", help="add to or change your note on a series, person or character",
        description="TITLE is a series title, a person's name or a character's name (any "
                    "case); add the year, 'Title (2018)', or the series, 'Character (Series)', "
                    "when several share it, or the kind in front, 'person:Name'. When a name "
                    "is ambiguous the error says what to type for each one.")
    note.add_argument("title", metavar="TITLE")
    note.add_argument("--rating", type=int, metavar="R", choices=range(0, 11),
                      help="1–10 (ten half-stars: 7 is three and a half stars); 0 clears it")
    note.add_argument("--status", choices=STATUS_CHOICES, help="watch status; none clears it")
    note.add_argument("--tag", action="append", default=[], metavar="T",
                      help="add a tag (repeat for several)")
    note.add_argument("--append", metavar="TEXT", help="add a paragraph to the note's text")
    note.set_defaults(run=run_note)


def run_export_notes(args: argparse.Namespace, library: Path) -> int:
    from db.exporting.notes_formats import export_notes
    from db.note_listing import NoteScope

    open_or_create_library(library, busy_timeout=args.wait)
    scope = NoteScope(query=args.query) if args.query else NoteScope()
    with library_errors(library):
        count = export_notes(args.format, args.out, scope)
    print(f"wrote {count} notes to {args.out}", file=sys.stderr)
    return 0


def run_import_markdown_folder(args: argparse.Namespace, library: Path) -> int:
    from db.importing.notes_markdown import import_markdown_folder, read_markdown_folder

    read_markdown_folder(args.file)  # a bad folder fails before the library is touched
    open_or_create_library(library, busy_timeout=args.wait)
    with library_errors(library):
        summary = import_markdown_folder(args.file)
    print(f"imported {args.file}: {summary.describe()}", file=sys.stderr)
    for name, why in summary.unmatched:
        print(f"  not imported: {name}: {why}", file=sys.stderr)
    return 0


def run_note(args: argparse.Namespace, library: Path) -> int:
    from dataclasses import replace

    from db.notes import NoteState, load_note, resolve_target, save_note, target_info

    open_or_create_library(library, busy_timeout=args.wait)
    with library_errors(library):
        target = resolve_target(args.title)
        current = load_note(target)
        state = current.state if current is not None else NoteState()
        if args.rating is not None:
            state = replace(state, rating=args.rating or None)
        if args.status is not None:
            state = replace(state, status=None if args.status == "none" else args.status)
        if args.tag:
            state = replace(state, tags=(*state.tags, *args.tag))
        if args.append:
            body = state.body.rstrip("\n")
            state = replace(state, body=f"{body}\n\n{args.append}" if body else args.append)
        result = save_note(target, state)
        label = target_info(target).label()
    if result.note is None:
        print(f"{label}: no note (nothing to save)", file=sys.stderr)
    elif result.changed:
        print(f"saved your note on {target.kind} {label}", file=sys.stderr)
    else:
        print(f"your note on {target.kind} {label} is unchanged", file=sys.stderr)
    return 0
