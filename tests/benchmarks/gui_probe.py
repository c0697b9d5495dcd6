"""The child's side of `harness.run_gui_probe`: time to first paint and memory, as JSON.

A probe script builds its window, wraps the widget whose painting counts in
`FirstPaintProbe(widget, ready=...)`, shows the window and runs the event loop. On the first
paint of that widget while `ready()` holds, the probe waits for the paint to finish (the next
turn of the event loop), prints one report line for the parent and quits. Both the bare-window
baseline and the app's probe use this, so their numbers are comparable.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.benchmarks.harness import PROBE_MARKER, PROBE_START_ENV

# Taken when this module is imported: the gap from the spawn is Python + Qt start-up.
IMPORTED_NS = time.monotonic_ns()
# A window that has not painted in this long will not; fail instead of hanging the run.
WATCHDOG_MS = 120_000


def start_ns() -> int:
    """When the parent spawned us (CLOCK_MONOTONIC ns); our import time if run by hand."""
    return int(os.environ.get(PROBE_START_ENV, IMPORTED_NS))


def memory_mb() -> dict[str, float]:
    """Resident memory now (VmRSS) and at its peak (VmHWM), in MB, from /proc/self/status."""
    values: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024  # the kernel reports kB
    return {"rss_mb": values["VmRSS"], "peak_rss_mb": values["VmHWM"]}


def report(values: dict[str, Any]) -> None:
    print(PROBE_MARKER + json.dumps(values), flush=True)


def _elapsed_ms(moment_ns: int) -> float:
    return (moment_ns - start_ns()) / 1e6


class FirstPaintProbe(QObject):
    """Reports how long after the spawn `widget` first finished painting, then quits."""

    def __init__(self, widget: QWidget, *, ready: Callable[[], bool] = lambda: True,
                 extra: Callable[[], dict[str, Any]] | None = None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._ready = ready
        self._extra = extra
        self._paint_started_ns: int | None = None
        widget.installEventFilter(self)
        self._watchdog = QTimer(self, singleShot=True, interval=WATCHDOG_MS)
        self._watchdog.timeout.connect(self._give_up)
        self._watchdog.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._widget and event.type() == QEvent.Type.Paint
                and self._paint_started_ns is None and self._ready()):
            self._paint_started_ns = time.monotonic_ns()
            # The paint itself runs after this filter returns; a zero timer fires once it
            # and the flush to the screen are done.
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        painted_ns = time.monotonic_ns()
        assert self._paint_started_ns is not None
        values: dict[str, Any] = {
            "first_paint_ms": _elapsed_ms(painted_ns),
            "paint_started_ms": _elapsed_ms(self._paint_started_ns),
            "imported_ms": _elapsed_ms(IMPORTED_NS),
            **memory_mb(),
        }
        if self._extra is not None:
            values.update(self._extra())
        report(values)
        self._watchdog.stop()
        QApplication.quit()

    def _give_up(self) -> None:
        print(f"probe: no paint within {WATCHDOG_MS} ms", file=sys.stderr, flush=True)
        QApplication.exit(1)
