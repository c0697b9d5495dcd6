"""Child of bench_notes: type into a 100 KB note in the window while autosave runs; report
UI-thread stalls.

`python -m tests.benchmarks.notes_autosave_probe LIBRARY` (a scratch copy: it writes).
A 1 ms heartbeat timer runs on the UI thread; any gap between its ticks longer than the
interval is time the UI thread could not answer input or paint. Typing comes in bursts of
real key presses with pauses longer than the autosave delay, so saves of the whole 100 KB
text (with their search-index triggers) happen between and during bursts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from db.database import open_library
from db.models import Series
from db.notes import NoteState, NoteTarget, save_note
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.note_editor import AUTOSAVE_DELAY_MS, NoteEditor
from tests.benchmarks.gui_probe import report

NOTE_BYTES = 100 * 1024
BURSTS = 6
KEYS_PER_BURST = 25
KEY_INTERVAL_MS = 40  # a quick typist: 25 characters a second
PAUSE_MS = AUTOSAVE_DELAY_MS + 400  # long enough for the autosave to fire and finish
HEARTBEAT_MS = 1


def _long_note() -> str:
    line = "A line of notes about the season, the cast and the pacing of episode six.\n"
    return (line * (NOTE_BYTES // len(line) + 1))[:NOTE_BYTES]


def main() -> None:
    app = QApplication([])
    open_library(Path(sys.argv[1]))
    series_id = Series.select(Series.id).order_by(Series.id).first().id
    target = NoteTarget("series", series_id)
    save_note(target, NoteState(_long_note()))
    settings = QSettings(str(Path(sys.argv[1]).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(Path(sys.argv[1]), settings)  # the real window: list, pages, notes
    window.resize(1280, 800)
    window.show()
    window.open_series(series_id)
    editor: NoteEditor = window.notes.series_editor  # type: ignore[attr-defined]
    assert editor.target() == target
    editor.body.setFocus()
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)

    gaps: list[float] = []
    saves: list[int] = []
    save_ms: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    original_save_now = editor.save_now

    def timed_save_now() -> None:  # the UI-thread share of each save
        started = time.perf_counter()
        original_save_now()
        save_ms.append((time.perf_counter() - started) * 1000)

    editor.save_now = timed_save_now  # type: ignore[method-assign]
    editor._timer.timeout.disconnect()
    editor._timer.timeout.connect(timed_save_now)
    editor.noteSaved.connect(lambda _note: saves.append(1))

    heartbeat = QTimer(interval=HEARTBEAT_MS)
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)
    typed = [0]

    def type_key() -> None:
        QTest.keyClick(editor.body, Qt.Key.Key_A if typed[0] % 7 else Qt.Key.Key_Space)
        typed[0] += 1
        if typed[0] >= BURSTS * KEYS_PER_BURST:
            typing.stop()
            QTimer.singleShot(PAUSE_MS, finish)
        elif typed[0] % KEYS_PER_BURST == 0:
            typing.stop()
            QTimer.singleShot(PAUSE_MS, typing.start)

    def finish() -> None:
        heartbeat.stop()
        editor.flush()
        stalls = sorted(max(0.0, gap - HEARTBEAT_MS) for gap in gaps[1:])
        report({"max_stall_ms": stalls[-1], "p99_stall_ms": stalls[int(len(stalls) * 0.99)],
                "beats": len(gaps), "saves": len(saves), "keys": typed[0],
                "max_save_call_ms": max(save_ms or [0.0]),
                "note_chars": len(editor.body.toPlainText())})
        window.close()
        app.quit()

    typing = QTimer(interval=KEY_INTERVAL_MS)
    typing.setTimerType(Qt.TimerType.PreciseTimer)
    typing.timeout.connect(type_key)
    QTimer.singleShot(200, lambda: (heartbeat.start(), typing.start()))
    app.exec()


if __name__ == "__main__":
    main()
