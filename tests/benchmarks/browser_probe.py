"""The app's side of the browser benchmark, run in a fresh process by bench_browser.py.

`python tests/benchmarks/browser_probe.py LIBRARY start` starts Showshelf the way
`showshelf --library LIBRARY` does (desktop_app.app.window_options, then
desktop_app.gui.prepare_window: the Qt check, the application, the library, the window) and
reports the first painted list, like bare_window.py does for a bare window.
`... LIBRARY interact` then times selecting series (until the detail page is painted) and
scrolling the list from top to bottom, frame by frame.

Settings are isolated by the parent (XDG_CONFIG_HOME points at a fresh folder), so every start
is a first start with nothing to restore.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.app import LIBRARY_OPTION
from tests.benchmarks.gui_probe import FirstPaintProbe, report

BROWSER_PROBE = Path(__file__).resolve()
# Samples: enough for a stable p95 and a fair maximum, few enough for a short run.
ARROW_SELECTIONS = 150
JUMP_SELECTIONS = 150
THUMB_STEPS = 300  # scroll-bar drag from top to bottom in this many frames
SEED = 7


def _settle(app: QApplication) -> None:
    """Deliver posted events (layout, deferred refits) and the paints they cause."""
    app.processEvents()
    app.processEvents()


def _time_selections(window: object, app: QApplication) -> list[float]:
    from desktop_app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    table = window.series_table
    model = window.series_model
    rng = random.Random(SEED)
    samples: list[float] = []
    table.setFocus()
    _settle(app)
    for _ in range(ARROW_SELECTIONS):  # holding the down arrow
        row = min(table.currentIndex().row() + 1, model.rowCount() - 1)
        started = time.perf_counter()
        table.select_row(row)
        _settle(app)
        samples.append((time.perf_counter() - started) * 1000)
    for _ in range(JUMP_SELECTIONS):  # type-ahead, back/forward: anywhere in the list
        row = rng.randrange(model.rowCount())
        started = time.perf_counter()
        table.select_row(row)
        _settle(app)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _time_scrolling(window: object, app: QApplication) -> tuple[list[float], list[float]]:
    """Frames of (a) dragging the scroll bar top to bottom, (b) paging down a stretch."""
    from desktop_app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    bar = window.series_table.verticalScrollBar()
    bar.setValue(0)
    _settle(app)
    drag: list[float] = []
    for step in range(1, THUMB_STEPS + 1):
        started = time.perf_counter()
        bar.setValue(round(bar.maximum() * step / THUMB_STEPS))
        _settle(app)
        drag.append((time.perf_counter() - started) * 1000)
    bar.setValue(bar.maximum() // 2)
    _settle(app)
    paging: list[float] = []
    for _ in range(THUMB_STEPS):
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        _settle(app)
        paging.append((time.perf_counter() - started) * 1000)
    return drag, paging


def main() -> int:
    library, mode = Path(sys.argv[1]), sys.argv[2]
    # The path `showshelf --library LIBRARY` takes (desktop_app.app.main → run_gui), up to
    # the window's show(), which the probe does itself once it watches the first paint.
    from desktop_app.app import window_options
    from desktop_app.gui import prepare_window

    options = window_options([LIBRARY_OPTION, str(library)])
    assert options is not None
    window = prepare_window(options.library, busy_timeout=options.wait)
    if window is None:
        return 1
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def interact() -> dict[str, object]:
        selections = _time_selections(window, app)
        drag, paging = _time_scrolling(window, app)
        return {"rows": window.series_model.rowCount(), "select_ms": selections,
                "drag_frames_ms": drag, "page_frames_ms": paging}

    if mode == "start":
        FirstPaintProbe(window.series_table.viewport(),
                        ready=lambda: window.series_model.rowCount() > 0,
                        extra=lambda: {"rows": window.series_model.rowCount()})
    else:
        def run_interaction() -> None:
            report(interact())
            app.quit()

        QTimer.singleShot(300, run_interaction)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
