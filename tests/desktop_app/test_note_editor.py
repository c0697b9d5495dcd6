"""The note editor driven with real key presses on a real library (ui/note_editor.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from db.database import close_library, open_library
from db.models import Character, Person, Series
from db.notes import NoteState, NoteTarget, load_note, note_revisions
from desktop_app.ui.history_dialog import HistoryDialog
from desktop_app.ui.note_editor import NoteEditor
from tests.db.notes_helpers import make_notes_library
from tests.desktop_app.note_keys import type_at_end


@pytest.fixture
def library(tmp_path: Path, mini_library_file: Path) -> Iterator[Path]:
    path = make_notes_library(tmp_path, mini_library_file)
    yield path
    close_library()


class Page(QWidget):
    """A stand-in detail page: the editor and another field to move the focus to."""

    def __init__(self) -> None:
        super().__init__()
        self.other = QLineEdit(self)
        self.editor = NoteEditor(self, autosave_ms=60_000)  # only explicit triggers here
        layout = QVBoxLayout(self)
        layout.addWidget(self.other)
        layout.addWidget(self.editor)


@pytest.fixture
def page(qtbot: QtBot, library: Path) -> Iterator[Page]:
    page = Page()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    yield page
    page.editor.shutdown()


def _target(kind: str, key: str) -> NoteTarget:
    model = {"series": Series, "person": Person, "character": Character}[kind]
    return NoteTarget(kind, model.get(model.key == key).id)


def test_typing_then_moving_focus_away_saves(qtbot: QtBot, page: Page) -> None:
    target = _target("person", "cy-creator")
    page.editor.set_target(target)
    assert page.editor.title_label.text() == "My note on Cy Creator"
    type_at_end(qtbot, page.editor, "Writes tight scripts.")
    assert load_note(target) is None  # nothing yet: the delay has not passed
    page.other.setFocus()
    qtbot.waitUntil(lambda: load_note(target) is not None)
    note = load_note(target)
    assert note is not None and note.state.body == "Writes tight scripts."
    qtbot.waitUntil(lambda: "updated" in page.editor.meta_label.text())


def test_navigation_saves_and_restart_finds_the_note(qtbot: QtBot, page: Page,
                                                     library: Path) -> None:
    first, second = _target("person", "cy-creator"), _target("series", "test-show")
    page.editor.set_target(first)
    type_at_end(qtbot, page.editor, "Line one")
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(page.editor.body, "Line two")
    page.editor.set_target(second)  # navigation saves at once
    assert page.editor.body.toPlainText() == "Loved it, *mostly*."
    page.editor.shutdown()
    close_library()
    open_library(library)
    fresh = NoteEditor(autosave_ms=60_000)
    qtbot.addWidget(fresh)
    fresh.set_target(first)
    assert fresh.body.toPlainText() == "Line one\nLine two"
    fresh.shutdown()


def test_autosave_after_typing_stops(qtbot: QtBot, library: Path) -> None:
    editor = NoteEditor(autosave_ms=50)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    target = _target("person", "cy-creator")
    editor.set_target(target)
    type_at_end(qtbot, editor, "quick")
    with qtbot.waitSignal(editor.noteSaved, timeout=5000) as saved:
        pass
    assert saved.args[0].state.body == "quick"
    editor.shutdown()


def test_rating_status_and_tags_from_the_keyboard(qtbot: QtBot, page: Page) -> None:
    target = _target("person", "cy-creator")
    editor = page.editor
    editor.set_target(target)
    editor.rating.setFocus()
    for _ in range(3):
        qtbot.keyClick(editor.rating, Qt.Key.Key_Right)
    assert editor.rating.rating() == 3
    assert editor.rating.text().startswith("★½☆☆☆")
    qtbot.keyClick(editor.rating, Qt.Key.Key_4)
    assert editor.rating.rating() == 8
    editor.status.setFocus()
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    assert editor.status.currentData() == "watching"
    editor.tags.setFocus()
    qtbot.keyClicks(editor.tags, "cri")
    popup = editor.tags._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.tags.text() == "crime"
    qtbot.keyClicks(editor.tags, ", new one")
    page.other.setFocus()
    qtbot.waitUntil(lambda: load_note(target) is not None)
    editor.flush()
    note = load_note(target)
    assert note is not None
    assert note.state == NoteState("", 8, "watching", ("crime", "new one"))


def test_undo_and_redo_within_the_session(qtbot: QtBot, page: Page) -> None:
    page.editor.set_target(_target("person", "cy-creator"))
    type_at_end(qtbot, page.editor, "keep")
    page.editor.flush()  # a save does not break undo
    qtbot.keyClicks(page.editor.body, " this?")
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.body.toPlainText() != "keep this?"
    while page.editor.body.document().isUndoAvailable():
        qtbot.keyClick(page.editor.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.body.toPlainText() == ""
    qtbot.keyClick(page.editor.body, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.editor.body.toPlainText() != ""


def test_history_restores_an_earlier_revision(qtbot: QtBot, page: Page) -> None:
    target = _target("person", "cy-creator")
    editor = page.editor
    editor.set_target(target)
    type_at_end(qtbot, editor, "first version")
    editor.flush()
    editor.body.selectAll()
    qtbot.keyClicks(editor.body, "second version")
    editor.flush()

    def choose_older() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HistoryDialog):  # exec() has not shown it yet
            QTimer.singleShot(10, choose_older)
            return
        assert dialog.list.count() == 2
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
        assert dialog.text.toPlainText() == "first version"
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_older)
    editor.history_button.click()
    assert editor.body.toPlainText() == "first version"
    editor.flush()
    note = load_note(target)
    assert note is not None and note.state.body == "first version"
    assert [r.state.body for r in note_revisions(note.id)] == [
        "first version", "second version", "first version"]
    qtbot.keyClick(editor.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.body.toPlainText() == "second version"  # restoring is undoable


def test_preview_renders_without_html_or_remote_resources(qtbot: QtBot, page: Page) -> None:
    editor = page.editor
    editor.set_target(_target("person", "cy-creator"))
    editor.body.setPlainText("# Title\n\n**bold** <b>raw</b> <script>x()</script>\n\n"
                             "![pic](http://example.invalid/pic.png)")
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.stack.currentWidget() is editor.preview
    shown = editor.preview.toPlainText()
    assert "Title" in shown and "bold" in shown and "**" not in shown
    assert "<b>raw</b>" in shown and "<script>" in shown  # shown as text, never run
    assert all("example.invalid" in url for url in editor.preview.requested_resources)
    qtbot.keyClick(editor.preview, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.stack.currentWidget() is editor.body


def test_a_bad_tag_does_not_hold_back_the_text(qtbot: QtBot, page: Page) -> None:
    target = _target("person", "cy-creator")
    page.editor.set_target(target)
    page.editor.tags.setText("x" * 80)
    type_at_end(qtbot, page.editor, "words")
    page.editor.flush()
    note = load_note(target)
    assert note is not None and note.state.body == "words" and note.state.tags == ()
    assert "at most" in page.editor.error_label.text()


def test_character_note_title(qtbot: QtBot, page: Page) -> None:
    page.editor.set_target(_target("character", "hero"))
    assert page.editor.title_label.text() == "My note on The Hero (Test Show)"
    assert page.editor.body.toPlainText().startswith("Ann Actor plays him well.")


def test_typing_without_pauses_still_saves(qtbot: QtBot, library: Path) -> None:
    editor = NoteEditor(autosave_ms=200)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    target = _target("person", "cy-creator")
    editor.set_target(target)
    editor.body.setFocus()
    saved: list[str] = []
    editor.noteSaved.connect(lambda note: saved.append(note.state.body))
    typing = QTimer(interval=20)  # a key every 20 ms: the idle delay never passes
    typing.timeout.connect(lambda: qtbot.keyClick(editor.body, Qt.Key.Key_A))
    typing.start()
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    typing.stop()
    assert saved[0] and set(saved[0]) == {"a"}
    editor.shutdown()


def test_history_list_shows_every_entry_whole(qtbot: QtBot, page: Page) -> None:
    target = _target("person", "cy-creator")
    editor = page.editor
    editor.set_target(target)
    editor.body.setPlainText("x" * 12_345)  # the length matters here, not the typing
    editor.rating.set_rating(9)
    editor.flush()
    note = load_note(target)
    assert note is not None
    dialog = HistoryDialog(note.id, "Cy Creator")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "12,345 characters" in dialog.list.item(0).text()
    assert dialog.list.viewport().width() >= dialog.list.sizeHintForColumn(0)
    assert not dialog.list.horizontalScrollBar().isVisible()


def test_the_tags_placeholder_is_never_cut_off(qtbot: QtBot, page: Page) -> None:
    page.editor.set_target(_target("person", "cy-creator"))
    page.resize(300, page.height())  # narrower than the fields' row wants
    qtbot.waitUntil(lambda: page.editor.tags.width() > 0)
    tags = page.editor.tags
    assert tags.placeholderText() and not tags.text()
    text_room = tags.width() - tags.textMargins().left() - tags.textMargins().right()
    assert text_room >= tags.fontMetrics().horizontalAdvance(tags.placeholderText())
