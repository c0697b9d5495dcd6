"""The store on its own: opening a big library and counting it, as the window's start-up does.

Targets come from the start-up budget: the window may take at most 1.25× a bare Qt window's
start (~250-400 ms here, so ~60-100 ms of our own work), and opening plus counting must leave
most of that to the list and the first page of rows.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from db.database import close_library, open_library
from db.queries import library_counts
from tests.benchmarks.harness import BenchContext, Figure, percentiles

# Repetitions per timing: enough for a stable p95, few enough to keep the run short.
RUNS = 30
OPEN_TARGET_MS = 20.0
COUNTS_TARGET_MS = 30.0


def _time_ms(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _open_and_close(path: Path) -> None:
    open_library(path, read_only=True)
    close_library()


def _build_seconds(path: Path) -> float | None:
    """How long the cached library took to generate, from the note written beside it."""
    report = path.with_name(path.stem + ".build.json")
    if not report.exists():
        return None
    return float(json.loads(report.read_text(encoding="utf-8"))["seconds"])


def run(context: BenchContext) -> list[Figure]:
    path = context.library_path()
    open_p50, open_p95, _ = percentiles(_time_ms(lambda: _open_and_close(path)))
    open_library(path, read_only=True)
    try:
        # The first call after opening pays for reading the pages, as the window's does.
        first = _time_ms(library_counts, runs=1)[0]
        counts_p50, counts_p95, _ = percentiles(_time_ms(library_counts))
    finally:
        close_library()
    figures = [
        Figure("open library p50", open_p50, "ms", None),
        Figure("open library p95", open_p95, "ms", OPEN_TARGET_MS),
        Figure("library_counts, first call", first, "ms", None),
        Figure("library_counts p50", counts_p50, "ms", None),
        Figure("library_counts p95", counts_p95, "ms", COUNTS_TARGET_MS),
        Figure("file size", path.stat().st_size / 1e6, "MB", None),
    ]
    build = _build_seconds(path)
    if build is not None:
        figures.append(Figure("synthetic generation (when cached)", build, "s", None))
    return figures
