"""The notes part of the main window, installed by `install_notes(window)`.

It puts a NoteEditor in the series and person pages' `note_area`, follows the window's
`target_changed` (the editor saves the note it leaves at once), opens a character's note from
the cast table, and adds File → Export Notes…, File → Import Notes Folder… and
View → My Notes. Everything here talks to the window through its public API, so
main_window.py only calls `install_notes`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QVBoxLayout, QWidget

from db.errors import ShowshelfError
from db.note_listing import NoteRow
from db.notes import NoteRecord, NoteState, NoteTarget, character_series_id
from desktop_app.ui.note_editor import NoteEditor

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

MY_NOTES_SHORTCUT = "Ctrl+Shift+M"
CHARACTER_NOTE_SHORTCUT = "Ctrl+Shift+N"
# How many unmatched file names an import report lists before summarising the rest.
UNMATCHED_LISTED = 10


class CharacterNoteDialog(QDialog):
    """A character's note, opened from the cast table; saves as it goes and on close."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("characterNoteDialog")
        self.editor = NoteEditor(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        self.resize(560, 420)

    def show_character(self, character_id: int) -> None:
        self.editor.set_target(NoteTarget("character", character_id))
        self.setWindowTitle(self.editor.title_label.text())
        self.show()
        self.raise_()
        self.activateWindow()
        self.editor.body.setFocus()

    def done(self, result: int) -> None:
        # Let go of the note, saving it: a save that fails now hands its text on (the
        # editor's unsavedLeft) instead of closing over it.
        self.editor.set_target(None)
        super().done(result)


class WindowNotes(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.series_editor = NoteEditor(window.series_page.note_area)
        window.series_page.note_area_layout.addWidget(self.series_editor)
        self.person_editor = NoteEditor(window.person_page.note_area)
        window.person_page.note_area_layout.addWidget(self.person_editor)
        self.character_dialog: CharacterNoteDialog | None = None
        self.notes_view = None
        self._list_facts: dict[str, tuple[int | None, str | None]] = {}
        self._shown_hint: str | None = None  # see _page_hint
        self.unsaved_dialogs: list[QDialog] = []
        for editor in self.editors():
            self._watch_editor(editor)
        window.target_changed.connect(self.follow_target)
        window.installEventFilter(self)  # save before the window closes
        self._build_actions()
        self.follow_target(window.current_target())

    def editors(self) -> list[NoteEditor]:
        editors = [self.series_editor, self.person_editor]
        if self.character_dialog is not None:
            editors.append(self.character_dialog.editor)
        return editors

    # --- actions ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self.window
        window.export_notes_action.setEnabled(True)
        window.export_notes_action.setStatusTip("Write your notes as Markdown, JSON, CSV or HTML")
        window.export_notes_action.triggered.connect(self.export_notes)
        window.addAction(window.export_notes_action)
        self.import_notes_action = QAction("Import &Notes Folder…", window)
        self.import_notes_action.setStatusTip(
            "Read back a Markdown folder exported earlier (edited notes become new versions)")
        self.import_notes_action.triggered.connect(self.choose_notes_folder)
        window.file_menu.insertAction(window.export_notes_action, self.import_notes_action)
        self.my_notes_action = QAction("My &Notes", window)
        self.my_notes_action.setShortcut(QKeySequence(MY_NOTES_SHORTCUT))
        self.my_notes_action.setStatusTip("Every note you wrote, sortable and filterable")
        self.my_notes_action.triggered.connect(self.show_my_notes)
        window.addAction(self.my_notes_action)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.my_notes_action)
        cast = window.series_page.cast_table
        # Window-wide, and in the View menu (so Help ▸ Keyboard Shortcuts lists it): from the
        # list or the page's text it first brings the focus to the cast table, which is
        # otherwise a Tab past every link of the page away.
        self.character_note_action = QAction("Note on a &Character…", window)
        self.character_note_action.setShortcut(QKeySequence(CHARACTER_NOTE_SHORTCUT))
        self.character_note_action.setStatusTip(
            "Your note on the character chosen in the cast table")
        self.character_note_action.triggered.connect(self.open_character_note)
        window.addAction(self.character_note_action)
        window.view_menu.addAction(self.character_note_action)
        # The cast's context menu: the row clicked is the one meant, wherever the focus was.
        # No shortcut of its own: two actions on one key would make Qt run neither.
        self.cast_note_action = QAction("Note on This &Character…", cast)
        self.cast_note_action.triggered.connect(self.open_current_character_note)
        cast.addAction(self.cast_note_action)
        cast.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        cast.setToolTip(f"Enter opens the actor; {CHARACTER_NOTE_SHORTCUT} or the context "
                        "menu opens your note on the character")

    # --- following the window --------------------------------------------------------------

    def follow_target(self, target: object) -> None:
        """Point each page's editor at what the window shows; the one left saves at once."""
        kind = getattr(target, "kind", None)
        target_id = getattr(target, "id", None)
        self.series_editor.set_target(
            NoteTarget("series", target_id) if kind == "series" else None)
        self.person_editor.set_target(
            NoteTarget("person", target_id) if kind == "person" else None)
        for editor in (self.series_editor, self.person_editor):
            self._remember_list_facts(editor.note())
        # A hint about the page just left ("Choose the character…") is stale on the next one.
        status = self.window.statusBar()
        if self._shown_hint is not None and status.currentMessage() == self._shown_hint:
            status.clearMessage()
        self._shown_hint = None

    def _page_hint(self, text: str, timeout_ms: int) -> None:
        """A status-bar hint about the page shown: it goes after timeout_ms or with the page."""
        self._shown_hint = text
        self.window.statusBar().showMessage(text, timeout_ms)

    def _remember_list_facts(self, note: NoteRecord | None) -> None:
        """What the list shows of a note (rating, status) as loaded, to spot real changes."""
        if note is not None:
            self._list_facts[note.uid] = (note.state.rating, note.state.status)

    def flush(self) -> None:
        for editor in self.editors():
            editor.flush()

    def leave_library(self) -> None:
        """Before the window switches library: every note saved into the library it belongs
        to, editors emptied, no connection left open on the old file."""
        for editor in self.editors():
            editor.release_library()
        if self.character_dialog is not None:
            self.character_dialog.hide()
        if self.notes_view is not None:
            self.notes_view.hide()
            self.notes_view.deleteLater()
            self.notes_view = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.flush()
            if not self._may_close_over_unsaved():
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # --- notes the library refused ---------------------------------------------------------

    def _watch_editor(self, editor: NoteEditor) -> None:
        editor.noteSaved.connect(self._note_saved)
        editor.unsavedLeft.connect(self.keep_unsaved)

    def keep_unsaved(self, target: NoteTarget, state: NoteState, message: str) -> None:
        """A note whose save failed after the window moved on: its text in a dialog until it
        is saved, copied, or let go on purpose."""
        from desktop_app.ui.unsaved_note_dialog import UnsavedNoteDialog

        dialog = UnsavedNoteDialog(target, state, message, self.window,
                                   saved=lambda result: self._note_saved(result.note)
                                   if result.note is not None else None)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.unsaved_dialogs.append(dialog)
        dialog.show()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if dialog in self.unsaved_dialogs:
            self.unsaved_dialogs.remove(dialog)
        dialog.deleteLater()

    def _may_close_over_unsaved(self) -> bool:
        """Closing with notes the library refused: only when the user says so."""
        failures = [(editor, editor.save_failure()) for editor in self.editors()]
        unsaved = [f"{editor.title_label.text()}: {failure}" for editor, failure in failures
                   if failure is not None]
        unsaved += [dialog.windowTitle() for dialog in self.unsaved_dialogs]
        if not unsaved:
            return True
        answer = QMessageBox.warning(
            self.window, "Notes not saved",
            "These notes could not be saved, and closing loses their text:\n\n"
            + "\n".join(f"• {line}" for line in unsaved)
            + "\n\nKeep Showshelf open to try again or copy the text?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.let_go_of_unsaved()
        return True

    def let_go_of_unsaved(self) -> None:
        """Close every unsaved-note dialog without asking (the user has agreed)."""
        for dialog in list(self.unsaved_dialogs):
            dialog.let_go()  # type: ignore[attr-defined]


    def _note_saved(self, note: NoteRecord) -> None:
        # The list shows my rating and status, the status bar counts notes: re-read them only
        # when those changed, not on every autosave of the text (a 100k list is not free).
        facts = (note.state.rating, note.state.status)
        if self._list_facts.get(note.uid) != facts:
            self._list_facts[note.uid] = facts
            self.window.refresh_list()
        if note.created == note.updated:  # a new note
            self.window.refresh_counts()
        if self.notes_view is not None and self.notes_view.isVisible():
            self.notes_view.refresh()

    # --- character notes -------------------------------------------------------------------

    def open_character_note(self) -> None:
        """The note of the cast table's current character; from elsewhere in the window, the
        cast table first, so the user sees (and may change) whose note it will be."""
        window = self.window
        page = window.series_page
        cast = page.cast_table
        if window.detail_stack.currentWidget() is not page or page.series is None \
                or not page.series.cast:
            self._page_hint("Open a series first: character notes start from its cast", 5000)
            return
        if not cast.hasFocus():
            if cast.currentRow() < 0:
                cast.setCurrentCell(0, 0)
            cast.setFocus(Qt.FocusReason.ShortcutFocusReason)
            page.ensureWidgetVisible(cast)
            self._page_hint(
                f"Choose the character with ↑ ↓, then {CHARACTER_NOTE_SHORTCUT} again", 8000)
            return
        self.open_current_character_note()

    def open_current_character_note(self) -> None:
        page = self.window.series_page
        row = page.cast_table.currentRow()
        if page.series is None:
            return
        if not 0 <= row < len(page.series.cast):
            return
        character_id = page.series.cast[row].character_id
        if character_id is None:
            self._page_hint("This credit names no character", 4000)
            return
        self.show_character_note(character_id)

    def show_character_note(self, character_id: int) -> None:
        if self.character_dialog is None:
            self.character_dialog = CharacterNoteDialog(self.window)
            self._watch_editor(self.character_dialog.editor)
        self.character_dialog.show_character(character_id)

    # --- My notes --------------------------------------------------------------------------

    def show_my_notes(self) -> None:
        from desktop_app.ui.notes_view import NotesView

        self.flush()
        if self.notes_view is None:
            self.notes_view = NotesView(self.window)
            self.notes_view.noteActivated.connect(self.open_note_target)
        else:
            self.notes_view.refresh()
        self.notes_view.show()
        self.notes_view.raise_()
        self.notes_view.activateWindow()
        self.notes_view.filter.setFocus()

    def open_note_target(self, row: NoteRow) -> None:
        target = row.target
        if target.kind == "series":
            self.window.open_series(target.id)
        elif target.kind == "person":
            self.window.open_person(target.id)
        else:
            series_id = character_series_id(target.id)
            if series_id is not None:
                self.window.open_series(series_id)
            self.show_character_note(target.id)

    # --- export and import -----------------------------------------------------------------

    def selected_targets(self) -> tuple[NoteTarget, ...]:
        targets: list[NoteTarget] = []
        table = self.window.series_table
        for index in table.selectionModel().selectedRows():
            series_id = self.window.series_model.series_id(index.row())
            if series_id is not None:
                targets.append(NoteTarget("series", series_id))
        current = self.window.current_target()
        if current is not None:
            targets.append(NoteTarget(current.kind, current.id))
        return tuple(dict.fromkeys(targets))

    def export_notes(self) -> None:
        from desktop_app.ui.export_dialog import ExportDialog

        self.flush()  # export what the editor shows, not what it showed a second ago
        dialog = ExportDialog(self.window, search_text=self.window.search_field.text(),
                              selected=self.selected_targets())
        dialog.exported.connect(lambda text: self.window.statusBar().showMessage(text, 8000))
        dialog.exec()

    def choose_notes_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import Notes Folder",
                                                  str(Path.home()))
        if folder:
            self.import_notes_folder(Path(folder))

    def import_notes_folder(self, folder: Path) -> str:
        """Import a Markdown folder; returns (and shows) what happened in words."""
        from db.importing.notes_markdown import import_markdown_folder

        self.flush()
        try:
            summary = import_markdown_folder(folder)
        except ShowshelfError as error:
            QMessageBox.warning(self.window, "Showshelf", f"Nothing was imported.\n\n{error}")
            return str(error)
        # The editors show notes the import may have changed: read them again.
        for editor in self.editors():
            target = editor.target()
            editor.set_target(None)
            editor.set_target(target)
        self.window.refresh_list()
        self.window.refresh_counts()
        text = f"Imported {folder.name}: {summary.describe()}."
        if summary.unmatched:
            listed = "\n".join(f"  {name}: {why}" for name, why
                               in summary.unmatched[:UNMATCHED_LISTED])
            more = len(summary.unmatched) - UNMATCHED_LISTED
            text += "\n\nNot imported:\n" + listed + (f"\n  … and {more} more" if more > 0
                                                      else "")
            QMessageBox.information(self.window, "Showshelf", text)
        self.window.statusBar().showMessage(text.split("\n")[0], 8000)
        return text


def install_notes(window: MainWindow) -> WindowNotes:
    window.notes = WindowNotes(window)  # type: ignore[attr-defined]
    return window.notes  # type: ignore[attr-defined]
