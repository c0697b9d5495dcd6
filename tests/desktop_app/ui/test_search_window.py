"""Searching in the main window, driven like a user: real key presses on a real library file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from db.database import open_library
from desktop_app.ui import series_model
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.search_field import SearchField
from desktop_app.ui.search_help import SearchHelpDialog
from desktop_app.ui.search_highlight import MARK_COLOUR, HighlightDelegate
from desktop_app.ui.series_model import SeriesColumn
from tests.browser_library import create_browser_library

WindowFactory = Callable[[Path], MainWindow]


@pytest.fixture
def browser_library(tmp_path: Path, mini_library_document: dict[str, Any]) -> Path:
    path = create_browser_library(tmp_path / "browser.sqlite", mini_library_document)
    open_library(path)
    return path


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(library: Path) -> MainWindow:
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
def window(make_window: WindowFactory, browser_library: Path) -> MainWindow:
    return make_window(browser_library)


def field_of(window: MainWindow) -> SearchField:
    field = window.search_field
    assert isinstance(field, SearchField)
    return field


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Key presses for `text`; QTest only knows ASCII keys, so others go as key events."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         char))


def type_search(qtbot: Any, window: MainWindow, text: str) -> None:
    """Focus the field with its shortcut and type `text`; wait until the list has applied it."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    type_text(qtbot, window.search_field, text)
    qtbot.waitUntil(lambda: window.series_model.view.search == text)


def list_titles(window: MainWindow) -> list[str]:
    model = window.series_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def current_title(window: MainWindow) -> str | None:
    index = window.series_table.currentIndex()
    return index.siblingAtColumn(SeriesColumn.TITLE).data() if index.isValid() else None


def page_title(window: MainWindow) -> str:
    page = window.detail_stack.currentWidget()
    return "" if page is window.placeholder else page.plain_text().splitlines()[0]


def mark_pixels(widget: QWidget) -> int:
    """How many pixels of the widget show the mark colour (over a light or dark base)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if colour.red() > 150 and colour.red() - colour.blue() > 80 \
                    and colour.green() - colour.blue() > 40:
                count += 1
    return count


def test_the_field_says_how_to_search(window: MainWindow) -> None:
    assert isinstance(window.search_field, SearchField)
    assert "cast:" in window.search_field.placeholderText()
    assert "Ctrl+F" in window.search_field.placeholderText()


def test_typing_filters_the_list_and_counts_matches(qtbot: Any, window: MainWindow) -> None:
    type_search(qtbot, window, "beta")  # the network of two series
    assert sorted(list_titles(window)) == ["<b>Bold</b> & Co", "Other Show"]
    assert window.status_label.text().startswith("2 matches in 6 series ·")
    qtbot.keyClicks(window.search_field, " -comedy")
    qtbot.waitUntil(lambda: list_titles(window) == ["<b>Bold</b> & Co"])
    assert window.status_label.text().startswith("1 match in 6 series ·")
    assert not window.search.hint_label.isVisible()


def test_a_search_lists_best_matches_first_until_a_header_is_clicked(
        qtbot: Any, window: MainWindow) -> None:
    header = window.series_table.horizontalHeader()
    assert header.isSortIndicatorShown()
    type_search(qtbot, window, "show")
    assert window.series_model.view.relevance  # the title order restored at start is no choice
    assert not header.isSortIndicatorShown()  # an arrow would claim an order the list lacks
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(SeriesColumn.YEARS) + 5, 5))
    assert not window.series_model.view.relevance
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == SeriesColumn.YEARS


def test_a_count_past_the_cap_shows_a_plus_until_the_list_is_scrolled(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(series_model, "SEARCH_COUNT_CAP", 3)  # five matches: past the cap
    table = window.series_table
    # Less than a row high, as a long list is on screen: the view fetches no more by itself.
    table.setFixedHeight(table.horizontalHeader().height() + table.rowHeight(0) // 2)
    type_search(qtbot, window, "happens")  # every synopsis but one says "What happens in …"
    assert window.status_label.text().startswith("3+ matches in 6 series ·")
    window.series_table.setFocus()
    qtbot.keyClick(window.series_table, Qt.Key.Key_End)  # the view fetches more rows
    qtbot.waitUntil(lambda: window.status_label.text().startswith("5 matches in 6 series ·"))


def test_an_unknown_field_gets_a_hint_and_the_empty_state_says_how_to_clear(
        qtbot: Any, window: MainWindow) -> None:
    type_search(qtbot, window, "yaer:2018")
    hint = "unknown field 'yaer' — did you mean 'year'?"
    assert window.search.hint_label.text() == hint
    assert window.search.hint_label.isVisible()
    assert window.search_field.toolTip() == hint
    assert window.status_label.text().startswith("No matches in 6 series")
    empty = window.series_table.empty_label
    assert empty.isVisible()
    assert "No series match “yaer:2018”." in empty.text()
    assert "Press Esc to clear the search." in empty.text()
    assert hint in empty.text()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert not window.search.hint_label.isVisible()
    assert not empty.isVisible()


def test_matches_are_marked_in_the_list_cells_of_their_field(
        qtbot: Any, window: MainWindow) -> None:
    unmarked = mark_pixels(window.series_table.viewport())
    type_search(qtbot, window, "zeb")
    marks = window.search.list_marks
    assert list_titles(window) == ["The Zebra Hour"]
    assert marks.spans(SeriesColumn.TITLE, "The Zebra Hour") == ((4, 9),)
    qtbot.waitUntil(lambda: mark_pixels(window.series_table.viewport()) > unmarked + 20)

    window.search_field.clear()
    type_search(qtbot, window, "network:beta")
    assert marks.spans(SeriesColumn.NETWORK, "Beta TV") == ((0, 4),)
    assert marks.spans(SeriesColumn.TITLE, "Beta TV") == ()  # a network match, not a title
    window.search_field.clear()
    window.apply_search()
    qtbot.waitUntil(lambda: mark_pixels(window.series_table.viewport()) == unmarked)


def test_matches_are_marked_in_the_detail_page(qtbot: Any, make_window: WindowFactory,
                                               bundled_library: Path) -> None:
    window = make_window(bundled_library)
    type_search(qtbot, window, "régina")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert page_title(window) == "Seven Seconds"
    # A highlighter newly attached to a document marks it on the next turn of the event loop.
    qtbot.waitUntil(lambda: bool(marked_words(window.series_page.views())))
    assert {word.lower() for word in marked_words(window.series_page.views())} == {"regina"}
    cast = window.series_page.cast_table
    delegate = cast.itemDelegate()
    assert isinstance(delegate, HighlightDelegate)
    assert delegate.spans(0, "Regina King") == ((0, 6),)


def test_the_pages_own_labels_and_headings_are_not_marked(qtbot: Any, make_window: WindowFactory,
                                                          bundled_library: Path) -> None:
    window = make_window(bundled_library)
    type_search(qtbot, window, "regina")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert page_title(window) == "Seven Seconds"
    # The page stays while a new search is typed: its words are marked, its labels are not.
    qtbot.keyClick(window.search_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.search_field, "cast syn gen crime praised won")
    qtbot.waitUntil(lambda: window.series_model.view.search.endswith("won"))
    qtbot.waitUntil(lambda: "Crime" in marked_words(window.series_page.views()))
    marked = marked_words(window.series_page.views())
    # "cast" in a source's title, "Crime" in the genres, "won" in what a source says;
    # never "Cast" / "Synopsis" headings, "Genres:" / "Praised:" / "Won:" labels, nor
    # the record kinds listed after "Supports:".
    assert {word.lower() for word in marked} == {"cast", "crime", "won"}
    assert "Cast" not in marked and "Won" not in marked
    assert marked_lines(window.series_page.views(), "Genres:") == ["Crime"]


def marked_lines(views: list[Any], line_start: str) -> list[str]:
    """The marked words on the lines of some documents that start with `line_start`."""
    words = []
    for view in views:
        block = view.document().begin()
        while block.isValid():
            for found in block.layout().formats():
                line_begin = block.text().rfind("\u2028", 0, found.start) + 1
                if found.format.background().color() == MARK_COLOUR \
                        and block.text().startswith(line_start, line_begin):
                    words.append(block.text()[found.start:found.start + found.length])
            block = block.next()
    return words


def marked_words(views: list[Any]) -> set[str]:
    """The words the search's marks cover in some documents."""
    words: set[str] = set()
    for view in views:
        block = view.document().begin()
        while block.isValid():
            for found in block.layout().formats():
                if found.format.background().color() == MARK_COLOUR:
                    words.add(block.text()[found.start:found.start + found.length])
            block = block.next()
    return words


def test_matches_are_marked_on_a_person_page_too(qtbot: Any, window: MainWindow) -> None:
    type_search(qtbot, window, "cast:ann")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    cast = window.series_page.cast_table
    cast.setFocus()
    cast.setCurrentCell(0, 0)
    qtbot.keyClick(cast, Qt.Key.Key_Return)  # the actor's page
    assert window.detail_stack.currentWidget() is window.person_page
    qtbot.waitUntil(lambda: bool(marked_words(window.person_page.views())))
    assert {word.lower() for word in marked_words(window.person_page.views())} == {"ann"}


def test_down_and_up_from_the_field_move_the_list_while_typing_goes_on(
        qtbot: Any, window: MainWindow) -> None:
    type_search(qtbot, window, "show")
    assert len(list_titles(window)) == 2
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    first = list_titles(window)[0]
    assert current_title(window) == first
    assert page_title(window) == first  # the detail follows
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert current_title(window) == list_titles(window)[1]
    qtbot.keyClick(window.search_field, Qt.Key.Key_Up)
    assert current_title(window) == first
    assert window.search_field.hasFocus()
    assert window.search_field.text() == "show"


def test_enter_opens_the_top_result_and_moves_to_the_list(qtbot: Any,
                                                          window: MainWindow) -> None:
    window.focus_search()  # the field has focus, as at start-up; "/" there is no search text
    qtbot.keyClick(window.search_field, Qt.Key.Key_Slash)
    assert window.search_field.text() == ""
    qtbot.keyClicks(window.search_field, "zebra")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # before the typing pause ends
    assert list_titles(window) == ["The Zebra Hour"]
    assert current_title(window) == "The Zebra Hour"
    assert page_title(window) == "The Zebra Hour"
    assert window.series_table.hasFocus()
    assert field_of(window).recent_searches() == ["zebra"]


def test_enter_opens_the_top_result_not_a_selection_kept_from_before(
        qtbot: Any, window: MainWindow) -> None:
    window.series_table.setFocus()
    qtbot.keyClicks(window.series_table, "quiet")
    assert current_title(window) == "Quiet Gamma"
    type_search(qtbot, window, "happens")  # five synopses, Quiet Gamma's among them
    assert current_title(window) == "Quiet Gamma"  # kept through the search...
    top = list_titles(window)[0]
    assert top != "Quiet Gamma"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert current_title(window) == top  # ...but Enter opens the best match
    assert page_title(window) == top

    window.focus_search()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)  # chosen with the arrows:
    chosen = current_title(window)
    assert chosen == list_titles(window)[1]
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert page_title(window) == chosen  # Enter opens that one


def test_type_ahead_in_the_list_works_within_a_search(qtbot: Any, window: MainWindow) -> None:
    type_search(qtbot, window, "beta")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.series_table.hasFocus()
    qtbot.keyClicks(window.series_table, "oth")
    assert current_title(window) == "Other Show"


def test_esc_clears_the_search_then_returns_to_the_list(qtbot: Any, window: MainWindow) -> None:
    type_search(qtbot, window, "zebra")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert len(list_titles(window)) == 6
    assert window.search_field.hasFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.series_table.hasFocus()


def test_recent_searches_come_back_with_down_in_the_empty_field(
        qtbot: Any, window: MainWindow) -> None:
    field = field_of(window)
    for text in ("quiet", "zebra"):
        type_search(qtbot, window, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        window.focus_search()
        qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.recent_searches() == ["zebra", "quiet"]
    qtbot.keyClick(field, Qt.Key.Key_Down)
    popup = field.completer_popup.popup()
    assert popup.isVisible()
    assert [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())] \
        == ["zebra", "quiet"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "quiet"
    assert list_titles(window) == ["Quiet Gamma"]  # run at once, no pause needed

    type_search(qtbot, window, "beta")
    table = window.series_table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(window.series_model.index(1, 0)).center())
    assert field.recent_searches()[0] == "beta"  # a result clicked: the search was used
    qtbot.keyClick(field, Qt.Key.Key_Escape)

    field.recent_menu.aboutToShow.emit()  # the Searches menu's Recent submenu
    recent = [action for action in field.recent_menu.actions() if action.data()]
    assert [action.data() for action in recent] == ["beta", "quiet", "zebra"]
    recent[2].trigger()
    assert list_titles(window) == ["The Zebra Hour"]


def _answer_next_input_dialog(text: str | None) -> None:
    """Fill in and accept (or cancel, for None) the input dialog that is about to open."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()
    QTimer.singleShot(0, answer)


def test_a_saved_search_appears_in_the_searches_menu_and_runs_again(
        qtbot: Any, make_window: WindowFactory, browser_library: Path) -> None:
    window = make_window(browser_library)
    field = field_of(window)
    assert not field.save_action.isEnabled()  # an empty search is nothing to save
    type_search(qtbot, window, "genre:comedy")
    assert field.save_action.isEnabled()
    _answer_next_input_dialog("genre:comedy")
    qtbot.keyClick(field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    menu = field.saved_menu
    assert menu.menuAction() in window.menuBar().actions()
    saved = [action for action in menu.actions() if action.data() == "genre:comedy"]
    assert len(saved) == 1

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert len(list_titles(window)) == 6
    saved[0].trigger()
    assert field.text() == "genre:comedy"
    assert list_titles(window) == ["Other Show"]
    window.close()

    again = make_window(browser_library)  # kept in the settings
    again_field = field_of(again)
    assert again_field.saved_searches() == ["genre:comedy"]
    again_field.save_search("zebra")
    qtbot.keyClick(again, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the second one
    assert again_field.text() == "zebra"
    assert list_titles(again) == ["The Zebra Hour"]
    qtbot.keyClick(again, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert list_titles(again) == ["Other Show"]
    forget = again_field.forget_menu
    assert forget.menuAction() in again_field.saved_menu.actions()
    forget.actions()[0].trigger()
    assert again_field.saved_searches() == ["zebra"]
    forget.actions()[0].trigger()
    assert again_field.saved_searches() == []
    assert forget.menuAction() not in again_field.saved_menu.actions()
    assert not [action for action in again_field.saved_menu.actions()
                if action.data() == "genre:comedy"]


def test_the_completer_offers_field_names_then_values(qtbot: Any, window: MainWindow) -> None:
    field = field_of(window)
    window.focus_search()
    qtbot.keyClicks(field, "gen")
    popup = field.completer_popup.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "genre:"
    qtbot.keyClick(popup, Qt.Key.Key_Tab)  # the open popup gets the keys: Tab takes the first
    assert field.text() == "genre:"
    assert field.hasFocus()
    qtbot.waitUntil(popup.isVisible)
    values = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert "genre:Thriller" in values
    qtbot.keyClicks(field, "thr")
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() == 1)
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # or choose with the arrows and Enter
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "genre:Thriller"
    qtbot.waitUntil(lambda: list_titles(window) == ["The Zebra Hour"])


def test_enter_with_suggestions_open_but_none_chosen_searches(qtbot: Any,
                                                             window: MainWindow) -> None:
    field = field_of(window)
    window.focus_search()
    qtbot.keyClicks(field, "ti")  # "title:" is offered
    popup = field.completer_popup.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "ti"
    assert not popup.isVisible()
    assert window.series_model.view.search == "ti"


def test_help_search_syntax_opens_with_shift_f1_and_tries_an_example(
        qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(SearchHelpDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert window.search.syntax_action in window.help_menu.actions()
    examples = dialog.examples
    row = next(index for index in range(examples.topLevelItemCount())
               if examples.topLevelItem(index).text(0).startswith("genre:crime"))
    examples.setCurrentItem(examples.topLevelItem(row))
    examples.setFocus()
    qtbot.keyClick(examples, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.search_field.text() == "genre:crime"
    assert list_titles(window) == ["<b>Bold</b> & Co"]
