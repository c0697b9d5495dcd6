"""File → Export notes…: format, which notes, where; progress and cancel.

The export runs on a worker thread; the db exporters stage their output and move it into
place only when complete, so Cancel or a failure leaves nothing at the destination.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import ShowshelfError
from db.exporting.notes_common import ExportCancelled
from db.exporting.notes_formats import NOTES_FORMATS, export_notes
from db.models import database_proxy
from db.note_listing import NoteScope
from db.notes import NoteTarget


class _ExportRun(QObject):
    """One export on its own thread, reporting progress and the outcome as signals."""

    progressed = Signal(int, int)
    finished = Signal(int)  # notes written
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, format_name: str, out: Path, scope: NoteScope) -> None:
        super().__init__()
        self._args = (format_name, out, scope)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="notes-export", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._stop.is_set()

    def _run(self) -> None:
        try:
            count = export_notes(*self._args, progress=self._progress)
        except ExportCancelled:
            self.cancelled.emit()
        except ShowshelfError as error:
            self.failed.emit(str(error))
        except Exception as error:  # shown, never swallowed
            self.failed.emit(f"the export failed: {error}")
        else:
            self.finished.emit(count)
        finally:
            if database_proxy.obj is not None:
                database_proxy.obj.close()  # this thread's own connection


class ExportDialog(QDialog):
    """`search_text`: the window's current search (scope "current search results");
    `selected`: the targets selected in the window (scope "selected items")."""

    exported = Signal(str)  # a sentence saying what was written where

    def __init__(self, parent: QWidget | None = None, *, search_text: str = "",
                 selected: tuple[NoteTarget, ...] = (), destination: Path | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export notes")
        self._search_text = search_text.strip()
        self._selected = selected
        self._run: _ExportRun | None = None
        self._last_folder = destination or Path.home()

        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        for spec in NOTES_FORMATS.values():
            self.format.addItem(spec.label, spec.name)
        self.format.currentIndexChanged.connect(self._format_changed)

        self.scope_all = QRadioButton("&All notes", self)
        self.scope_search = QRadioButton(self)
        self.scope_selected = QRadioButton(self)
        self.scope_search.setText(f"Notes of the current search results (“{self._search_text}”)"
                                  if self._search_text else "Notes of the current search "
                                  "results (no search now)")
        self.scope_search.setEnabled(bool(self._search_text))
        count = len(selected)
        self.scope_selected.setText(f"Notes of the selected item{'s' if count != 1 else ''} "
                                    f"({count:,} item{'' if count == 1 else 's'})")
        self.scope_selected.setEnabled(bool(selected))
        self._scopes = QButtonGroup(self)
        for button in (self.scope_all, self.scope_search, self.scope_selected):
            self._scopes.addButton(button)
        self.scope_all.setChecked(True)
        scope_box = QVBoxLayout()
        for button in (self.scope_all, self.scope_search, self.scope_selected):
            scope_box.addWidget(button)

        self.destination = QLineEdit(self)
        self.destination.setObjectName("exportDestination")
        self.browse = QPushButton("&Browse…", self)
        self.browse.clicked.connect(self._browse)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(self.browse)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(self.message.textFormat().PlainText)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("&Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        form = QFormLayout()
        form.addRow("&Format:", self.format)
        form.addRow("Notes:", scope_box)
        save_label = QLabel("&Save to:", self)
        save_label.setBuddy(self.destination)  # a row of widgets gets no buddy by itself
        form.addRow(save_label, destination_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._format_changed()
        self.resize(560, self.sizeHint().height())

    # --- choices ---------------------------------------------------------------------------

    def format_name(self) -> str:
        return str(self.format.currentData())

    def scope(self) -> NoteScope:
        if self.scope_search.isChecked():
            return NoteScope(query=self._search_text)
        if self.scope_selected.isChecked():
            return NoteScope(targets=self._selected)
        return NoteScope()

    def _format_changed(self) -> None:
        spec = NOTES_FORMATS[self.format_name()]
        current = self.destination.text().strip()
        base = Path(current).parent if current else self._last_folder
        name = "My notes" + spec.suffix
        self.destination.setText(str(base / name))

    def _browse(self) -> None:
        spec = NOTES_FORMATS[self.format_name()]
        start = self.destination.text() or str(self._last_folder)
        if spec.is_folder:
            chosen = QFileDialog.getExistingDirectory(self, "Export notes into folder", start)
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export notes to file", start, f"{spec.label} (*{spec.suffix})")
        if chosen:
            self.destination.setText(chosen)

    # --- running ---------------------------------------------------------------------------

    def start_export(self) -> None:
        text = self.destination.text().strip()
        if not text:
            self._say("Choose where to save the export.")
            return
        out = Path(text).expanduser()
        spec = NOTES_FORMATS[self.format_name()]
        if not spec.is_folder and out.suffix.lower() != spec.suffix:
            out = out.with_name(out.name + spec.suffix)
        self._run = _ExportRun(self.format_name(), out, self.scope())
        self._run.progressed.connect(self._progressed)
        self._run.finished.connect(lambda count: self._finished(count, out))
        self._run.failed.connect(self._failed)
        self._run.cancelled.connect(self._cancelled)
        self._set_running(True)
        self._say(f"Exporting to {out}…")
        self._run.start()

    def is_running(self) -> bool:
        return self._run is not None

    def _set_running(self, running: bool) -> None:
        for widget in (self.format, self.scope_all, self.scope_search, self.scope_selected,
                       self.destination, self.browse, self.export_button):
            widget.setEnabled(not running and (widget is not self.scope_search
                                               or bool(self._search_text))
                              and (widget is not self.scope_selected or bool(self._selected)))
        self.progress.setVisible(running or self.progress.value() > 0)
        if running:
            self.progress.setRange(0, 0)  # busy until the first count arrives

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done:,} of {total:,} note{'' if total == 1 else 's'}")

    def _finished(self, count: int, out: Path) -> None:
        self._end()
        sentence = f"Exported {count} note{'s' if count != 1 else ''} to {out}"
        self._say(sentence + ".")
        self.exported.emit(sentence)
        self.cancel_button.setText("Close")

    def _failed(self, message: str) -> None:
        self._end()
        self._say(f"Not exported: {message}")

    def _cancelled(self) -> None:
        self._end()
        self.progress.hide()
        self._say("Export cancelled; nothing was written.")

    def _end(self) -> None:
        if self._run is not None:
            self._run.wait()
        self._run = None
        self._set_running(False)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _cancel_or_close(self) -> None:
        if self._run is not None:
            self._run.cancel()
            self._say("Cancelling…")
            return
        self.reject()

    def reject(self) -> None:
        if self._run is not None:  # Esc while running cancels first
            self._run.cancel()
            self._run.wait()
        super().reject()
