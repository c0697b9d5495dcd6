"""The dialog shown when a library cannot be opened: why, and what the user can do next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.errors import LibraryLocked, ShowshelfError
from desktop_app import APP_NAME
from desktop_app.ui.icons import app_icon

LIBRARY_FILE_FILTER = "Showshelf libraries (*.sqlite *.db);;All files (*)"


class OpenFailureDialog(QMessageBox):
    """Says why `library` cannot be opened; offers another library, a retry when locked, quit.

    After exec(), `choice()` is "open-another", "retry" or "quit".
    """

    def __init__(self, library: Path, error: ShowshelfError,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setIcon(QMessageBox.Icon.Critical)
        # The message names a file the user chose: show it as text, never as markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(f"Showshelf cannot open the library “{library.name}”.")
        self.setInformativeText(f"{error}\n\nNothing was changed.")
        self.open_another_button = self.addButton("Open Another Library…",
                                                  QMessageBox.ButtonRole.AcceptRole)
        self.retry_button = None
        if isinstance(error, LibraryLocked):
            self.retry_button = self.addButton("Try Again", QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_another_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is self.open_another_button:
            return "open-another"
        if clicked is not None and clicked is self.retry_button:
            return "retry"
        return "quit"


def choose_library_file(start_in: Path, parent: QWidget | None = None) -> Path | None:
    """Ask for an existing library file; None when the user cancels."""
    dialog = QFileDialog(parent, "Open Another Library", str(start_in), LIBRARY_FILE_FILTER)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
