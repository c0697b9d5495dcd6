"""Typing into a note editor the way a user does, shared by the note tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.ui.note_editor import NoteEditor


def type_at_end(qtbot: QtBot, editor: NoteEditor, text: str) -> None:
    """Focus the editor's text, put the cursor at its end and type `text` key by key."""
    editor.body.setFocus()
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.body, text)
