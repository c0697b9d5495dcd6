"""Help ▸ About Showshelf, and `install_help_menu`, which fills the window's Help menu."""

from __future__ import annotations

import platform
import sqlite3
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.ui.icons import app_icon
from desktop_app.ui.shortcuts_dialog import ShortcutsDialog

ICON_SIZE = 64


def shortcuts_keys() -> list[QKeySequence]:
    """F1 is the standard Help key everywhere; Ctrl+? opens GNOME's and KDE's shortcut lists.

    A function: a standard key sequence needs the running application's platform theme.
    """
    return [QKeySequence(QKeySequence.StandardKey.HelpContents), QKeySequence("Ctrl+?")]


def about_details(library: Path) -> list[tuple[str, str]]:
    """The facts the About dialog shows (and copies), as (label, value) pairs."""
    return [
        ("Version", __version__),
        ("Library", str(library)),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
    ]


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the library path is the user's text
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class AboutDialog(QDialog):
    """Name, version, icon, the open library's path and the versions we run on."""

    def __init__(self, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        self.details = about_details(library)

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        title = QLabel(f"{APP_NAME} {__version__}", self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)  # relative: follows the user's font size
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel("A keyboard-friendly browser for your TV series: cast and crew, "
                       "critics' reviews and your own notes.", self)
        blurb.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(blurb)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for name, value in self.details:
            self.value_labels[name] = _plain_label(value, self)
            form.addRow(f"{name}:", self.value_labels[name])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton("&Copy Details",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def details_text(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in
                         [("Application", APP_NAME), *self.details])

    def copy_details(self) -> None:
        """Put the details on the clipboard, for bug reports."""
        QGuiApplication.clipboard().setText(self.details_text())


def _help_menu(window: QMainWindow) -> QMenu:
    menu = getattr(window, "help_menu", None)
    return menu if isinstance(menu, QMenu) else window.menuBar().addMenu("&Help")


def install_help_menu(window: QMainWindow,
                      library: Callable[[], Path] | None = None) -> dict[str, QAction]:
    """Add Keyboard Shortcuts, About Showshelf and About Qt to the window's Help menu.

    `library` says which library is open; by default the window's `library_path`, read when
    the dialog opens so it is right after File ▸ Open Library. Returns the actions by name.
    """
    def library_path() -> Path:
        return library() if library is not None else Path(getattr(window, "library_path", ""))

    def show_shortcuts() -> None:
        dialog = window.findChild(ShortcutsDialog)
        if dialog is None:
            dialog = ShortcutsDialog(window)
        else:
            dialog.refresh()  # actions may have changed since it was last shown
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_about() -> None:
        dialog = AboutDialog(library_path(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    menu = _help_menu(window)
    shortcuts = QAction("&Keyboard Shortcuts", window)
    shortcuts.setShortcuts(shortcuts_keys())
    shortcuts.setStatusTip("List every keyboard shortcut")
    shortcuts.triggered.connect(show_shortcuts)
    about = QAction(f"&About {APP_NAME}", window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(show_about)
    about_qt = QAction("About &Qt", window)
    about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
    about_qt.triggered.connect(QApplication.aboutQt)
    menu.addAction(shortcuts)
    menu.addSeparator()
    menu.addAction(about)
    menu.addAction(about_qt)
    return {"shortcuts": shortcuts, "about": about, "about_qt": about_qt}
