"""The note editor for one series, person or character: Markdown text, rating, status, tags.

Autosave: about a second after the last change (and at least once a second while typing goes
on), and at once when the editor loses focus, is hidden, moves to another target, or is
flushed on window close and app quit. Saves run on the NoteSaver's worker thread, so typing
never waits for the disk; the text stays in the editor until its save is confirmed, and a
failed save is shown and retried on the next change.
Undo/redo is the text editor's own (Ctrl+Z / Ctrl+Shift+Z) and survives saves.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.notes import (
    NoteError,
    NoteRecord,
    NoteState,
    NoteTarget,
    SaveResult,
    clean_tags,
    load_note,
    tag_names,
    target_info,
)
from desktop_app.ui.markdown_preview import MarkdownPreview
from desktop_app.ui.note_autosave import NoteSaver
from desktop_app.ui.rating_widget import RatingWidget
from desktop_app.ui.tags_edit import TagsEdit

# "About a second after typing stops": long enough not to save mid-word, short enough that a
# crash loses at most the last second of typing.
AUTOSAVE_DELAY_MS = 1000
PREVIEW_SHORTCUT = "Ctrl+Shift+P"
STATUS_CHOICES = (("Not set", None), ("Plan to watch", "plan"), ("Watching", "watching"),
                  ("Watched", "watched"), ("Dropped", "dropped"))
# Completion is for picking among a few; more candidates than this only slow the popup.
TAG_COMPLETIONS = 50


def local_time(stamp: str, *, seconds: bool = False) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime(
            "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class NoteEditor(QWidget):
    noteSaved = Signal(object)  # NoteRecord
    # A save failed after its note left the editor (navigation): the text is only here now.
    unsavedLeft = Signal(object, object, str)  # NoteTarget, NoteState, message

    def __init__(self, parent: QWidget | None = None, *,
                 autosave_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self._target: NoteTarget | None = None
        self._note: NoteRecord | None = None
        self._submitted = NoteState()  # the newest state handed to the saver
        self._failure: str | None = None  # why the last save of the note shown failed
        self._loading = False
        self._saver = NoteSaver(self)
        self._saver.saved.connect(self._on_saved)
        self._saver.failed.connect(self._on_failed)
        self._timer = QTimer(self, singleShot=True, interval=autosave_ms)
        self._timer.timeout.connect(self.save_now)
        # Typing without pauses keeps restarting the timer above; this one is not restarted,
        # so no change waits longer than the delay to be saved (a kill loses at most that).
        self._deadline = QTimer(self, singleShot=True, interval=autosave_ms)
        self._deadline.timeout.connect(self.save_now)
        self._build()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.set_target(None)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setObjectName("noteTitle")
        self.title_label.setWordWrap(True)  # a long title wraps instead of widening the page
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)

        self.preview_action = QAction("Preview", self, checkable=True)
        self.preview_action.setShortcut(QKeySequence(PREVIEW_SHORTCUT))
        self.preview_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.preview_action.setToolTip(f"Show the note rendered ({PREVIEW_SHORTCUT})")
        self.preview_action.toggled.connect(self._show_preview)
        self.addAction(self.preview_action)
        self.preview_button = QToolButton(self)
        self.preview_button.setDefaultAction(self.preview_action)
        self.history_button = QToolButton(self)
        self.history_button.setText("History…")
        self.history_button.setToolTip("Earlier versions of this note; restore one")
        self.history_button.clicked.connect(self.show_history)

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.preview_button)
        header.addWidget(self.history_button)

        self.rating = RatingWidget(self)
        self.rating.ratingChanged.connect(self._changed)
        self.status = QComboBox(self)
        self.status.setObjectName("statusCombo")
        self.status.setAccessibleName("Watch status")
        for text, value in STATUS_CHOICES:
            self.status.addItem(text, value)
        self.status.currentIndexChanged.connect(self._changed)
        self.tags = TagsEdit(lambda prefix: tag_names(prefix, TAG_COMPLETIONS), self)
        self.tags.textChanged.connect(self._changed)
        # A form, one field a line: in a row the three set the page's narrowest width at
        # ~490 px, and a narrower page scrolled sideways, its text cut off at the right.
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, widget in (("&Rating:", self.rating), ("&Status:", self.status),
                             ("&Tags:", self.tags)):
            fields.addRow(text, widget)  # the label's buddy is the field: Alt+R, Alt+S, Alt+T

        self.body = QPlainTextEdit(self)
        self.body.setObjectName("noteBody")
        self.body.setAccessibleName("Note text (Markdown)")
        self.body.setPlaceholderText("Your notes, in Markdown. Saved as you type.")
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._changed)
        self.preview = MarkdownPreview(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.body)
        self.stack.addWidget(self.preview)

        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("noteMeta")
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setEnabled(False)  # the palette's muted text, no colour of our own
        self.meta_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("noteError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(fields)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.meta_label)
        for widget in (self.body, self.tags, self.rating, self.status):
            widget.installEventFilter(self)
        self.body.setMinimumHeight(240)  # room for a few paragraphs on a detail page
        self.preview.setMinimumHeight(240)

    # --- the target ------------------------------------------------------------------------

    def target(self) -> NoteTarget | None:
        return self._target

    def note(self) -> NoteRecord | None:
        return self._note

    def set_target(self, target: NoteTarget | None, title: str | None = None) -> None:
        """Save the current note at once, then show the note on `target` (or nothing)."""
        if target == self._target and (target is not None or self._note is None):
            return  # the same note, or still none (a page that stays hidden asks on every move)
        self.save_now()
        self._saver.flush()  # read the next note only after our own saves have landed
        if self._target is not None and self._failure is not None:
            # The library refused the note being left: its text goes on to whoever keeps it
            # (the window's unsaved-note dialog) before this editor shows another note.
            self.unsavedLeft.emit(self._target, self.current_state(), self._failure)
        self._target = target
        self._failure = None
        self._note = load_note(target) if target is not None else None
        if target is not None and title is None:
            title = f"My note on {target_info(target).label()}"
        self._loading = True
        try:
            state = self._note.state if self._note is not None else NoteState()
            self.title_label.setText(title or "")
            self.body.setPlainText(state.body)
            self.body.moveCursor(QTextCursor.MoveOperation.End)  # carry on writing
            self.rating.set_rating(state.rating)
            self.status.setCurrentIndex(self._status_index(state.status))
            self.tags.set_tags(state.tags)
            self._submitted = state
        finally:
            self._loading = False
        self.preview_action.setChecked(False)
        self.error_label.hide()
        self.setEnabled(target is not None)
        self._show_meta()

    @staticmethod
    def _status_index(status: str | None) -> int:
        return next(i for i, (_, value) in enumerate(STATUS_CHOICES) if value == status)

    # --- state and saving ------------------------------------------------------------------

    def current_state(self) -> NoteState:
        try:
            tags = clean_tags(self.tags.tags())
        except NoteError as error:
            # A bad tag must not hold back the text: keep the tags last saved, say why.
            self._show_error(f"{error}; the tags were not saved")
            tags = self._submitted.tags
        return NoteState(self.body.toPlainText(), self.rating.rating(),
                         self.status.currentData(), tags)

    def is_dirty(self) -> bool:
        return self._target is not None and self.current_state() != self._submitted

    def _changed(self, *_args: object) -> None:
        if not self._loading and self._target is not None:
            self._timer.start()
            if not self._deadline.isActive():
                self._deadline.start()
            if self.stack.currentIndex() == 1:
                self.preview.set_markdown_text(self.body.toPlainText())

    def save_now(self) -> None:
        """Hand the current state to the saver if it differs from the last one handed over."""
        self._timer.stop()
        self._deadline.stop()
        if self._target is None:
            return
        state = self.current_state()
        if state == self._submitted:
            return
        self._submitted = state
        self._saver.submit(self._target, state)

    def flush(self) -> bool:
        """Save now and wait until it is on disk (window close, app quit, tests)."""
        self.save_now()
        return self._saver.flush()

    def release_library(self) -> None:
        """Save, then let go of the note and the library (it is about to be switched)."""
        self.set_target(None)
        self._saver.release_connection()

    def shutdown(self) -> None:
        self.flush()
        self._saver.shutdown()

    def _on_saved(self, target: NoteTarget, result: SaveResult) -> None:
        if target != self._target or result.note is None:
            return
        self._note = result.note
        self._failure = None
        self.error_label.hide()
        self._show_meta()
        if result.changed:
            self.noteSaved.emit(result.note)

    def _on_failed(self, target: NoteTarget, state: NoteState, message: str) -> None:
        if target != self._target:
            self.unsavedLeft.emit(target, state, message)
            return
        # Forget what we handed over, so the next change (or focus loss) tries again.
        self._submitted = self._note.state if self._note is not None else NoteState()
        self._failure = message
        self._show_error(f"Not saved: {message}. Your text is still here.")

    def save_failure(self) -> str | None:
        """Why the note shown could not be saved, while that is so (None: all saved)."""
        return self._failure if self.current_state() != self._submitted else None

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _show_meta(self) -> None:
        if self._target is None:
            self.meta_label.setText("")
        elif self._note is None:
            self.meta_label.setText("No note yet: start typing, it saves by itself.")
        else:
            self.meta_label.setText(f"Created {local_time(self._note.created)} · updated "
                                    f"{local_time(self._note.updated)}")
        self.history_button.setEnabled(self._note is not None)

    # --- preview and history ---------------------------------------------------------------

    def _show_preview(self, on: bool) -> None:
        if on:
            self.preview.set_markdown_text(self.body.toPlainText())
            self.stack.setCurrentWidget(self.preview)
        else:
            self.stack.setCurrentWidget(self.body)
            if self.isVisible():
                self.body.setFocus()

    def show_history(self) -> None:
        from desktop_app.ui.history_dialog import HistoryDialog

        self.flush()
        if self._note is None:
            return
        dialog = HistoryDialog(self._note.id, self.title_label.text(), self)
        if dialog.exec() and dialog.chosen_state() is not None:
            self.apply_state(dialog.chosen_state())

    def apply_state(self, state: NoteState) -> None:
        """Put an earlier state in the editor as an undoable edit, and save it."""
        cursor = QTextCursor(self.body.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(state.body)
        cursor.endEditBlock()
        self.rating.set_rating(state.rating)
        self.status.setCurrentIndex(self._status_index(state.status))
        self.tags.set_tags(state.tags)
        self.save_now()

    # --- autosave triggers -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and not (
                watched is self.tags and self.tags.completer_popup_visible()):
            self.save_now()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QEvent) -> None:
        self.save_now()
        super().hideEvent(event)
