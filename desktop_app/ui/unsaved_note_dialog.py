"""A note that could not be saved after the user moved on: its text, kept until it is saved.

The editor follows the window to the next page; when the save it handed over then fails (a
full disk, a library another program holds locked or made read-only), this dialog is the only
place the text still exists. It shows the text, tries again on request, copies it to the
clipboard, and asks before the text is let go.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import ShowshelfError
from db.notes import NoteState, NoteTarget, SaveResult, save_note, target_info


def _label_of(target: NoteTarget) -> str:
    try:
        return target_info(target).label()
    except ShowshelfError:  # gone meanwhile, or the library cannot be read either
        return f"{target.kind} #{target.id}"


class UnsavedNoteDialog(QDialog):
    """Shows a note the library refused, with Try Again, Copy Text and Close."""

    def __init__(self, target: NoteTarget, state: NoteState, message: str,
                 parent: QWidget | None = None, *,
                 saved: Callable[[SaveResult], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsavedNoteDialog")
        self.target, self.state = target, state
        self._saved = saved
        self._ask_before_closing = True
        label = _label_of(target)
        self.setWindowTitle(f"Note on {label} not saved")
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self._set_message(message)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("unsavedNoteText")
        self.text.setReadOnly(True)
        self.text.setPlainText(state.body)
        buttons = QDialogButtonBox(self)
        self.retry_button = QPushButton("&Try Again", self)
        self.retry_button.setDefault(True)
        self.retry_button.clicked.connect(self.try_again)
        self.copy_button = QPushButton("&Copy Text", self)
        self.copy_button.clicked.connect(self.copy_text)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _set_message(self, message: str) -> None:
        self.message_label.setText(
            f"Your note on {_label_of(self.target)} could not be saved: {message}.\n\n"
            "Its text is below, and only here: try again, or copy it somewhere safe.")

    def try_again(self) -> bool:
        """Save the note now (on this thread: the user asked and waits); True when saved."""
        try:
            result = save_note(self.target, self.state)
        except ShowshelfError as error:
            self._set_message(str(error))
            return False
        if self._saved is not None:
            self._saved(result)
        self.accept()
        return True

    def copy_text(self) -> None:
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.state.body)

    def let_go(self) -> None:
        """Close without asking (the user already agreed, e.g. when quitting)."""
        self._ask_before_closing = False
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only a person closing the window is asked; a close from code (the app going away
        # after the user agreed) goes through without a question nobody could answer.
        if not event.spontaneous():
            self._ask_before_closing = False
        super().closeEvent(event)

    def reject(self) -> None:
        """Close: the text goes with the dialog, so ask first."""
        if not self._ask_before_closing:
            super().reject()
            return
        answer = QMessageBox.question(
            self, "Let the text go?",
            "This note is not saved anywhere. Close and lose its text?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            super().reject()
