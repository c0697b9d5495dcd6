"""Search as you type at full size: each keystroke until the list is updated and repainted.

Queries (search_queries.py) are typed character by character into the real window's search
field in a child process (search_probe.py, offscreen). A keystroke's time runs from the key
event to the end of the list viewport's repaint after the model reset; the search timer's slot
is called at once and the timer's interval (0 ms: the app no longer waits for a pause in the
typing) reported on its own. Keystrokes are
grouped by what the field holds afterwards: 1, 2, 3, 4 characters, whole words, field queries,
negations. The db-only figures time the same texts through the two calls a model reset makes
(capped count, first page) without Qt.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import BenchContext, Figure, percentiles, run_gui_probe
from tests.benchmarks.search_probe import SEARCH_PROBE
from tests.benchmarks.search_queries import CLASSES, TYPED_QUERIES, keystroke_class, typed_texts

P50_TARGET_MS = 16.0  # one frame at 60 Hz
P95_TARGET_MS = 33.0  # two frames
# Passes over the typed texts for the db-only figures; the first warms the page cache.
DB_PASSES = 2


def _copy(source: Path, destination: Path) -> None:
    """A private copy through the backup API (the app opens its library for writing)."""
    with sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True) as reader, \
            sqlite3.connect(destination) as writer:
        reader.backup(writer)
    reader.close()
    writer.close()


def _db_samples(library: Path) -> dict[str, list[float]]:
    """Per class: ms for the capped count and the first page of each typed text."""
    from db.database import close_library, open_library
    from db.queries import SeriesListView, series_count_upto, series_page
    from db.search.listing import forget_counts
    from desktop_app.ui.series_model import PAGE_SIZE, SEARCH_COUNT_CAP

    open_library(library, read_only=True)
    samples: dict[str, list[float]] = defaultdict(list)
    try:
        for pass_number in range(DB_PASSES):
            for query in TYPED_QUERIES:
                for text in typed_texts(query):
                    view = SeriesListView(search=text, relevance=True)
                    forget_counts()
                    started = time.perf_counter()
                    series_count_upto(view, SEARCH_COUNT_CAP)
                    series_page(view, 0, PAGE_SIZE)
                    elapsed = (time.perf_counter() - started) * 1000
                    if pass_number == DB_PASSES - 1:
                        samples[keystroke_class(text)].append(elapsed)
    finally:
        close_library()
    return samples


def _gui_samples(report: dict[str, Any]) -> dict[str, list[float]]:
    expected = [text for query in TYPED_QUERIES for text in typed_texts(query)]
    typed = [sample["text"] for sample in report["samples"]]
    if typed != expected:
        raise RuntimeError("the search field did not receive the keys as typed: "
                           f"{next(t for t, e in zip(typed, expected, strict=False) if t != e)!r}")
    samples: dict[str, list[float]] = defaultdict(list)
    for sample in report["samples"]:
        samples[keystroke_class(sample["text"])].append(float(sample["ms"]))
    return samples


def run(context: BenchContext) -> list[Figure]:
    source = context.library_path()
    with tempfile.TemporaryDirectory(prefix="showshelf-bench-") as folder:
        library = Path(folder) / "library.sqlite"
        _copy(source, library)
        context.progress("db-only: counts and first pages of every typed text")
        db = _db_samples(library)
        env = {"XDG_CONFIG_HOME": str(Path(folder) / "config"),
               "XDG_DATA_HOME": str(Path(folder) / "data"), "HOME": folder}
        context.progress(f"typing {len(TYPED_QUERIES)} queries into the window")
        report = run_gui_probe(SEARCH_PROBE, [str(library)], env=env)
    gui = _gui_samples(report)
    figures: list[Figure] = []
    for name in CLASSES:
        p50, p95, worst = percentiles(gui[name])
        figures += [
            Figure(f"keystroke → list repainted, {name}, p50", p50, "ms", P50_TARGET_MS),
            Figure(f"keystroke → list repainted, {name}, p95", p95, "ms", P95_TARGET_MS),
            Figure(f"keystroke → list repainted, {name}, max", worst, "ms", None),
        ]
    for name in CLASSES:
        p50, p95, _ = percentiles(db[name])
        figures += [Figure(f"db only (count + first page), {name}, p50", p50, "ms", None),
                    Figure(f"db only (count + first page), {name}, p95", p95, "ms", None)]
    for part, label in (("key_ms", "part: key event (field, completer)"),
                        ("search_ms", "part: search and model reset"),
                        ("paint_ms", "part: list repaint"),
                        ("cpu_ms", "UI thread CPU time, key → repainted"),
                        ("idle_ms", "keystroke → UI thread idle (deferred work included)")):
        p50, p95, _ = percentiles(float(sample[part]) for sample in report["samples"])
        figures += [Figure(f"{label}, all keys, p50", p50, "ms", None),
                    Figure(f"{label}, all keys, p95", p95, "ms", None)]
    for kind, label in (("plain", "no search"), ("marked", "search 'harbour', words marked")):
        p50, _, _ = percentiles(report["repaint_ms"][kind])
        figures.append(Figure(f"floor: repaint of the list as it is, {label}, p50", p50, "ms",
                              None))
    figures += [
        Figure("keystrokes timed", float(len(report["samples"])), "keys", None),
        Figure("wait before a search runs (timer interval, not in the times above)",
               float(report["debounce_ms"]), "ms", None),
    ]
    return figures
