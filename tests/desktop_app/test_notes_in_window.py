"""Notes inside the main window (ui/window_notes.py): the editor follows navigation and saves
as the user moves on, a character's note opens from the cast table, My notes opens targets."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.database import close_library, open_library
from db.exporting.notes_formats import export_notes
from db.models import Character, Person, Series
from db.notes import NoteTarget, load_note
from desktop_app.ui.main_window import MainWindow
from tests.db.notes_helpers import make_notes_library
from tests.desktop_app.note_keys import type_at_end


@pytest.fixture
def library(tmp_path: Path, mini_library_file: Path) -> Iterator[Path]:
    path = make_notes_library(tmp_path, mini_library_file)
    yield path
    close_library()


@pytest.fixture
def window(qtbot: QtBot, library: Path, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert window.series_page is not None  # the pages (and notes) may be built on first need
    qtbot.waitUntil(lambda: hasattr(window, "notes"))
    yield window
    window.close()


def _id(model: type, key: str) -> int:
    return model.get(model.key == key).id  # type: ignore[attr-defined]


def test_editor_follows_navigation_and_saves_when_moving_on(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    show_id, creator_id = _id(Series, "test-show"), _id(Person, "cy-creator")
    window.open_series(show_id)
    editor = window.notes.series_editor  # type: ignore[attr-defined]
    assert editor.target() == NoteTarget("series", show_id)
    assert editor.body.toPlainText() == "Loved it, *mostly*."
    type_at_end(qtbot, editor, " Rewatching soon.")
    window.open_person(creator_id)  # navigation saves at once
    person_editor = window.notes.person_editor  # type: ignore[attr-defined]
    assert person_editor.target() == NoteTarget("person", creator_id)
    qtbot.waitUntil(lambda: (load_note(NoteTarget("series", show_id)) or editor).state.body
                    == "Loved it, *mostly*. Rewatching soon.")
    person_editor.body.setFocus()
    qtbot.keyClicks(person_editor.body, "Made the show.")
    window.close()  # closing the window saves too
    note = load_note(NoteTarget("person", creator_id))
    assert note is not None and note.state.body == "Made the show."


def test_character_note_from_the_cast_table(qtbot: QtBot, window: MainWindow) -> None:
    window.open_series(_id(Series, "test-show"))
    cast = window.series_page.cast_table
    cast.setFocus()
    cast.setCurrentCell(0, 0)
    qtbot.keyClick(cast, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.notes.character_dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "My note on The Hero (Test Show)"
    qtbot.keyClicks(dialog.editor.body, " Also brave.")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    note = load_note(NoteTarget("character", _id(Character, "hero")))
    assert note is not None and note.state.body.endswith("Also brave.")


def test_character_note_shortcut_from_the_list_goes_to_the_cast_first(
        qtbot: QtBot, window: MainWindow) -> None:
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.activateWindow()
    window.open_series(_id(Series, "test-show"))
    window.focus_list()
    assert window.series_table.hasFocus()
    qtbot.keyClick(window.series_table, Qt.Key.Key_N, shortcut)
    cast = window.series_page.cast_table
    assert cast.hasFocus() and cast.currentRow() == 0  # whose note it will be, shown first
    assert "Choose the character" in window.statusBar().currentMessage()
    assert window.notes.character_dialog is None  # type: ignore[attr-defined]
    qtbot.keyClick(cast, Qt.Key.Key_N, shortcut)
    dialog = window.notes.character_dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "My note on The Hero (Test Show)"
    assert window.notes.character_note_action in window.view_menu.actions()  # type: ignore


def test_the_cast_hint_goes_when_the_page_changes(qtbot: QtBot, window: MainWindow) -> None:
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.open_series(_id(Series, "test-show"))
    window.focus_list()
    qtbot.keyClick(window.series_table, Qt.Key.Key_N, shortcut)
    cast = window.series_page.cast_table
    assert "Choose the character" in window.statusBar().currentMessage()

    qtbot.keyClick(cast, Qt.Key.Key_Return)  # opens the actor instead

    assert window.current_target().kind == "person"  # type: ignore[union-attr]
    assert window.statusBar().currentMessage() == ""


def test_other_messages_stay_when_the_page_changes(qtbot: QtBot, window: MainWindow) -> None:
    window.statusBar().showMessage("Exported 3 notes", 8000)

    window.open_person(_id(Person, "cy-creator"))

    assert window.statusBar().currentMessage() == "Exported 3 notes"


def test_my_notes_from_the_keyboard_opens_the_target(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.notes.my_notes_action.trigger()  # type: ignore[attr-defined]
    view = window.notes.notes_view  # type: ignore[attr-defined]
    assert view is not None and view.isVisible() and view.model.total() == 3
    qtbot.keyClicks(view.filter, "hyperlink")
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.current_target() == ("person", _id(Person, "ann-actor"))
    assert "Export" in window.export_notes_action.text() and window.export_notes_action.isEnabled()
    assert window.notes.my_notes_action in window.view_menu.actions()  # type: ignore[attr-defined]


def test_import_notes_folder_updates_the_open_editor(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path) -> None:
    show_id = _id(Series, "test-show")
    window.open_series(show_id)
    vault = tmp_path / "vault"
    export_notes("md", vault)
    page = vault / "Test Show.md"
    page.write_text(page.read_text(encoding="utf-8").replace("*mostly*", "*entirely*"),
                    encoding="utf-8")
    text = window.notes.import_notes_folder(vault)  # type: ignore[attr-defined]
    assert "1 notes updated, 2 unchanged" in text
    assert window.notes.series_editor.body.toPlainText() == "Loved it, *entirely*."  # type: ignore[attr-defined]


def test_restart_finds_the_note(qtbot: QtBot, library: Path, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MainWindow(library, settings)
    qtbot.addWidget(first)
    first.show()
    assert first.person_page is not None
    person_id = _id(Person, "cy-creator")
    first.open_person(person_id)
    editor = first.notes.person_editor  # type: ignore[attr-defined]
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, "Before the restart.")
    first.close()
    close_library()
    open_library(library)
    second = MainWindow(library, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.person_page is not None
    second.open_person(person_id)
    assert second.notes.person_editor.body.toPlainText() == "Before the restart."  # type: ignore[attr-defined]
    second.close()


def test_switching_library_saves_the_note_into_its_own_library(
        qtbot: QtBot, window: MainWindow, library: Path, tmp_path: Path,
        mini_library_file: Path) -> None:
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    show_id = _id(Series, "test-show")
    window.open_series(show_id)
    editor = window.notes.series_editor  # type: ignore[attr-defined]
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, " Typed just before switching.")
    other = make_notes_library(other_dir, mini_library_file)  # same ids, another file
    close_library()
    open_library(library)
    assert window.open_library_file(other)  # without saving first, the text would land here
    assert editor.target() is None
    close_library()
    open_library(library)
    note = load_note(NoteTarget("series", show_id))
    assert note is not None and note.state.body.endswith("Typed just before switching.")
    close_library()
    open_library(other)
    note = load_note(NoteTarget("series", show_id))
    assert note is not None and note.state.body == "Loved it, *mostly*."


@pytest.mark.parametrize(("key", "field"), [(Qt.Key.Key_R, "rating"), (Qt.Key.Key_S, "status"),
                                            (Qt.Key.Key_T, "tags")])
def test_alt_letters_go_to_the_note_fields(qtbot: QtBot, window: MainWindow, key: Qt.Key,
                                           field: str) -> None:
    window.open_series(_id(Series, "test-show"))
    editor = window.notes.series_editor  # type: ignore[attr-defined]
    editor.body.setFocus()
    qtbot.waitUntil(editor.body.hasFocus)

    qtbot.keyClick(editor.body, key, Qt.KeyboardModifier.AltModifier)

    target = getattr(editor, field)
    qtbot.waitUntil(lambda: target.hasFocus() or target.isAncestorOf(
        window.focusWidget()))  # the tags field's line edit takes focus inside it


@pytest.fixture
def short_wait_window(qtbot: QtBot, tmp_path: Path, mini_library_file: Path
                      ) -> Iterator[tuple[MainWindow, Path]]:
    """A window on a library that gives up on another program's lock after 0.3 s."""
    path = make_notes_library(tmp_path, mini_library_file)
    close_library()
    open_library(path, busy_timeout=0.3)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(path, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.series_page is not None
    qtbot.waitUntil(lambda: hasattr(window, "notes"))
    yield window, path
    window.notes.let_go_of_unsaved()  # type: ignore[attr-defined]
    window.close()
    close_library()


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Another program holds the library's write lock."""
    locker = sqlite3.connect(path)
    locker.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        locker.rollback()
        locker.close()


def _type_into_the_show_note(qtbot: QtBot, window: MainWindow, text: str) -> NoteTarget:
    """Open Test Show and type `text` at the end of its note; the note's target."""
    show = NoteTarget("series", _id(Series, "test-show"))
    window.open_series(show.id)
    type_at_end(qtbot, window.notes.series_editor, text)  # type: ignore[attr-defined]
    return show


def test_a_note_refused_after_moving_on_is_kept_until_saved(
        qtbot: QtBot, short_wait_window: tuple[MainWindow, Path]) -> None:
    window, path = short_wait_window
    show = _type_into_the_show_note(qtbot, window, " Rewatching soon.")
    with _locked(path):
        window.open_person(_id(Person, "cy-creator"))  # navigation saves: refused
        qtbot.waitUntil(lambda: bool(window.notes.unsaved_dialogs))  # type: ignore
        dialog = window.notes.unsaved_dialogs[0]  # type: ignore[attr-defined]
        assert dialog.isVisible()
        assert dialog.text.toPlainText() == "Loved it, *mostly*. Rewatching soon."
        assert "Your note on Test Show (2019) could not be saved" in dialog.message_label.text()
        assert load_note(show).state.body == "Loved it, *mostly*."  # the stored text is whole
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)  # still locked
        assert dialog.isVisible() and "could not be saved" in dialog.message_label.text()
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert load_note(show).state.body == "Loved it, *mostly*. Rewatching soon."
    qtbot.waitUntil(lambda: not window.notes.unsaved_dialogs)  # type: ignore[attr-defined]


def test_closing_over_a_refused_note_asks_first(
        qtbot: QtBot, short_wait_window: tuple[MainWindow, Path]) -> None:
    window, path = short_wait_window
    show = _type_into_the_show_note(qtbot, window, " Still here.")
    asked: list[str] = []

    def keep_open() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, keep_open)
            return
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    with _locked(path):
        QTimer.singleShot(0, keep_open)
        window.close()
        assert asked and "My note on Test Show (2019)" in asked[0]
        assert window.isVisible()  # kept open: the text is still in the editor
        assert window.notes.series_editor.body.toPlainText().endswith("Still here.")  # type: ignore
    window.close()  # the lock is gone: the note saves and the window closes without asking
    assert not window.isVisible()
    assert load_note(show).state.body == "Loved it, *mostly*. Still here."


def test_closing_a_character_note_the_library_refuses_keeps_its_text(
        qtbot: QtBot, short_wait_window: tuple[MainWindow, Path]) -> None:
    window, path = short_wait_window
    window.notes.show_character_note(_id(Character, "hero"))  # type: ignore[attr-defined]
    dialog = window.notes.character_dialog  # type: ignore[attr-defined]
    type_at_end(qtbot, dialog.editor, " Also brave.")
    with _locked(path):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        unsaved = window.notes.unsaved_dialogs  # type: ignore[attr-defined]
        assert len(unsaved) == 1 and unsaved[0].text.toPlainText().endswith(" Also brave.")
        assert "locked by another program" in unsaved[0].message_label.text()
    qtbot.mouseClick(unsaved[0].retry_button, Qt.MouseButton.LeftButton)
    note = load_note(NoteTarget("character", _id(Character, "hero")))
    assert note is not None and note.state.body.endswith(" Also brave.")
    assert window.notes.unsaved_dialogs == []  # type: ignore[attr-defined]
