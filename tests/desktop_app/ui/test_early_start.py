"""Start-up the way `showshelf` starts: the list is painted from the early connection, then the
store, the pages, the SearchField and the shortcuts arrive right after the first paint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import early_library
from db.database import close_library
from db.models import database_proxy
from desktop_app.gui import open_library_window
from desktop_app.ui.search_field import SearchField
from tests.browser_library import create_browser_library


@pytest.fixture
def library(tmp_path: Path, mini_library_document: dict[str, Any]) -> Iterator[Path]:
    close_library()
    yield create_browser_library(tmp_path / "browser.sqlite", mini_library_document)
    early_library.close_early()
    close_library()


def test_the_list_comes_from_the_early_connection_and_the_rest_follows_its_paint(
        library: Path, qtbot: QtBot) -> None:
    window = open_library_window(library, busy_timeout=0.2)
    assert window is not None
    qtbot.addWidget(window)
    assert early_library.connection() is not None and database_proxy.obj is None
    assert window.series_model.rowCount() == 6
    assert not window.pages_built()

    window.show()
    qtbot.waitUntil(lambda: "people" in window.status_label.text())  # after the first paint
    assert early_library.connection() is None and database_proxy.obj is not None
    assert window.pages_built()
    assert isinstance(window.search_field, SearchField)
    assert window.status_label.text() == "6 series · 2 people · 1 review · 2 notes"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # a shortcut
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "zebra")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # opens the top result
    qtbot.waitUntil(lambda: window.current_target() is not None)
    assert window.series_page.series is not None
    assert window.series_page.series.title == "The Zebra Hour"
    assert window.notes.series_editor.isEnabled()  # the note editor follows, on the store
    window.search_timer.stop()
    window.close()


def test_text_typed_before_the_search_field_is_swapped_is_kept(
        library: Path, qtbot: QtBot) -> None:
    window = open_library_window(library, busy_timeout=0.2)
    assert window is not None
    qtbot.addWidget(window)
    plain_field = window.search_field
    assert not isinstance(plain_field, SearchField)
    plain_field.setText("alpha")
    window.show()
    qtbot.waitUntil(window.pages_built)
    assert isinstance(window.search_field, SearchField)
    assert window.search_field.text() == "alpha"
    window.apply_search()  # nothing left waiting for the event loop once the library closes
    assert window.series_model.view.search == "alpha"
    window.close()


def test_a_search_typed_before_the_first_paint_runs_on_the_store(
        library: Path, qtbot: QtBot) -> None:
    """The search runs as soon as the key is taken: before the first paint that means
    binding the store (and building the pages) first, not querying a store not yet bound."""
    window = open_library_window(library, busy_timeout=0.2)
    assert window is not None
    qtbot.addWidget(window)
    assert database_proxy.obj is None

    window.search_field.setText("zebra")

    qtbot.waitUntil(lambda: window.series_model.view.search == "zebra")
    assert database_proxy.obj is not None and window.pages_built()
    assert window.series_model.rowCount() == 1
    window.close()
