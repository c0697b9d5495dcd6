"""My notes list and the export dialog, driven with real keys (ui/notes_view.py,
ui/export_dialog.py)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.database import close_library
from db.models import Series
from db.notes import NoteState, NoteTarget, save_note
from desktop_app.ui.export_dialog import ExportDialog, _ExportRun
from desktop_app.ui.notes_view import NotesView
from tests.db.notes_helpers import make_notes_library


@pytest.fixture
def library(tmp_path: Path, mini_library_file: Path) -> Iterator[Path]:
    path = make_notes_library(tmp_path, mini_library_file)
    yield path
    close_library()


def _shown(qtbot: QtBot, widget: object) -> None:
    qtbot.addWidget(widget)
    widget.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(widget)


def test_notes_view_lists_sorts_filters_and_opens(qtbot: QtBot, library: Path) -> None:
    view = NotesView()
    _shown(qtbot, view)
    assert view.model.rowCount() == 3 and view.count_label.text().startswith("3 notes · ")
    view.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    titles = [view.model.row_at(i).label() for i in range(3)]
    assert titles == ["Ann Actor", "Test Show", "The Hero (Test Show)"]
    view.filter.setFocus()
    qtbot.keyClicks(view.filter, "plays")
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)
    assert view.model.rowCount() == 1 and "1 note match" in view.count_label.text()
    with qtbot.waitSignal(view.noteActivated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args[0].target.kind == "character"


def test_down_from_the_filter_reaches_the_list_and_enter_opens_the_first_note(
        qtbot: QtBot, library: Path) -> None:
    view = NotesView()
    _shown(qtbot, view)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.filter.setFocus()
    assert "Enter opens" in view.count_label.text()
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    assert view.table.currentIndex().row() == 0
    with qtbot.waitSignal(view.noteActivated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args[0] == view.model.row_at(0)
    # Down while filtering lands on the first match too.
    view.filter.setFocus()
    qtbot.keyClicks(view.filter, "plays")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0


def test_notes_view_fetches_lazily(qtbot: QtBot, library: Path) -> None:
    for n in range(450):
        series = Series.insert(key=f"extra-{n}", title=f"Extra {n:03}",
                               sort_title=f"Extra {n:03}").execute()
        save_note(NoteTarget("series", series), NoteState(f"note {n}"))
    view = NotesView()
    _shown(qtbot, view)
    assert view.model.total() == 453
    assert view.model.rowCount() < 453  # one page, more on scrolling
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    for _ in range(3):
        qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() > 200)


def test_export_dialog_writes_the_chosen_scope(qtbot: QtBot, library: Path,
                                               tmp_path: Path) -> None:
    dialog = ExportDialog(search_text="test show", destination=tmp_path)
    _shown(qtbot, dialog)
    assert not dialog.scope_selected.isEnabled()
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)  # JSON
    assert dialog.format_name() == "json"
    assert dialog.destination.text() == str(tmp_path / "My notes.json")
    dialog.scope_search.setFocus()
    qtbot.keyClick(dialog.scope_search, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert done.args[0].startswith("Exported 2 notes to")
    assert dialog.progress.text() == "2 of 2 notes"
    notes = json.loads((tmp_path / "My notes.json").read_text(encoding="utf-8"))["notes"]
    assert {n["title"] for n in notes} == {"Test Show", "The Hero"}


def test_export_dialog_explains_a_missing_folder(qtbot: QtBot, library: Path,
                                                 tmp_path: Path) -> None:
    dialog = ExportDialog(destination=tmp_path / "gone")
    _shown(qtbot, dialog)
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Not exported"))
    assert "does not exist" in dialog.message.text()
    assert not (tmp_path / "gone").exists()


def test_export_dialog_cancel_leaves_nothing(qtbot: QtBot, library: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(300):
        series = Series.insert(key=f"extra-{n}", title=f"Extra {n:03}",
                               sort_title=f"Extra {n:03}").execute()
        save_note(NoteTarget("series", series), NoteState(f"note {n}"))
    out = tmp_path / "out"
    dialog = ExportDialog(destination=tmp_path)
    _shown(qtbot, dialog)
    dialog.destination.setText(str(out))
    real_start = _ExportRun.start
    monkeypatch.setattr(_ExportRun, "start", lambda run: None)  # hold the thread back
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert dialog.is_running() and not dialog.destination.isEnabled()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Space)  # Cancel before any note is out
    assert dialog.message.text() == "Cancelling…"
    assert dialog._run is not None
    real_start(dialog._run)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert dialog.message.text() == "Export cancelled; nothing was written."
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []


def test_export_dialog_exports_the_selected_items(qtbot: QtBot, library: Path,
                                                  tmp_path: Path) -> None:
    from db.models import Person

    selected = (NoteTarget("person", Person.get(Person.key == "ann-actor").id),
                NoteTarget("series", Series.get(Series.key == "test-show").id))
    dialog = ExportDialog(selected=selected, destination=tmp_path)
    _shown(qtbot, dialog)
    assert dialog.scope_selected.isEnabled()
    dialog.format.setFocus()
    for _ in range(3):
        qtbot.keyClick(dialog.format, Qt.Key.Key_Down)  # CSV
    assert dialog.format_name() == "csv"
    dialog.scope_selected.setFocus()
    qtbot.keyClick(dialog.scope_selected, Qt.Key.Key_Space)
    assert dialog.scope_selected.isChecked()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert done.args[0].startswith("Exported 2 notes to")
    with (tmp_path / "My notes.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert sorted(row[0] for row in rows[1:]) == ["Ann Actor", "Test Show"]
