"""Entry point: parse arguments, run a headless command, or open the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# The options that may come with no command, i.e. with the window.
LIBRARY_OPTION = "--library"
WAIT_OPTION = "--wait"
DEFAULT_WAIT_S = 5.0


@dataclass(frozen=True)
class WindowOptions:
    library: Path
    wait: float


def window_options(argv: Sequence[str]) -> WindowOptions | None:
    """The window's options when `argv` asks for the window and nothing else, else None.

    Opening the window is the common case, and building the full command line (every command
    module, argparse) costs more than a tenth of a second; anything this does not recognise
    (a command, --help, a misspelt option, a bad value) goes to the full parser instead, which
    explains it.
    """
    values = {LIBRARY_OPTION: "", WAIT_OPTION: ""}
    items = list(argv)
    while items:
        item = items.pop(0)
        name, equals, value = item.partition("=")
        if name not in values or values[name]:
            return None
        if not equals:
            if not items:
                return None
            value = items.pop(0)
        if not value:
            return None
        values[name] = value
    try:
        wait = float(values[WAIT_OPTION]) if values[WAIT_OPTION] else DEFAULT_WAIT_S
    except ValueError:
        return None
    from desktop_app.paths import resolve_library_path

    library, is_default = resolve_library_path(values[LIBRARY_OPTION] or None)
    if is_default:
        library.parent.mkdir(parents=True, exist_ok=True)
    return WindowOptions(library, wait)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window = window_options(argv)
    if window is not None:
        from desktop_app.gui import run_gui  # Qt is imported only when a window is wanted

        return run_gui(window.library, busy_timeout=window.wait)
    from desktop_app.cli import EXIT_USAGE, UsageError, library_path, parse_args, run_command

    try:
        args = parse_args(argv)
    except UsageError as error:
        print(f"showshelf: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as done:  # --help and --version print and exit 0
        return int(done.code or 0)
    if args.command is not None:
        return run_command(args)
    from desktop_app.gui import run_gui

    return run_gui(library_path(args), busy_timeout=args.wait)
