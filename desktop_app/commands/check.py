"""`check`: is the library sound? Exit 1 with a readable report when it is not."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.database import open_library
from db.errors import library_errors


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="check the library for damage and "
                                                 "inconsistencies")
    parser.set_defaults(run=run_check)


def run_check(args: argparse.Namespace, library: Path) -> int:
    from db.check import check_library

    database = open_library(library, read_only=True, busy_timeout=args.wait)
    with library_errors(library):
        problems = check_library(database)
    if not problems:
        print(f"{library}: no problems found")
        return 0
    print(f"{library}: {len(problems)} problem(s) found:")
    for problem in problems:
        print(f"  - {problem}")
    return 1
