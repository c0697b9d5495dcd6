"""Start-up on a library that cannot be opened: a dialog says why; nothing is overwritten."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from db.database import close_library
from db.seed import open_or_create_library
from desktop_app import APP_ID
from desktop_app.gui import configure_application, open_library_window
from desktop_app.ui.open_failure import OpenFailureDialog

Answer = Callable[[QWidget], None]


class DialogAnswerer:
    """Answers each modal dialog as it opens, in order, the way a user at the keyboard would."""

    def __init__(self, qtbot: QtBot, answers: list[Answer]) -> None:
        self.qtbot = qtbot
        self.answers = list(answers)
        self.seen: list[QWidget] = []
        self.texts: list[str] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in self.seen or not dialog.isVisible():
            return
        self.seen.append(dialog)
        if isinstance(dialog, OpenFailureDialog):
            self.texts.append(f"{dialog.text()}\n{dialog.informativeText()}")
        if not self.answers:
            dialog.close()  # an unexpected dialog: close it so the test fails, not hangs
            return
        self.answers.pop(0)(dialog)


@pytest.fixture
def answer_dialogs(qtbot: QtBot) -> Iterator[Callable[[list[Answer]], DialogAnswerer]]:
    made: list[DialogAnswerer] = []

    def start(answers: list[Answer]) -> DialogAnswerer:
        made.append(DialogAnswerer(qtbot, answers))
        return made[-1]

    yield start
    for answerer in made:
        answerer.timer.stop()


def press_escape(qtbot: QtBot) -> Answer:
    return lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def press_enter(qtbot: QtBot) -> Answer:
    return lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return)


def type_file_name(qtbot: QtBot, path: Path) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_field is not None
        name_field.clear()
        qtbot.keyClicks(name_field, str(path))
        qtbot.keyClick(name_field, Qt.Key.Key_Return)

    return answer


@pytest.fixture
def corrupt_library(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(b"these bytes were never a database\n" * 200)
    return path


@pytest.fixture
def good_library(tmp_path: Path, mini_library_file: Path) -> Path:
    path = tmp_path / "elsewhere" / "good.sqlite"
    path.parent.mkdir()
    open_or_create_library(path, seed=mini_library_file)
    close_library()
    return path


def test_a_damaged_library_says_why_and_quits_without_touching_it(
        qtbot: QtBot, corrupt_library: Path, answer_dialogs: Callable) -> None:
    before = corrupt_library.read_bytes()
    answerer = answer_dialogs([press_escape(qtbot)])

    window = open_library_window(corrupt_library, busy_timeout=0.2)

    assert window is None
    assert len(answerer.texts) == 1
    assert "damaged.sqlite" in answerer.texts[0]
    assert "not a Showshelf library" in answerer.texts[0]
    assert corrupt_library.read_bytes() == before
    assert sorted(p.name for p in corrupt_library.parent.iterdir()) == ["damaged.sqlite"]


def test_open_another_library_from_the_failure_dialog(
        qtbot: QtBot, corrupt_library: Path, good_library: Path,
        answer_dialogs: Callable) -> None:
    before = corrupt_library.read_bytes()
    answer_dialogs([press_enter(qtbot), type_file_name(qtbot, good_library)])

    window = open_library_window(corrupt_library, busy_timeout=0.2)

    assert window is not None
    qtbot.addWidget(window)
    assert "good.sqlite" in window.windowTitle()
    assert corrupt_library.read_bytes() == before


def test_a_library_with_damaged_pages_says_so(
        qtbot: QtBot, good_library: Path, answer_dialogs: Callable) -> None:
    data = bytearray(good_library.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Keep the header page, scribble over every other page: SQLite sees a malformed file.
    data[page_size:] = b"\xa5" * (len(data) - page_size)
    good_library.write_bytes(bytes(data))
    answerer = answer_dialogs([press_escape(qtbot)])

    assert open_library_window(good_library, busy_timeout=0.2) is None
    assert "damaged" in answerer.texts[0]
    assert good_library.read_bytes() == bytes(data)


def test_cancelling_the_file_dialog_returns_to_the_explanation(
        qtbot: QtBot, corrupt_library: Path, answer_dialogs: Callable) -> None:
    answerer = answer_dialogs([press_enter(qtbot), press_escape(qtbot), press_escape(qtbot)])

    assert open_library_window(corrupt_library, busy_timeout=0.2) is None
    assert len(answerer.texts) == 2


def test_a_library_from_a_newer_showshelf_is_refused(
        qtbot: QtBot, good_library: Path, answer_dialogs: Callable) -> None:
    with sqlite3.connect(good_library) as connection:
        connection.execute("PRAGMA user_version = 999")
    connection.close()
    answerer = answer_dialogs([press_escape(qtbot)])

    assert open_library_window(good_library, busy_timeout=0.2) is None
    assert "newer" in answerer.texts[0]
    with sqlite3.connect(good_library) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 999
    connection.close()


def test_a_missing_folder_is_reported_not_created(
        qtbot: QtBot, tmp_path: Path, answer_dialogs: Callable) -> None:
    library = tmp_path / "no-such-folder" / "library.sqlite"
    answerer = answer_dialogs([press_escape(qtbot)])

    assert open_library_window(library, busy_timeout=0.2) is None
    assert "does not exist" in answerer.texts[0]
    assert not library.parent.exists()


def test_the_application_carries_our_names_and_icon(qapp: QApplication) -> None:
    app = configure_application()

    assert app.applicationName() == "Showshelf"
    assert app.desktopFileName() == APP_ID
    assert not app.windowIcon().isNull()
    assert {size.width() for size in app.windowIcon().availableSizes()} >= {16, 32, 256}
