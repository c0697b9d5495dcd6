"""The browser window driven like a user: real key presses and clicks on a real library file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from db.database import open_library
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.series_model import SeriesColumn
from tests.browser_library import create_browser_library

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def library(tmp_path: Path, mini_library_document: dict[str, Any]) -> Path:
    path = create_browser_library(tmp_path / "browser.sqlite", mini_library_document)
    open_library(path)
    return path


@pytest.fixture
def make_window(qtbot: Any, library: Path, tmp_path: Path) -> Iterator[WindowFactory]:
    """Open a window on the library; each call is a new start with the same settings file."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: "people" in window.status_label.text())
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


def list_titles(window: MainWindow) -> list[str]:
    model = window.series_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def current_title(window: MainWindow) -> str | None:
    index = window.series_table.currentIndex()
    return index.siblingAtColumn(SeriesColumn.TITLE).data() if index.isValid() else None


def page_title(window: MainWindow) -> str:
    """The heading of the page on show (its document's first line)."""
    page = window.detail_stack.currentWidget()
    if page is window.placeholder:
        return ""
    return page.plain_text().splitlines()[0]


def follow_link(qtbot: Any, view: Any, label: str) -> None:
    """Tab through a page's links like a keyboard user until `label` has focus; press Enter."""
    view.setFocus()
    for _ in range(60):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        if view.textCursor().selectedText() == label:
            qtbot.keyClick(view, Qt.Key.Key_Return)
            return
    raise AssertionError(f"no link {label!r} reachable with Tab")


def focus_list(qtbot: Any, window: MainWindow) -> None:
    window.series_table.setFocus()
    qtbot.waitUntil(window.series_table.hasFocus)


def test_opens_with_every_series_listed_and_counts_in_the_status_bar(
        window: MainWindow) -> None:
    assert list_titles(window) == ["Alpha Line", "<b>Bold</b> & Co", "Other Show",
                                   "Quiet Gamma", "Test Show", "The Zebra Hour"]
    assert window.status_label.text() == "6 series · 2 people · 1 review · 2 notes"
    assert window.detail_stack.currentWidget() is window.placeholder
    assert window.current_target() is None


def test_status_messages_have_room_beside_the_counts(qtbot: Any, window: MainWindow) -> None:
    """Import/export results and menu tips go through showMessage(), left of the counts."""
    window.show()
    qtbot.waitExposed(window)
    window.statusBar().showMessage("Imported 3 notes from /some/folder/of/notes")
    qtbot.wait(10)
    assert window.status_label.isVisible()
    assert window.status_label.geometry().left() > window.statusBar().width() // 2


def test_arrow_keys_move_in_the_list_and_the_detail_follows(qtbot: Any,
                                                            window: MainWindow) -> None:
    focus_list(qtbot, window)  # a list given focus starts on its first row
    assert current_title(window) == "Alpha Line"
    assert page_title(window) == "Alpha Line"
    with qtbot.waitSignal(window.target_changed) as changed:
        qtbot.keyClick(window.series_table, Qt.Key.Key_Down)
    assert page_title(window) == "<b>Bold</b> & Co"
    assert changed.args == [window.current_target()]
    qtbot.keyClick(window.series_table, Qt.Key.Key_End)
    assert page_title(window) == "The Zebra Hour"
    # Arrowing through the list leaves one history entry, not one per row passed.
    assert not window.history.can_go_back()


def test_list_to_series_to_person_then_back_and_forward(qtbot: Any, window: MainWindow) -> None:
    focus_list(qtbot, window)
    qtbot.keyClicks(window.series_table, "test")  # type-ahead
    assert current_title(window) == "Test Show"
    qtbot.keyClick(window.series_table, Qt.Key.Key_Return)  # Enter opens: focus the page
    assert window.series_page.head_view.hasFocus()
    lines = window.series_page.plain_text().splitlines()
    assert lines[1] == "Miniseries · 2019 · 1 season, 6 episodes · Testflix"
    cast = window.series_page.cast_table
    cast.setFocus()
    qtbot.keyClick(cast, Qt.Key.Key_Down)
    assert cast.item(cast.currentRow(), 1).text() == "The Hero"
    qtbot.keyClick(cast, Qt.Key.Key_Return)
    assert page_title(window) == "Ann Actor"
    person_text = window.person_page.plain_text()
    assert person_text.index("Other Show") < person_text.index("Test Show")
    person_target = window.current_target()
    assert person_target is not None and person_target.kind == "person"

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page_title(window) == "Test Show"
    assert current_title(window) == "Test Show"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_target() == person_target

    # A role opens its series, and the list selection follows.
    follow_link(qtbot, window.person_page.view, "Other Show")
    assert page_title(window) == "Other Show"
    assert current_title(window) == "Other Show"
    window.go_menu.actions()[0].trigger()  # Go › Back
    assert page_title(window) == "Ann Actor"
    qtbot.mouseClick(window.person_page.back_button, Qt.MouseButton.LeftButton)
    assert page_title(window) == "Test Show"


def test_a_focused_page_shows_a_bar_down_its_edge(qtbot: Any, window: MainWindow) -> None:
    focus_list(qtbot, window)
    qtbot.keyClicks(window.series_table, "test")
    page = window.series_page
    assert not page.focus_bar.isVisible()

    qtbot.keyClick(window.series_table, Qt.Key.Key_Return)  # the page takes the focus

    assert page.focus_bar.isVisible()
    assert page.focus_bar.height() == page.height()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.series_table.hasFocus()  # Ctrl+L: back to the list, the bar goes
    assert not page.focus_bar.isVisible()


@pytest.mark.parametrize("page_width", [300, 420])
def test_a_narrow_page_wraps_its_text_instead_of_scrolling_sideways(
        qtbot: Any, window: MainWindow, page_width: int) -> None:
    focus_list(qtbot, window)
    qtbot.keyClicks(window.series_table, "test")  # Test Show: a cast, reviews and a note
    window.splitter.setSizes([window.splitter.width() - page_width, page_width])
    page = window.series_page
    qtbot.waitUntil(lambda: abs(page.width() - page_width) <= 2)  # less the handle
    page.settle_layout()

    assert page.widget().width() <= page.viewport().width()
    assert not page.horizontalScrollBar().isVisible()
    cast = page.cast_table
    described = cast.columnWidth(2)  # the last column, stretched: what the others leave
    assert described >= cast.viewport().width() * 0.35


def test_a_cast_column_widened_by_hand_keeps_its_width(qtbot: Any, window: MainWindow) -> None:
    focus_list(qtbot, window)
    qtbot.keyClicks(window.series_table, "test")
    cast = window.series_page.cast_table
    header = cast.horizontalHeader()
    header.resizeSection(0, 300)  # as a drag of the header's edge does
    window.splitter.setSizes([window.splitter.width() - 700, 700])
    qtbot.waitUntil(lambda: window.series_page.width() >= 690)
    window.series_page.settle_layout()
    assert header.sectionSize(0) == 300

    set_width = header.sectionSize(1)
    qtbot.keyClick(window.series_table, Qt.Key.Key_Down)  # another series: its own widths
    qtbot.keyClick(window.series_table, Qt.Key.Key_Up)
    assert header.sectionSize(0) == set_width


def test_mouse_back_button_goes_back(qtbot: Any, window: MainWindow) -> None:
    window.open_series(window.series_model.series_id(4) or 0)
    cast = window.series_page.series.cast if window.series_page.series else []
    window.open_person(cast[0].person_id or 0)
    window.open_series(window.series_model.series_id(0) or 0)
    assert page_title(window) == "Alpha Line"
    qtbot.mouseClick(window.series_page.viewport(), Qt.MouseButton.BackButton)
    assert page_title(window) == "Ann Actor"
    qtbot.mouseClick(window.person_page.viewport(), Qt.MouseButton.ForwardButton)
    assert page_title(window) == "Alpha Line"


def test_clicking_a_header_sorts_in_sql_and_again_reverses(qtbot: Any,
                                                          window: MainWindow) -> None:
    header = window.series_table.horizontalHeader()
    years = QPoint(header.sectionViewportPosition(SeriesColumn.YEARS) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=years)
    assert list_titles(window) == ["Quiet Gamma", "Alpha Line", "Other Show", "The Zebra Hour",
                                   "<b>Bold</b> & Co", "Test Show"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=years)
    assert list_titles(window)[0] == "Test Show"


def test_hiding_a_column_from_the_view_menu(window: MainWindow) -> None:
    action = window.column_actions[SeriesColumn.GENRES]
    assert action in window.columns_menu.actions()
    action.trigger()
    assert window.series_table.isColumnHidden(SeriesColumn.GENRES)
    action.trigger()
    assert not window.series_table.isColumnHidden(SeriesColumn.GENRES)
    assert not window.column_actions[SeriesColumn.TITLE].isEnabled()


def test_restart_restores_sort_columns_item_splitter_and_zoom(
        qtbot: Any, make_window: WindowFactory) -> None:
    first = make_window()
    header = first.series_table.horizontalHeader()
    header.setSortIndicator(SeriesColumn.NETWORK, Qt.SortOrder.DescendingOrder)
    first.column_actions[SeriesColumn.MY_STATUS].trigger()
    header.moveSection(header.visualIndex(SeriesColumn.NETWORK), 1)
    first.resize(700, 500)  # inside the offscreen screen, which restoreGeometry clamps to
    first.splitter.setSizes([250, 450])
    sizes = first.splitter.sizes()
    focus_list(qtbot, first)
    qtbot.keyClick(first.series_table, Qt.Key.Key_Down)
    chosen = current_title(first)
    qtbot.keyClick(first, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert first.zoom() == 1
    widths = [header.sectionSize(column) for column in SeriesColumn]
    order = list_titles(first)
    first.close()

    second = make_window()
    assert list_titles(second) == order
    assert second.series_model.view.descending
    assert second.series_table.isColumnHidden(SeriesColumn.MY_STATUS)
    assert not second.column_actions[SeriesColumn.MY_STATUS].isChecked()
    assert second.series_table.horizontalHeader().visualIndex(SeriesColumn.NETWORK) == 1
    assert second.splitter.sizes() == sizes
    assert second.size() == first.size()
    assert second.zoom() == 1
    assert [second.series_table.horizontalHeader().sectionSize(column)
            for column in SeriesColumn] == widths  # saved at this zoom: not scaled again
    qtbot.waitUntil(lambda: page_title(second) == chosen)
    assert current_title(second) == chosen


def test_zooming_makes_the_lists_rows_and_columns_follow_the_text(
        qtbot: Any, window: MainWindow) -> None:
    table = window.series_table
    header = table.horizontalHeader()
    row_height, line = table.rowHeight(0), table.fontMetrics().height()
    widths = [header.sectionSize(column) for column in SeriesColumn]
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom() == 5
    bigger = table.fontMetrics().height()
    assert bigger > line
    assert table.rowHeight(0) == row_height + bigger - line
    grown = [header.sectionSize(column) for column in SeriesColumn]
    assert all(after > before for before, after in zip(widths[:-1], grown[:-1], strict=True))
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # actual size
    assert table.rowHeight(0) == row_height
    back = [header.sectionSize(column) for column in SeriesColumn]
    assert all(abs(after - before) <= 1
               for before, after in zip(widths[:-1], back[:-1], strict=True))


def test_search_filters_keeps_selection_and_escape_clears(qtbot: Any,
                                                          window: MainWindow) -> None:
    focus_list(qtbot, window)
    qtbot.keyClicks(window.series_table, "other")
    assert current_title(window) == "Other Show"
    qtbot.keyClick(window, Qt.Key.Key_Slash)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "show")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert list_titles(window) == ["Other Show", "Test Show"]
    assert current_title(window) == "Other Show"  # the selection survived the search
    assert window.series_table.hasFocus()
    assert window.status_label.text().startswith("2 matches in 6 series")

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert len(list_titles(window)) == 6
    assert current_title(window) == "Other Show"
    assert window.search_field.hasFocus()  # a second Esc leaves the field
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.series_table.hasFocus()


def test_typing_in_search_filters_after_a_pause(qtbot: Any, window: MainWindow) -> None:
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "zebra")
    qtbot.waitUntil(lambda: list_titles(window) == ["The Zebra Hour"])


def test_empty_search_says_so(qtbot: Any, window: MainWindow) -> None:
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "no such series")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.series_model.rowCount() == 0
    assert window.series_table.empty_label.isVisible()
    assert "no such series" in window.series_table.empty_label.text()
    assert window.status_label.text().startswith("No matches in 6 series")


def test_related_titles_open_or_search(qtbot: Any, window: MainWindow) -> None:
    window.open_series(window.series_model.series_id(4) or 0)
    text = window.series_page.plain_text()
    assert "Compared with: Other Show — " not in text  # no detail given: no dash
    assert "Inspired by: Missing Film (1990)  not in your library Search for it" in text
    assert "Created by: Cy Creator" in text
    follow_link(qtbot, window.series_page.rest_view, "Search for it")
    assert window.search_field.text() == "Missing Film"
    assert window.series_model.rowCount() == 0
    assert page_title(window) == "Test Show"  # a search leaves the page and history alone
    assert not window.history.can_go_back()
    follow_link(qtbot, window.series_page.rest_view, "Open")
    assert page_title(window) == "Other Show"
    window.go_back()
    follow_link(qtbot, window.series_page.head_view, "Cy Creator")
    assert page_title(window) == "Cy Creator"


def test_library_text_is_shown_as_text_never_as_html(window: MainWindow) -> None:
    window.open_series(window.series_model.series_id(1) or 0)
    assert page_title(window) == "<b>Bold</b> & Co"
    assert "<b>Bold</b>" not in window.series_page.head_view.toHtml()  # escaped, not markup
    assert window.windowTitle() == "<b>Bold</b> & Co — Showshelf"


def test_next_and_previous_series_from_the_go_menu(qtbot: Any, window: MainWindow) -> None:
    assert window.next_action in window.go_menu.actions()
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page_title(window) == "Alpha Line"
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page_title(window) == "Alpha Line"


def test_a_library_that_cannot_be_opened_is_refused_and_the_current_one_stays(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: messages.append(text))
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all, just some text" * 10)
    assert not window.open_library_file(broken)
    assert "broken.sqlite" in messages[0]
    assert broken.read_bytes() == b"not a database at all, just some text" * 10
    assert len(list_titles(window)) == 6
    QApplication.processEvents()
