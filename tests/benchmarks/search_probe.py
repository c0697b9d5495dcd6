"""The app's side of the search benchmark, run in a fresh process by bench_search.py.

`python tests/benchmarks/search_probe.py LIBRARY` starts Showshelf as `showshelf` does, waits
for the first painted list, then types every query of search_queries.TYPED_QUERIES into the
real search field with real key events, one character at a time, and times each keystroke:

    key press and release delivered to the field (text, completer, search timer restarted)
    → the search timer's slot, MainWindow.apply_search, called at once (the timer's interval,
      0 ms since keystrokes no longer wait, is reported as `debounce_ms`; an event loop turn
      that a zero timer waits for is not counted)
    → the list model reset, the list's viewport repainted: `repaint()` at once, which runs the
      paint the reset asked for (through every filter on the viewport, such as the search
      marks) instead of at the next turn of the event loop, so the end is exact.

Reported per keystroke: the text after it, the whole time and its parts (key event, search and
model reset, repaint), the UI thread's CPU time for it (what the keystroke costs when other
programs do not compete for the processor), and the time until the UI thread has nothing left
queued (work deferred past the repaint, such as the detail page's highlights, still delays the
next keystroke).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.benchmarks.gui_probe import report
from tests.benchmarks.search_queries import TYPED_QUERIES

SEARCH_PROBE = Path(__file__).resolve()
# Each query is typed this many times: the first pass also warms SQLite's page cache.
PASSES = 2
# Repaints timed for the floor figures.
REPAINTS = 30


def _until_idle(app: QApplication) -> None:
    """Run what the keystroke left queued (zero-delay timers such as the pages' highlights)."""
    for _ in range(3):
        app.processEvents()


def _repaints(app: QApplication, window: object, text: str) -> list[float]:
    """ms of repainting the list's viewport as it is (rows already read), with `text` searched:
    the floor under every keystroke, which only paints faster if Qt does."""
    from desktop_app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.search_field.setText(text)
    window.apply_search()
    app.processEvents()
    viewport = window.series_table.viewport()
    samples = []
    for _ in range(REPAINTS):
        started = time.perf_counter()
        viewport.repaint()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    library = Path(sys.argv[1])
    from desktop_app.gui import configure_application, open_library_window

    app = configure_application()
    window = open_library_window(library, busy_timeout=5.0)
    if window is None:
        return 1

    def type_everything() -> None:
        from db.search.listing import forget_counts
        from desktop_app.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        field = window.search_field
        viewport = window.series_table.viewport()
        if not viewport.isVisible():
            raise RuntimeError("the list is not shown: nothing would be painted")
        samples: list[dict[str, object]] = []
        field.setFocus()
        for pass_number in range(PASSES):
            for query in TYPED_QUERIES:
                field.clear()
                window.apply_search()
                _until_idle(app)
                for char in query:
                    forget_counts()  # as typed afresh: the first pass must not help the second
                    started, started_cpu = time.perf_counter(), time.thread_time()
                    QTest.keyClick(field, char)
                    keyed = time.perf_counter()
                    window.search_timer.stop()  # its slot, now: see the module docstring
                    window.apply_search()
                    searched = time.perf_counter()
                    # The paint the reset asked for, now rather than at the next turn of the
                    # event loop, through every filter on the viewport (search marks included).
                    viewport.repaint()
                    done, done_cpu = time.perf_counter(), time.thread_time()
                    _until_idle(app)
                    idle = time.perf_counter()
                    if pass_number == PASSES - 1:
                        samples.append({"text": field.text(), "ms": (done - started) * 1000,
                                        "key_ms": (keyed - started) * 1000,
                                        "search_ms": (searched - keyed) * 1000,
                                        "paint_ms": (done - searched) * 1000,
                                        "idle_ms": (idle - started) * 1000,
                                        "cpu_ms": (done_cpu - started_cpu) * 1000,
                                        "rows": window.series_model.rowCount()})
        floor = {"plain": _repaints(app, window, ""), "marked": _repaints(app, window, "harbour")}
        report({"samples": samples, "repaint_ms": floor,
                "debounce_ms": window.search_timer.interval()})
        app.quit()

    QTimer.singleShot(300, type_everything)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
