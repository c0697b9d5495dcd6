"""The series list: a table over the lazy SeriesTableModel, with type-ahead and an empty state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QModelIndex, Signal
from PySide6.QtGui import QFocusEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from desktop_app.ui.series_model import COLUMNS, SeriesColumn, SeriesTableModel, header_labels

ROW_PADDING = 8  # pixels a row is taller than a line of its text

# The Qt namespace is imported where it is used, after the first paint (see main_window.py).
if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from desktop_app.ui.row_painting import RowPainter


class SeriesTable(QTableView):
    """The list of series. Emits seriesSelected as the current row moves (the detail follows)
    and seriesActivated on Enter or double-click."""

    seriesSelected = Signal(int)
    seriesActivated = Signal(int)

    def __init__(self, model: SeriesTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seriesTable")
        self.setModel(model)
        # The header reads its titles from a C++ model: no Python call per header paint.
        self.horizontalHeader().setModel(header_labels(self))
        self._typed = ""
        self._typed_timer = QElapsedTimer()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the detail page
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        # Fixed heights: with 100,000 rows the view must never measure rows from their data.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        average = self._average_char_width = self.fontMetrics().averageCharWidth()
        for column, spec in COLUMNS.items():
            header.resizeSection(column, spec.width * average)
        self._empty_label: QLabel | None = None
        # Paints the rows once the first screen is up (finish_setup): its enums are not
        # worth their import time before the first paint, which Qt's own painting serves.
        self._row_painter: RowPainter | None = None
        self.doubleClicked.connect(self._activate)
        self.activated.connect(self._activate)
        model.modelReset.connect(self._update_empty_state)
        self._update_empty_state()

    def finish_setup(self) -> None:
        """The header's column menu, set once the first screen is painted."""
        from PySide6.QtCore import Qt

        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.set_fast_painting(True)

    def set_fast_painting(self, enabled: bool) -> None:
        """Paint rows with RowPainter (the default after finish_setup) or with Qt's delegate."""
        from desktop_app.ui.row_painting import RowPainter

        self._row_painter = RowPainter(self, self.series_model().row_texts) if enabled else None
        self.viewport().update()

    @property
    def empty_label(self) -> QLabel:
        """What an empty list says (made when first needed: most lists are never empty)."""
        if self._empty_label is None:
            from PySide6.QtCore import Qt

            label = self._empty_label = QLabel(self.viewport())
            label.setObjectName("emptyListLabel")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setEnabled(False)  # drawn in the palette's muted text colour
            label.setGeometry(self.viewport().rect().adjusted(16, 16, -16, -16))
            label.hide()
        return self._empty_label

    def series_model(self) -> SeriesTableModel:
        model = self.model()
        assert isinstance(model, SeriesTableModel)
        return model

    def current_series_id(self) -> int | None:
        index = self.currentIndex()
        return self.series_model().series_id(index.row()) if index.isValid() else None

    def select_row(self, row: int, *, keep_offset: int | None = None) -> None:
        """Make `row` current and selected; keep it `keep_offset` pixels below the top if given."""
        index = self.series_model().index(row, self.currentIndex().column()
                                          if self.currentIndex().isValid() else 0)
        self.setCurrentIndex(index)
        if keep_offset is None:
            self.scrollTo(index)
        else:
            self.verticalScrollBar().setValue(self.rowViewportPosition(row)
                                              + self.verticalScrollBar().value() - keep_offset)

    def column_visible(self, column: SeriesColumn) -> bool:
        return not self.isColumnHidden(column)

    # --- behaviour -------------------------------------------------------------------------

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and current.row() != previous.row():
            series_id = self.series_model().series_id(current.row())
            if series_id is not None:
                self.seriesSelected.emit(series_id)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Focus arriving makes a row current without selecting it (QAbstractItemView): the
        # detail would follow a row drawn as unselected.
        current = self.currentIndex()
        if current.isValid() and not self.selectionModel().isRowSelected(current.row()):
            self.select_row(current.row())

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Home and End go to the first and last series (a table would go to a column)."""
        if action in (QAbstractItemView.CursorAction.MoveHome,
                      QAbstractItemView.CursorAction.MoveEnd):
            count = self.series_model().rowCount()
            if not count:
                return QModelIndex()
            column = max(self.currentIndex().column(), 0)
            row = 0 if action == QAbstractItemView.CursorAction.MoveHome else count - 1
            return self.series_model().index(row, column)
        return super().moveCursor(action, modifiers)

    def keyboardSearch(self, search: str) -> None:
        """Type-ahead asks SQL for the first matching title instead of scanning every row."""
        interval = QApplication.keyboardInputInterval()
        if not self._typed_timer.isValid() or self._typed_timer.elapsed() > interval:
            self._typed = ""
        self._typed_timer.restart()
        self._typed += search
        row = self.series_model().first_row_starting_with(self._typed)
        if row is not None:
            self.select_row(row)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._follow_font()

    def _follow_font(self) -> None:
        """Rows as tall as the new text, columns as wide in characters as they were (zoom)."""
        metrics = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(metrics.height() + ROW_PADDING)
        average, before = metrics.averageCharWidth(), self._average_char_width
        if average != before:
            header = self.horizontalHeader()
            for column in range(header.count()):
                header.resizeSection(column, round(header.sectionSize(column) * average / before))
            self._average_char_width = average

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._row_painter is None or not self._row_painter.paint(event):
            super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._empty_label is not None:
            self._empty_label.setGeometry(self.viewport().rect().adjusted(16, 16, -16, -16))

    def _activate(self, index: QModelIndex) -> None:
        series_id = self.series_model().series_id(index.row())
        if series_id is not None:
            self.seriesActivated.emit(series_id)

    def _update_empty_state(self) -> None:
        model = self.series_model()
        if model.rowCount() > 0:
            if self._empty_label is not None:
                self._empty_label.hide()
            return
        search = model.view.search.strip()
        if search:
            self.empty_label.setText(f"No series match “{search}”.\n\n"
                                     "Press Esc to clear the search.")
        else:
            self.empty_label.setText("The library has no series yet.\n\n"
                                     "Use File › Import… to add a library file.")
        self.empty_label.show()
