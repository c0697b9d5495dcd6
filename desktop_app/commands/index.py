"""`rebuild-index`: rebuild the search index from the library's tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.database import open_library, write_transaction
from db.errors import library_errors


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rebuild-index", help="rebuild the search index (when 'check' says it is out of date)")
    parser.set_defaults(run=run_rebuild_index)


def run_rebuild_index(args: argparse.Namespace, library: Path) -> int:
    from db.search.index import rebuild_index

    open_library(library, busy_timeout=args.wait)
    with library_errors(library), write_transaction():
        indexed = rebuild_index()
    print(f"{library}: search index rebuilt ({indexed:,} series)")
    return 0
