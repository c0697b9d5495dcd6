"""Headless sub-commands. Each module has add_parser(subparsers) and sets `run` on its parser.

run(args, library_path) -> exit code. None of them imports Qt.
"""

from desktop_app.commands import check, index, library_io, notes, search

COMMANDS = (library_io, check, index, notes, search)
