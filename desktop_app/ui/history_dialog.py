"""Earlier versions of one note: pick a saved state, read it, restore it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.notes import (
    NoteState,
    RevisionSummary,
    revision_count,
    revision_state,
    revision_summaries,
)
from desktop_app.ui.note_editor import local_time
from desktop_app.ui.rating_widget import rating_text

# Autosave makes many revisions; the dialog shows the newest this many (the rest stay in the
# library and in exports of the whole library).
REVISIONS_SHOWN = 500
_STATUS_WORDS = {"plan": "plan to watch", "watching": "watching", "watched": "watched",
                 "dropped": "dropped"}


def revision_summary(revision: RevisionSummary) -> str:
    """ "2026-01-06 21:40:57 · 4,210 characters · ★★★★½": when, how long, how rated."""
    parts = [local_time(revision.saved, seconds=True), f"{revision.characters:,} characters"]
    if revision.rating is not None:
        parts.append(rating_text(revision.rating).split()[0])
    return " · ".join(parts)


class HistoryDialog(QDialog):
    def __init__(self, note_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(f"History — {title}" if title else "Note history")
        self._revisions = revision_summaries(note_id, limit=REVISIONS_SHOWN)
        total = revision_count(note_id)

        self.list = QListWidget(self)
        self.list.setObjectName("revisionList")
        for revision in self._revisions:
            item = QListWidgetItem(revision_summary(revision))
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.list.addItem(item)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("revisionText")
        self.text.setReadOnly(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.text, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        # The list is as wide as its longest line (time, length, stars), so no entry is cut.
        list_width = max(220, self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth()
                         + self.list.verticalScrollBar().sizeHint().width() + 8)
        splitter.setSizes([list_width, 440])

        shown = (f"{total} saved versions, newest first" if total <= REVISIONS_SHOWN else
                 f"the newest {REVISIONS_SHOWN} of {total} saved versions")
        heading = QLabel(f"{shown}. Restoring makes that version the current one; the "
                         "versions in between stay in the history.", self)
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton("&Restore this version",
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if self._revisions:
            self.list.setCurrentRow(0)
        self.list.setFocus()
        self.resize(list_width + 480, 460)

    def _show(self, row: int) -> None:
        self.restore_button.setEnabled(row > 0)  # row 0 is the note as it is now
        state = self._state(row)
        if state is None:
            self.details.setText("")
            self.text.setPlainText("")
            return
        facts = [rating_text(state.rating).strip(),
                 _STATUS_WORDS.get(state.status or "", "no status"),
                 "tags: " + (", ".join(state.tags) or "none")]
        saved = local_time(self._revisions[row].saved, seconds=True)
        self.details.setText(f"Saved {saved} · " + " · ".join(facts))
        self.text.setPlainText(state.body)

    def _state(self, row: int) -> NoteState | None:
        if not 0 <= row < len(self._revisions):
            return None
        return revision_state(self._revisions[row].id)

    def chosen_state(self) -> NoteState | None:
        return self._state(self.list.currentRow())
