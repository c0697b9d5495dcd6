"""Help menu: the shortcuts list comes from the window's actions; About shows the library path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from desktop_app.ui.about import AboutDialog, install_help_menu
from desktop_app.ui.shortcuts_dialog import ShortcutsDialog, shortcut_entries


def _action(window: QMainWindow, text: str, keys: str) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(keys))
    return action


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.file_menu = window.menuBar().addMenu("&File")  # type: ignore[attr-defined]
    window.file_menu.addAction(_action(window, "&Open Library…", "Ctrl+O"))
    window.file_menu.addSeparator()
    window.file_menu.addAction(_action(window, "&Quit", "Ctrl+Q"))
    view = window.menuBar().addMenu("&View")
    columns = view.addMenu("&Columns")
    columns.addAction(QAction("Network", window))  # no shortcut: not listed
    view.addAction(_action(window, "Zoom &In", "Ctrl++"))
    window.help_menu = window.menuBar().addMenu("&Help")  # type: ignore[attr-defined]
    window.library_path = tmp_path / "<b>my</b> library.sqlite"  # type: ignore[attr-defined]
    install_help_menu(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _open_shortcuts(qtbot: QtBot, window: QMainWindow) -> ShortcutsDialog:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_f1_lists_every_menu_shortcut_and_the_list_keys(qtbot: QtBot,
                                                        window: QMainWindow) -> None:
    dialog = _open_shortcuts(qtbot, window)

    rows = dict(dialog.visible_entries())
    assert rows["Open Library"] == "Ctrl+O"
    assert rows["Quit"] == "Ctrl+Q"
    assert rows["Zoom In"] == "Ctrl++"
    assert rows["Keyboard Shortcuts"] == "F1, Ctrl+?"
    assert "Network" not in rows
    assert rows["Search"] == "/"
    groups = [entry.group for entry in shortcut_entries(window)]
    assert groups.index("File") < groups.index("View") < groups.index("Help")


def test_the_list_follows_actions_added_later(qtbot: QtBot, window: QMainWindow) -> None:
    dialog = _open_shortcuts(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    window.file_menu.addAction(_action(window, "Export &Notes…", "Ctrl+E"))  # type: ignore

    dialog = _open_shortcuts(qtbot, window)

    assert ("Export Notes", "Ctrl+E") in dialog.visible_entries()


def test_an_action_taking_a_list_key_replaces_its_description(qtbot: QtBot,
                                                               window: QMainWindow) -> None:
    window.file_menu.addAction(_action(window, "Find", "/"))  # type: ignore[attr-defined]

    entries = shortcut_entries(window)

    assert [entry.action for entry in entries if entry.keys == "/"] == ["Find"]


def test_typing_filters_the_shortcuts(qtbot: QtBot, window: QMainWindow) -> None:
    dialog = _open_shortcuts(qtbot, window)

    qtbot.keyClicks(dialog.filter_field, "quit")

    assert dialog.visible_entries() == [("Quit", "Ctrl+Q")]


def test_about_shows_version_and_the_library_path_as_text(qtbot: QtBot,
                                                          window: QMainWindow) -> None:
    about = next(action for action in window.help_menu.actions()  # type: ignore[attr-defined]
                 if action.text() == "&About Showshelf")
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)

    path_label = dialog.value_labels["Library"]
    assert path_label.text() == str(window.library_path)  # type: ignore[attr-defined]
    assert path_label.textFormat() == Qt.TextFormat.PlainText
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(text.startswith("Showshelf 0.") for text in texts)
    assert dialog.value_labels["Qt"].text().startswith("6.")

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert str(window.library_path) in QGuiApplication.clipboard().text()  # type: ignore
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)


def test_help_menu_is_created_when_the_window_has_none(qtbot: QtBot, tmp_path: Path) -> None:
    bare = QMainWindow()
    qtbot.addWidget(bare)

    actions = install_help_menu(bare, lambda: tmp_path)

    menus = [action.menu().title() for action in bare.menuBar().actions() if action.menu()]
    assert menus == ["&Help"]
    assert set(actions) == {"shortcuts", "about", "about_qt"}
    assert QApplication.instance() is not None


def test_the_note_editors_keys_are_listed(qtbot: QtBot, window: QMainWindow) -> None:
    dialog = _open_shortcuts(qtbot, window)

    qtbot.keyClicks(dialog.filter_field, "rendered")

    assert dialog.visible_entries() == [("Show the note rendered / back to the text",
                                         "Ctrl+Shift+P")]
