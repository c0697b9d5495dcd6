"""`python -m tests.benchmarks [NAME ...] [--series N] [--notes N]` (what `make bench` runs)."""

from __future__ import annotations

import argparse
import sys

from tests.benchmarks.harness import BenchContext, available_modules, run
from tests.benchmarks.synthetic import DEFAULT_SERIES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description="Run Showshelf's benchmarks and print each figure against its target.")
    parser.add_argument("modules", nargs="*", metavar="NAME",
                        help="benchmarks to run (default: all of "
                             f"{', '.join(available_modules())})")
    parser.add_argument("--series", type=int, default=DEFAULT_SERIES,
                        help=f"series in the synthetic library (default {DEFAULT_SERIES:,}; "
                             "smaller while developing)")
    parser.add_argument("--notes", type=int, default=10_000,
                        help="notes for benchmarks that need them (default 10,000)")
    args = parser.parse_args(argv)
    if args.series < 1 or args.notes < 0:
        parser.error("--series must be at least 1 and --notes at least 0")
    return run(args.modules, BenchContext(series=args.series, notes=args.notes))


if __name__ == "__main__":
    sys.exit(main())
