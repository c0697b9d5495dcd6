"""The main window: search field, series list | detail page, menus, history, remembered state.

An API for the other parts of the window (search, notes, help):
- `search_field` (a SearchField; `search` wires its keys, hints, highlights and menus),
- `current_target()` and the `target_changed` signal ((kind, id) or None),
- `open_series(id)`, `open_person(id)`, `refresh_list()`, `refresh_counts()`,
- `file_menu`, `edit_menu`, `view_menu`, `go_menu`, `help_menu` to add actions to,
- `series_page.note_area` / `person_page.note_area`: empty containers for the note editor.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db import queries
from db.queries import SeriesListView, SortColumn
from desktop_app.ui import settings as keys
from desktop_app.ui.history import NavigationHistory, Target
from desktop_app.ui.series_list import SeriesTable
from desktop_app.ui.series_model import COLUMNS, SeriesColumn, SeriesTableModel

# Not imported here: PySide6 builds Python enums for a class when it is first imported, and the
# Qt namespace alone (Qt.Key, Qt.AlignmentFlag…) costs about 25 ms, a tenth of a bare window's
# start. The first screen uses none of it; methods that run later import it themselves.
if TYPE_CHECKING:

    from desktop_app.ui.person_page import PersonPage
    from desktop_app.ui.search_window import WindowSearch
    from desktop_app.ui.series_page import SeriesPage

# No pause before searching: a search costs well under a frame at 100,000 series (p50 10-13
# ms, p95 19-22 ms, `make bench`), so waiting would only add lag; an 80 ms pause made the
# list trail every keystroke by 80 ms plus the search. The zero timer still makes keys that
# arrive together (a paste, a burst the app was too busy to take one by one) one search: it
# fires once the event loop has taken every key waiting for it.
SEARCH_DELAY_MS = 0
# Zoom steps of 10% each way, bounded so text never becomes unreadable or absurd.
MIN_ZOOM, MAX_ZOOM = -4, 10


class MainWindow(QMainWindow):
    target_changed = Signal(object)  # Target | None

    def __init__(self, library: Path, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library_path = Path(library)
        self.settings = settings if settings is not None else QSettings()
        self.history = NavigationHistory()
        self._current: Target | None = None
        self._counts: queries.LibraryCounts | None = None
        self._following_list = True  # False while the window moves the list itself
        self._zoom = 0
        self._series_page: SeriesPage | None = None
        self._person_page: PersonPage | None = None
        self._notes: Any = None
        self._first_paint_seen = False
        self._search: WindowSearch | None = None  # the search field's part (search_window.py)

        sort = self._restored_sort()
        self.series_model = SeriesTableModel(SeriesListView(sort=sort[0], descending=sort[1]),
                                             self, quick_count=True)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._restore_state()
        self._update_title()
        self._update_navigation_actions()
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        # Mouse back/forward buttons: watched on the few surfaces they land on (an
        # application-wide filter would run Python for every event the app handles). The
        # list's viewport also tells us when the first screen has been painted: the detail
        # pages, notes and help are built after that (see _build_pages).
        for surface in (self, self.series_table.viewport()):
            surface.installEventFilter(self)

    # --- public API ------------------------------------------------------------------------

    def current_target(self) -> Target | None:
        return self._current

    def list_is_followed(self) -> bool:
        """False while the window moves the list's selection itself (e.g. keeping it through
        a new search): such moves are nobody's choice."""
        return self._following_list

    def open_series(self, series_id: int) -> bool:
        """Show a series (and select it in the list if the list shows it); False if unknown."""
        if not self._show(Target("series", series_id)):
            return False
        self._select_in_list(series_id)
        return True

    def open_person(self, person_id: int) -> bool:
        return self._show(Target("person", person_id))

    def refresh_list(self) -> None:
        """Read the list again (after notes or imports changed what it shows)."""
        current = self.series_table.current_series_id()
        self.series_model.refresh()
        if current is not None:
            self._select_in_list(current)
        self._update_status()

    def refresh_counts(self) -> None:
        self._counts = queries.library_counts()
        self._update_status()

    def set_search_field(self, field: QLineEdit) -> None:
        """Put another search field (e.g. one with completion) in place of the current one,
        with what was typed in it and the focus if it had it."""
        old = self.search_field
        self.search_bar_layout.replaceWidget(old, field)
        field.setText(old.text())
        field.show()
        if self.focusWidget() is old:  # before old goes: its focus must not pass to the list
            field.setFocus()
        old.removeEventFilter(self)
        old.hide()
        old.deleteLater()
        self.search_field = field
        self._wire_search_field()
        QWidget.setTabOrder(self.search_field, self.series_table)

    def apply_search(self) -> None:
        """Filter the list by the search field's text now, keeping the selection if it stays."""
        self.search_timer.stop()
        if self.search_field.text() == self.series_model.view.search:
            return
        # Searching needs the store, which a window opened early binds after its first paint;
        # text typed before then is searched now, with the pages built first.
        self._build_pages()
        text = self.search_field.text()
        selected = self.series_table.current_series_id()
        offset = None
        if selected is not None:
            row_top = self.series_table.rowViewportPosition(self.series_table.currentIndex().row())
            if 0 <= row_top < self.series_table.viewport().height():
                offset = row_top  # keep the row where the user sees it
        self._following_list = False
        try:
            self.series_model.set_search(text)
            row = None if selected is None else self.series_model.row_of(selected)
            if row is not None:
                self.series_table.select_row(row, keep_offset=offset)
            else:
                self.series_table.scrollToTop()
        finally:
            self._following_list = True
        self._update_status()

    # --- building --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        central = QWidget(self)
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self.search_bar_layout = layout
        # A plain field on the first screen; the SearchField (completion, recent and saved
        # searches) takes its place with the pages (see _build_pages).
        self.search_field = QLineEdit(central)
        self._wire_search_field()
        layout.addWidget(self.search_field)

        self.splitter = QSplitter()  # horizontal; no arguments: see the Qt import note above
        self.splitter.setObjectName("browserSplitter")
        self.series_table = SeriesTable(self.series_model, self.splitter)
        self.series_table.seriesSelected.connect(self._list_selected)
        self.series_table.seriesActivated.connect(self._list_activated)
        self.series_model.modelReset.connect(self._update_status)
        self.series_model.countChanged.connect(self._update_status)

        self.detail_stack = QStackedWidget(self.splitter)
        self.detail_stack.setObjectName("detailStack")
        self.placeholder = QLabel()  # its text and alignment come with the pages
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.detail_stack.addWidget(self.placeholder)
        self.splitter.addWidget(self.series_table)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 560])
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.search_field, self.series_table)
        QWidget.setTabOrder(self.series_table, self.detail_stack)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("libraryCounts")
        # No stretch: the counts sit at the right and leave the rest of the bar to
        # showMessage() (import/export results, menu tips), which a stretched label hid.
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1200, 760)

    def _wire_search_field(self) -> None:
        field = self.search_field
        field.setObjectName("searchField")
        field.setClearButtonEnabled(True)
        field.textChanged.connect(lambda _text: self.search_timer.start())
        if self._search is not None:  # keys, hints, highlights: see search_window.py
            self._search.wire(field)

    def _action(self, text: str, slot: object,
                shortcut: QKeySequence.StandardKey | str | list[str] | None = None,
                *, status_tip: str = "") -> QAction:
        """An action of the window; its shortcut is set with the pages (_apply_shortcuts)."""
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        if status_tip:
            action.setStatusTip(status_tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while a menu bar is hidden
        return action

    def _apply_shortcuts(self) -> None:
        """Shortcuts on the actions, right after the first paint: making a QKeySequence brings
        the Qt namespace (see the imports), and no key can be pressed before that paint."""
        for action, shortcut in self._shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            elif isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(key) for key in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        self._shortcuts.clear()

    def _build_actions(self) -> None:
        self._shortcuts: list[tuple[QAction, QKeySequence.StandardKey | str | list[str]]] = []
        self.open_library_action = self._action(
            "&Open Library…", self._choose_library, QKeySequence.StandardKey.Open,
            status_tip="Open another library file")
        self.import_action = self._action(
            "&Import Library File…", self._choose_import, "Ctrl+I",
            status_tip="Merge a Showshelf library JSON file into this library")
        self.export_notes_action = QAction("&Export Notes…", self)
        self.export_notes_action.setEnabled(False)  # the notes part of the window enables it
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.find_action = self._action("&Find…", self.focus_search, ["Ctrl+F", "/"],
                                        status_tip="Search the library (Ctrl+F or /)")
        self.copy_title_action = self._action("&Copy Title", self._copy_title, "Ctrl+Shift+C")
        self.focus_list_action = self._action("Focus Series &List", self.focus_list, "Ctrl+L")
        self.zoom_in_action = self._action("Zoom &In", lambda: self.set_zoom(self._zoom + 1),
                                           QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_action = self._action("Zoom &Out", lambda: self.set_zoom(self._zoom - 1),
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset_action = self._action("&Actual Size", lambda: self.set_zoom(0), "Ctrl+0")
        self.back_action = self._action("&Back", self.go_back, "Alt+Left")
        self.forward_action = self._action("&Forward", self.go_forward, "Alt+Right")
        self.next_action = self._action("&Next Series", lambda: self._step(1), "Ctrl+Down")
        self.previous_action = self._action("&Previous Series", lambda: self._step(-1),
                                            "Ctrl+Up")
        self.column_actions: dict[SeriesColumn, QAction] = {}
        header = self.series_table.horizontalHeader()
        for column, spec in COLUMNS.items():
            action = QAction(spec.header, self, checkable=True)
            action.setChecked(True)
            action.setEnabled(column != SeriesColumn.TITLE)  # the list needs its titles
            action.toggled.connect(
                lambda shown, column=column: self.series_table.setColumnHidden(column, not shown))
            header.addAction(action)
            self.column_actions[column] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self.open_library_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_notes_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.copy_title_action)
        self.view_menu = bar.addMenu("&View")
        self.columns_menu = self.view_menu.addMenu("&Columns")
        for action in self.column_actions.values():
            self.columns_menu.addAction(action)
        self.view_menu.addSeparator()
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.focus_list_action)
        self.go_menu = bar.addMenu("&Go")
        for action in (self.back_action, self.forward_action):
            self.go_menu.addAction(action)
        self.go_menu.addSeparator()
        for action in (self.next_action, self.previous_action):
            self.go_menu.addAction(action)
        self.help_menu = bar.addMenu("&Help")

    # --- what waits for the first paint ----------------------------------------------------

    @property
    def series_page(self) -> SeriesPage:
        self._build_pages()
        assert self._series_page is not None
        return self._series_page

    @property
    def person_page(self) -> PersonPage:
        self._build_pages()
        assert self._person_page is not None
        return self._person_page

    @property
    def notes(self) -> Any:
        """The notes part of the window (window_notes.WindowNotes), installed with the pages."""
        self._build_pages()
        return self._notes

    @notes.setter
    def notes(self, value: Any) -> None:  # install_notes(window) sets it
        self._notes = value

    @property
    def search(self) -> WindowSearch:
        """The search part of the window (search_window.WindowSearch), installed with the pages."""
        self._build_pages()
        assert self._search is not None
        return self._search

    def pages_built(self) -> bool:
        return self._series_page is not None

    def _build_pages(self) -> None:
        """The detail pages, the note editors, the search's wiring and the help menu, built
        once on first need.

        Start-up shows the list without them (the first screen needs none of it), then builds
        them right after the first paint, or sooner if something asks for a page. A window
        opened on the early connection (db/early_library.py) binds the store first.
        """
        if self._series_page is not None:
            return
        self._bind_store()
        self._finish_first_screen()
        from desktop_app.ui.about import install_help_menu
        from desktop_app.ui.person_page import PersonPage
        from desktop_app.ui.search_field import SearchField
        from desktop_app.ui.search_window import install_search
        from desktop_app.ui.series_page import SeriesPage
        from desktop_app.ui.window_notes import install_notes

        series_page = self._series_page = SeriesPage()
        series_page.personRequested.connect(self.open_person)
        series_page.seriesRequested.connect(self.open_series)
        series_page.searchRequested.connect(self._search_for)
        person_page = self._person_page = PersonPage()
        person_page.seriesRequested.connect(self.open_series)
        person_page.personRequested.connect(self.open_person)
        person_page.backRequested.connect(self.go_back)
        for page in (series_page, person_page):
            self.detail_stack.addWidget(page)
            page.viewport().installEventFilter(self)
        install_notes(self)  # note editors in the pages, Export/Import notes, My notes
        self.set_search_field(SearchField(self.settings))
        self._search = install_search(self)  # keys, hints, marks, Searches menu
        install_help_menu(self)  # Keyboard Shortcuts (F1), About
        self._update_navigation_actions()

    def _bind_store(self) -> None:
        """Open the store on a library the window was opened on early (db/early_library.py).

        It was healthy and current a moment ago, so this fails only if the file changed
        since; the window then says why and closes rather than run without its store.
        """
        from db import early_library

        if early_library.connection() is None:
            return
        from db.errors import ShowshelfError

        try:
            early_library.bind_store()
        except ShowshelfError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, "Showshelf", f"Showshelf cannot open this library.\n\n"
                                 f"{error}")
            QTimer.singleShot(0, self.close)

    def _finish_first_screen(self) -> None:
        """What the first screen shows without: the placeholder's text, the header's sort
        arrow and sorting on click (each needs the Qt namespace; see the imports)."""
        from PySide6.QtCore import Qt

        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setText(
            "Select a series in the list to see its cast, reviews and sources.\n\n"
            "Ctrl+F or / searches · Alt+Left and Alt+Right go back and forward")
        view = self.series_model.view
        self.series_table.horizontalHeader().setSortIndicator(
            self.series_model.sort_column(),
            Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder)
        self.series_table.setSortingEnabled(True)  # sorts by the indicator: the view above
        self.series_table.finish_setup()
        self._apply_shortcuts()

    # --- navigation ------------------------------------------------------------------------

    def go_back(self) -> None:
        target = self.history.back()
        if target is not None:
            self._show(target, record=False)
            if target.kind == "series":
                self._select_in_list(target.id)

    def go_forward(self) -> None:
        target = self.history.forward()
        if target is not None:
            self._show(target, record=False)
            if target.kind == "series":
                self._select_in_list(target.id)

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def focus_list(self) -> None:
        from PySide6.QtCore import Qt

        self.series_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.series_table.currentIndex().isValid() and self.series_model.rowCount():
            self.series_table.select_row(0)

    def _show(self, target: Target, *, record: bool = True, transient: bool = False) -> bool:
        from db import details  # with the pages, not on the first screen's path

        if target.kind == "series":
            detail = details.series_detail(target.id)
            if detail is None:
                return False
            self.series_page.show_series(detail)
            self.detail_stack.setCurrentWidget(self.series_page)
        elif target.kind == "person":
            person = details.person_detail(target.id)
            if person is None:
                return False
            self.person_page.show_person(person)
            self.detail_stack.setCurrentWidget(self.person_page)
        else:
            return False
        if record:
            self.history.visit(target, transient=transient)
        changed = target != self._current
        self._current = target
        self._update_title()
        self._update_navigation_actions()
        if changed:
            self.target_changed.emit(target)  # the note editors follow
        # One layout pass now, then one paint, for the page and its note editor together.
        (self.series_page if target.kind == "series" else self.person_page).settle_layout()
        return True

    def _list_selected(self, series_id: int) -> None:
        if self._following_list and self._current != Target("series", series_id):
            self._show(Target("series", series_id), transient=True)

    def _list_activated(self, series_id: int) -> None:
        """Enter or double-click: the series becomes a place in the history; focus the page."""
        if self._current != Target("series", series_id):
            self._show(Target("series", series_id))
        else:
            self.history.pin()
        from PySide6.QtCore import Qt

        self.series_page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_in_list(self, series_id: int) -> None:
        if self.series_table.current_series_id() == series_id:
            return
        row = self.series_model.row_of(series_id)
        self._following_list = False
        try:
            if row is None:
                self.series_table.setCurrentIndex(self.series_model.index(-1, -1))
            else:
                self.series_table.select_row(row)
        finally:
            self._following_list = True

    def _step(self, delta: int) -> None:
        count = self.series_model.rowCount()
        if not count:
            return
        current = self.series_table.currentIndex()
        row = 0 if not current.isValid() else min(max(current.row() + delta, 0), count - 1)
        self.series_table.select_row(row)

    def _search_for(self, text: str) -> None:
        self.search_field.setText(text)
        self.apply_search()
        self.focus_list()

    # --- events ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self._first_paint_seen and event.type() == QEvent.Type.Paint
                and watched is self.series_table.viewport()):
            self._first_paint_seen = True
            QTimer.singleShot(0, self._after_first_paint)  # once this paint is on screen
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            from PySide6.QtCore import Qt

            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    # --- remembered state ------------------------------------------------------------------

    def _restored_sort(self) -> tuple[SortColumn, bool]:
        try:
            sort = SortColumn(self.settings.value(keys.SORT_COLUMN, SortColumn.TITLE.value))
        except ValueError:
            sort = SortColumn.TITLE
        return sort, keys.read_bool(self.settings, keys.SORT_DESCENDING, False)

    def _restore_state(self) -> None:
        geometry = keys.read_bytes(self.settings, keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = keys.read_bytes(self.settings, keys.WINDOW_STATE)
        if state is not None:
            self.restoreState(state)
        splitter = keys.read_bytes(self.settings, keys.SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        # The zoom first: the list's columns follow a new font size, and the saved widths
        # were saved at the saved zoom.
        self.set_zoom(keys.read_int(self.settings, keys.ZOOM, 0))
        header = self.series_table.horizontalHeader()
        header_state = keys.read_bytes(self.settings, keys.HEADER)
        if header_state is not None:
            header.restoreState(header_state)
        for column, action in self.column_actions.items():
            action.setChecked(not self.series_table.isColumnHidden(column))

    def _after_first_paint(self) -> None:
        self.series_model.settle_count()
        self._build_pages()
        self.refresh_counts()
        self.series_model.seed_page_starts()
        target = keys.read_target(self.settings)
        if target is not None and self.current_target() is None:
            if target.kind == "series":
                self.open_series(target.id)
            else:
                self.open_person(target.id)
        # What start-up made lives as long as the window: out of the collector's way, a full
        # collection no longer walks all of it and stalls a frame (30 ms measured at 100k).
        gc.freeze()

    def save_state(self) -> None:
        self.settings.setValue(keys.GEOMETRY, self.saveGeometry())
        self.settings.setValue(keys.WINDOW_STATE, self.saveState())
        self.settings.setValue(keys.SPLITTER, self.splitter.saveState())
        self.settings.setValue(keys.HEADER, self.series_table.horizontalHeader().saveState())
        view = self.series_model.view
        self.settings.setValue(keys.SORT_COLUMN, view.sort.value)
        self.settings.setValue(keys.SORT_DESCENDING, view.descending)
        self.settings.setValue(keys.ZOOM, self._zoom)
        keys.write_target(self.settings, self._current)
        self.settings.sync()

    # --- view ------------------------------------------------------------------------------

    def set_zoom(self, step: int) -> None:
        """Scale the list and pages' text by 10% per step (0 is the system font size)."""
        self._zoom = min(max(step, MIN_ZOOM), MAX_ZOOM)
        font = QApplication.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * (1 + self._zoom / 10))
        # Latin text drawn without OpenType shaping (kerning, ligatures): the list and pages
        # repaint in half the time. Scripts that need shaping to be legible still get it.
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.centralWidget().setFont(font)
        self.zoom_reset_action.setEnabled(self._zoom != 0)

    def zoom(self) -> int:
        return self._zoom

    def _update_title(self) -> None:
        if self._current is not None and self._current.kind == "series" \
                and self._series_page is not None and self._series_page.series is not None:
            self.setWindowTitle(f"{self.series_page.series.title} — Showshelf")
        elif self._current is not None and self._person_page is not None \
                and self._person_page.person is not None:
            self.setWindowTitle(f"{self.person_page.person.name} — Showshelf")
        else:
            self.setWindowTitle(f"Showshelf — {self.library_path.name}")

    def _update_navigation_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        if self._person_page is not None:
            self._person_page.back_button.setEnabled(self.history.can_go_back())

    def _update_status(self) -> None:
        shown = self.series_model.rowCount()
        if self._counts is None:
            self.status_label.setText(f"{shown:,} series")
            return
        counts = self._counts
        series = (f"{self._matches_text()} in {counts.series:,} series"
                  if self.series_model.view.search.strip() else f"{counts.series:,} series")
        self.status_label.setText(
            f"{series} · {_plural(counts.people, 'person', 'people')} · "
            f"{_plural(counts.reviews, 'review')} · {_plural(counts.notes, 'note')}")

    def _matches_text(self) -> str:
        """"12 matches", "No matches", or "1,000+ matches" while not every match has been
        counted."""
        shown = self.series_model.rowCount()
        if self.series_model.has_more():
            return f"{shown:,}+ matches"
        return _plural(shown, "match", "matches") if shown else "No matches"

    # --- files -----------------------------------------------------------------------------

    def _choose_library(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs are imported when opened

        path, _ = QFileDialog.getOpenFileName(
            self, "Open Library", str(self.library_path.parent),
            "Showshelf libraries (*.sqlite *.db);;All files (*)")
        if path:
            self.open_library_file(Path(path))

    def open_library_file(self, path: Path) -> bool:
        """Switch to another library file; on failure say why and keep the current one."""
        from PySide6.QtWidgets import QMessageBox

        from db.database import open_library
        from db.errors import ShowshelfError
        from db.models import database_proxy

        self._build_pages()  # binds the store of a window opened early
        previous = database_proxy.obj
        self._leave_library_notes()
        try:
            open_library(path)
        except ShowshelfError as error:  # open_library binds nothing when it fails
            QMessageBox.warning(self, "Showshelf", f"Showshelf cannot open this library.\n\n"
                                f"{error}")
            self.target_changed.emit(self._current)  # the note editors come back
            return False
        if previous is not None:
            previous.close()
        self.library_path = path
        self.history = NavigationHistory()
        self._current = None
        self.detail_stack.setCurrentWidget(self.placeholder)
        self.series_model.set_view(replace(self.series_model.view, search=""))
        self.search_field.clear()
        self.refresh_list()
        self.refresh_counts()
        self._update_title()
        self._update_navigation_actions()
        self.target_changed.emit(None)
        return True

    def _leave_library_notes(self) -> None:
        """Notes are saved into the library they belong to before another one is bound."""
        notes = getattr(self, "notes", None)  # installed with the pages
        if notes is not None:
            notes.leave_library()

    def _choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _ = QFileDialog.getOpenFileName(
            self, "Import Library File", str(Path.home()), "Library JSON (*.json);;All files (*)")
        if not path:
            return
        from db.errors import ShowshelfError
        from db.importing.library_json import import_library_file

        try:
            summary = import_library_file(path)
        except ShowshelfError as error:
            QMessageBox.warning(self, "Showshelf", f"Nothing was imported.\n\n{error}")
            return
        self.refresh_list()
        self.refresh_counts()
        self.statusBar().showMessage(f"Imported {summary.describe()}", 8000)

    def _copy_title(self) -> None:
        if self._series_page is not None and self._series_page.series is not None \
                and self.detail_stack.currentWidget() is self._series_page:
            QApplication.clipboard().setText(self.series_page.series.title)


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"
