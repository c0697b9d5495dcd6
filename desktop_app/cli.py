"""The command line: argument parsing and the headless sub-commands. Imports no Qt.

Exit codes: 0 success, 1 failure (the reason on one stderr line), 2 usage error; `search`
follows grep instead (0 found, 1 nothing found, 2 usage error or failure). 141 when the
program reading our output stopped (`| head -1`), as for a program the pipe's signal ends.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__
from desktop_app.app import DEFAULT_WAIT_S, LIBRARY_OPTION, WAIT_OPTION
from desktop_app.commands import COMMANDS
from desktop_app.paths import resolve_library_path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
# The window's options (--library, --wait) are defined in app.py, which reads them without
# this module when they are all the command line holds.
EXIT_BROKEN_PIPE = 128 + 13  # 128 + SIGPIPE, what a shell reports for `yes | head -1`


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every error gets our one-line format."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="showshelf", description="Browse your TV-series library. With no "
                     "command, opens the window.")
    parser.add_argument("--version", action="version", version=f"showshelf {__version__}")
    parser.add_argument(LIBRARY_OPTION, metavar="PATH",
                        help="library file (default: $SHOWSHELF_LIBRARY, else the user data "
                             "folder)")
    parser.add_argument(WAIT_OPTION, metavar="SECONDS", type=float, default=DEFAULT_WAIT_S,
                        help="how long to wait for a library another program is writing "
                             f"(default {DEFAULT_WAIT_S:g})")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND",
                                       parser_class=_Parser)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


# The top-level options that take a value: a word after one of them is not the command.
VALUE_OPTIONS = (LIBRARY_OPTION, WAIT_OPTION)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(arrange_command_words(argv))


def arrange_command_words(argv: Sequence[str]) -> list[str]:
    """`argv` with the words after `search` arranged so its query may start with '-'."""
    from desktop_app.commands.search import arrange_arguments

    words = list(argv)
    position = 0
    while position < len(words):
        word = words[position]
        if word == "--" or not word.startswith("-"):
            break
        # --library PATH (or an abbreviation argparse accepts, --lib PATH) takes the next word
        if "=" not in word and len(word) > 2 \
                and any(option.startswith(word) for option in VALUE_OPTIONS):
            position += 1
        position += 1
    if position < len(words) and words[position] == "search":
        words[position + 1:] = arrange_arguments(words[position + 1:])
    return words


def library_path(args: argparse.Namespace) -> Path:
    """The library file the arguments name; creates the default data folder when missing."""
    path, is_default = resolve_library_path(args.library)
    if is_default:
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; expected failures become one line on stderr and exit 1."""
    from db.database import close_library
    from db.errors import ShowshelfError

    try:
        return int(args.run(args, library_path(args)))
    except ShowshelfError as error:
        print(f"showshelf: {error}", file=sys.stderr)
        return getattr(args, "failure_exit", EXIT_FAILURE)
    except BrokenPipeError:
        # Whoever read our output has stopped (`showshelf search x | head -1`): nothing is
        # wrong and nothing is left half-done (output is the last thing a command does).
        # Standard output goes to /dev/null so the exit's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("showshelf: interrupted; nothing was half-written", file=sys.stderr)
        return 130
    finally:
        close_library()
