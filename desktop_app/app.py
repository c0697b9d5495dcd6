"""Entry point: parse arguments, run a headless command, or open the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desktop_app.cli import EXIT_USAGE, UsageError, library_path, parse_args, run_command


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse_args(argv)
    except UsageError as error:
        print(f"showshelf: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as done:  # --help and --version print and exit 0
        return int(done.code or 0)
    if args.command is not None:
        return run_command(args)
    from desktop_app.gui import run_gui  # Qt is imported only when a window is wanted

    return run_gui(library_path(args), busy_timeout=args.wait)
