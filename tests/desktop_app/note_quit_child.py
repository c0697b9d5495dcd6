"""Child process for the quit test: types into a note, then quits before the autosave delay.

Run as `python -m tests.desktop_app.note_quit_child LIBRARY TEXT`. The editor has the real
one-second delay, so only the save on app quit can have stored TEXT by the time it exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from db.database import open_library
from db.models import Series
from db.notes import NoteTarget
from desktop_app.ui.note_editor import NoteEditor


def main() -> None:
    app = QApplication([])
    open_library(Path(sys.argv[1]))
    editor = NoteEditor()
    editor.show()
    editor.set_target(NoteTarget("series", Series.get(Series.key == "test-show").id))
    editor.body.setFocus()
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    QTest.keyClicks(editor.body, sys.argv[2])
    QTimer.singleShot(0, app.quit)
    app.exec()


if __name__ == "__main__":
    main()
