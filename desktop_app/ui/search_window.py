"""The search part of the main window: keys of the field, hints, highlights, saved searches.

`install_search(window)` wires the window's SearchField to its list and pages:
- Down/Up (and Page keys) in the field move the list's selection while typing goes on (the
  detail follows); Enter opens the result chosen in the list since the text was last edited,
  or else the top one, and focuses the list; Esc clears the search; Esc in an empty field
  goes back to the list.
- The status bar shows the parser's hints next to the match count; the list's empty state
  adds them under "No series match …".
- Matched words are marked in the list's Title, Network and Genres cells at once, and in the
  page on show when typing pauses (search_highlight.py).
- Searches menu: Save This Search… (Ctrl+D), recent searches (a search is remembered when a
  result is opened or picked), saved searches (run on activation), Forget; Help ▸ Search
  Syntax (Shift+F1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from db.search import PreparedSearch, prepare
from desktop_app.ui.search_field import SearchField
from desktop_app.ui.search_highlight import DocumentHighlighter, HighlightDelegate, ListMarks
from desktop_app.ui.series_model import SeriesColumn

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.search_help import SearchHelpDialog

# Typing pauses longer than this bring the page's marks up to date (see _page_marks_timer).
PAGE_MARKS_DELAY_MS = 250
# Index columns whose words each list column shows (db.search.tree.TEXT_FIELDS names them).
LIST_COLUMNS: dict[int, str | None] = {SeriesColumn.TITLE: "title",
                                       SeriesColumn.NETWORK: "network",
                                       SeriesColumn.GENRES: "genre"}
# The cast table of a series page: actors, characters, and what is said about them.
CAST_COLUMNS: dict[int, str | None] = {0: "cast", 1: "character", 2: None}


class WindowSearch:
    """Everything the search field does in the window besides filtering the list."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._search: PreparedSearch = prepare("")
        self._highlighters: list[DocumentHighlighter] = []
        self._cast_delegate: HighlightDelegate | None = None
        self._help: SearchHelpDialog | None = None
        # Whether the list's selection was chosen (arrows, a click) since the search text was
        # last edited: Enter then opens it; otherwise the top result.
        self._selection_chosen = False

        self.hint_label = QLabel(window)
        self.hint_label.setObjectName("searchHint")
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)  # hints quote what was typed
        self.hint_label.setContentsMargins(0, 0, 16, 0)  # apart from the counts after it
        window.statusBar().addWidget(self.hint_label)

        self.list_marks = ListMarks(window.series_table, LIST_COLUMNS, self._list_cell_text)

        # The page on show gets the new search's marks once typing pauses: marking and
        # repainting a long page costs several ms, and the page does not change while a search
        # is typed, so doing it per keystroke would only slow the typing down.
        self._page_marks_timer = QTimer(window, singleShot=True, interval=PAGE_MARKS_DELAY_MS)
        self._page_marks_timer.timeout.connect(self._highlight_pages)
        window.series_model.modelReset.connect(self._search_applied)
        window.target_changed.connect(lambda _target: self._highlight_pages())
        window.series_table.seriesSelected.connect(self._list_selection_moved)
        self.wire(window.search_field)
        self._build_actions()

    # --- the field -------------------------------------------------------------------------

    @property
    def field(self) -> SearchField:
        field = self.window.search_field
        assert isinstance(field, SearchField)
        return field

    def wire(self, field: object) -> None:
        """Connect a (new) search field's signals to the window."""
        if not isinstance(field, SearchField):
            return
        field.setToolTip("")
        field.returnPressed.connect(self.open_result)
        field.navigate.connect(self.move_in_list)
        field.searchCleared.connect(self.window.apply_search)
        field.leaveRequested.connect(self.window.focus_list)
        field.searchChosen.connect(self._run_chosen)
        field.textEdited.connect(self._text_edited)

    def open_result(self) -> None:
        """Enter: open the result chosen in the list, else the top one, and move to the list."""
        window = self.window
        window.apply_search()
        table = window.series_table
        if not window.series_model.rowCount():
            return  # nothing to open: stay in the field to change the search
        self.field.remember()
        if not self._selection_chosen or not table.currentIndex().isValid():
            # A selection kept from before the search was typed is no choice among its
            # results: the best match is.
            table.select_row(0)
        series_id = table.current_series_id()
        if series_id is not None:
            window.open_series(series_id)
            window.history.pin()  # a result opened with Enter is a place to come back to
        window.focus_list()

    def move_in_list(self, delta: int) -> None:
        """Down/Up from the field: move the list's selection; the typing goes on."""
        window = self.window
        window.apply_search()
        count = window.series_model.rowCount()
        if not count:
            return
        self.field.remember()
        current = window.series_table.currentIndex()
        if current.isValid():
            row = min(max(current.row() + delta, 0), count - 1)
        else:
            row = 0 if delta > 0 else count - 1
        window.series_table.select_row(row)

    def _text_edited(self, _text: str) -> None:
        self._selection_chosen = False

    def _list_selection_moved(self, _series_id: int) -> None:
        # The window moves the list itself while applying a search (to keep the selection);
        # only moves it does not make itself are someone's choice.
        if self.window.list_is_followed():
            self._selection_chosen = True
            # A result picked (with the mouse, too) means the search was worth remembering.
            self.field.remember(self.window.series_model.view.search)

    def _list_cell_text(self, row: int, column: int) -> str | None:
        """A marked column's text from the list's cached row (no Qt data() round trip)."""
        series = self.window.series_model.series_row(row)
        if series is None:
            return None
        if column == SeriesColumn.TITLE:
            return series.title
        if column == SeriesColumn.NETWORK:
            return series.network
        return series.genres if column == SeriesColumn.GENRES else None

    def _run_chosen(self, text: str) -> None:
        self._selection_chosen = False
        self.window.apply_search()
        self.field.remember(text)

    # --- after each search -----------------------------------------------------------------

    def current_search(self) -> PreparedSearch:
        return self._search

    def _search_applied(self) -> None:
        text = self.window.series_model.view.search
        if text != self._search.text:
            self._search = prepare(text)
            self.list_marks.set_terms(self._search.terms)
            self._page_marks_timer.start()
        self._show_order()
        hints = self._search.hints
        self.field.show_hints(hints)
        self.hint_label.setText(" · ".join(hints))
        self.hint_label.setVisible(bool(hints))
        self._add_hints_to_empty_state(hints)

    def _show_order(self) -> None:
        """No column's sort arrow while a search lists best matches first (it would lie)."""
        view = self.window.series_model.view
        ranked = view.relevance and bool(view.search.strip())
        self.window.series_table.horizontalHeader().setSortIndicatorShown(not ranked)

    def _add_hints_to_empty_state(self, hints: tuple[str, ...]) -> None:
        label = self.window.series_table.empty_label
        if hints and label.isVisible() and self._search.text.strip():
            label.setText(label.text() + "\n\n" + "\n".join(hints))

    def _highlight_pages(self) -> None:
        """Mark the search's words in the detail pages (once they exist)."""
        window = self.window
        if not window.pages_built():
            return
        if not self._highlighters:
            views = [*window.series_page.views(), *window.person_page.views()]
            self._highlighters = [DocumentHighlighter(view.document()) for view in views]
            self._plain_cast_delegate = window.series_page.cast_table.itemDelegate()
            self._cast_delegate = HighlightDelegate(CAST_COLUMNS, window.series_page.cast_table)
        terms = self._search.terms
        for highlighter in self._highlighters:
            highlighter.set_terms(terms)
        if self._cast_delegate is not None:
            self._cast_delegate.set_terms(terms)
            # Installed only while there are words to mark: a Python paint() per cell costs
            # about a millisecond on every page shown.
            window.series_page.cast_table.setItemDelegate(
                self._cast_delegate if terms else self._plain_cast_delegate)
            window.series_page.cast_table.viewport().update()

    # --- menus -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self.window
        field = self.field
        field.save_action.setShortcut(QKeySequence("Ctrl+D"))
        field.save_action.setStatusTip("Keep this search in the Searches menu")
        window.addAction(field.save_action)  # the shortcut works with the menu closed
        field.saved_menu.setTitle("&Searches")
        window.menuBar().insertMenu(window.help_menu.menuAction(), field.saved_menu)
        self.syntax_action = QAction("&Search Syntax", window)
        self.syntax_action.setShortcut(QKeySequence("Shift+F1"))
        self.syntax_action.setStatusTip("The search language, with examples to try")
        self.syntax_action.triggered.connect(self.show_syntax_help)
        window.addAction(self.syntax_action)
        window.help_menu.addAction(self.syntax_action)

    def show_syntax_help(self) -> None:
        from desktop_app.ui.search_help import SearchHelpDialog

        if self._help is None:
            self._help = SearchHelpDialog(self.window)
            self._help.exampleChosen.connect(self.field.choose_search)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()


def install_search(window: MainWindow) -> WindowSearch:
    """Wire the window's search field (a SearchField) to its list, pages and menus."""
    return WindowSearch(window)
