"""Child process for the kill -9 test: an editor that keeps typing and autosaving.

Run as `python -m tests.desktop_app.note_kill_child LIBRARY`. It cycles through every note of
the library, appends fixed-width words to the editor (as typing would), lets the autosave run
every few milliseconds and moves to the next note now and then (which saves at once). It
prints "saved" after each confirmed save so the parent knows saves are in flight; the parent
kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db.database import open_library
from db.note_listing import list_notes
from db.notes import NoteTarget
from desktop_app.ui.note_editor import NoteEditor

WORD_WIDTH = 8
WORDS_PER_VISIT = 40


def seed_text(target: NoteTarget) -> str:
    return f"Notes on {target.kind} {target.id}.\n"


def word(index: int) -> str:
    return f"w{index:06d} "  # WORD_WIDTH characters


def expected_words(body: str, target: NoteTarget) -> int | None:
    """How many words `body` holds if it is a valid state of the note, else None."""
    seed = seed_text(target)
    if not body.startswith(seed):
        return None
    rest = body[len(seed):]
    count, remainder = divmod(len(rest), WORD_WIDTH)
    if remainder or rest != "".join(word(i) for i in range(count)):
        return None
    return count


def main() -> None:
    app = QApplication([])
    open_library(Path(sys.argv[1]))
    targets = [row.target for row in list_notes(limit=1000)]
    editor = NoteEditor(autosave_ms=3)
    editor.noteSaved.connect(lambda _note: print("saved", flush=True))
    editor.show()
    state = {"visit": 0, "typed": 0}

    def visit_next() -> None:
        target = targets[state["visit"] % len(targets)]
        state["visit"] += 1
        state["typed"] = 0
        editor.set_target(target)  # saves the note we leave, at once

    def type_a_word() -> None:
        target = editor.target()
        assert target is not None
        count = expected_words(editor.body.toPlainText(), target)
        assert count is not None, "the editor holds a body the test cannot explain"
        editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
        editor.body.insertPlainText(word(count))
        state["typed"] += 1
        if state["typed"] >= WORDS_PER_VISIT:
            visit_next()

    visit_next()
    typing = QTimer(interval=1)
    typing.timeout.connect(type_a_word)
    typing.start()
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
