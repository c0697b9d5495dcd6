"""`export library` and `import FILE`: the whole library as JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.errors import library_errors
from db.seed import open_or_create_library
from desktop_app.commands import notes


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="write the library or your notes to files")
    export_kinds = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    library = export_kinds.add_parser("library", help="the whole library as JSON")
    library.add_argument("--format", choices=["json"], default="json")
    library.add_argument("--out", required=True, metavar="FILE", type=Path)
    library.set_defaults(run=run_export_library)
    notes.add_export_parser(export_kinds)

    importer = subparsers.add_parser("import", help="read a library JSON file, or a folder of "
                                     "Markdown notes exported earlier, into the library")
    importer.add_argument("file", metavar="PATH", type=Path)
    importer.set_defaults(run=run_import)


def run_export_library(args: argparse.Namespace, library: Path) -> int:
    from db.exporting.library_json import export_library_json

    open_or_create_library(library, busy_timeout=args.wait)
    with library_errors(library):
        export_library_json(args.out)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace, library: Path) -> int:
    from db.importing.library_json import read_library_file
    from db.importing.library_writer import write_library

    if args.file.is_dir():
        return notes.run_import_markdown_folder(args, library)
    document = read_library_file(args.file)  # a bad file fails before the library is touched
    open_or_create_library(library, busy_timeout=args.wait)
    with library_errors(library):
        summary = write_library(document, str(args.file))
    print(f"imported {args.file}: {summary.describe()}", file=sys.stderr)
    return 0
