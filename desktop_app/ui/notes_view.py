"""My notes: every note in a sortable, filterable list that opens what the note is about.

The model fetches pages from `db.note_listing` as the view scrolls (canFetchMore/fetchMore)
and sorts in SQL, so ten thousand notes cost one page of rows in memory.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.note_listing import NoteRow, count_notes, list_notes
from desktop_app.ui.note_editor import local_time
from desktop_app.ui.rating_widget import rating_text

PAGE_SIZE = 200  # rows per fetch: a few screens, one quick query
# Typing in the filter re-queries after this pause, not on every key.
FILTER_DELAY_MS = 150
COLUMNS = (("Note on", "title"), ("Kind", "kind"), ("Rating", "rating"),
           ("Status", "status"), ("Tags", None), ("Updated", "updated"))
STATUS_WORDS = {"plan": "Plan to watch", "watching": "Watching", "watched": "Watched",
                "dropped": "Dropped"}
ModelIndex = QModelIndex | QPersistentModelIndex


class NotesModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[NoteRow] = []
        self._total = 0
        self._filter = ""
        self._sort = "updated"
        self._descending = True
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = count_notes(self._filter)
        self._rows = list_notes(self._filter, sort=self._sort, descending=self._descending,
                                limit=PAGE_SIZE)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        if text != self._filter:
            self._filter = text
            self.reload()

    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> NoteRow:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex) -> None:
        more = list_notes(self._filter, sort=self._sort, descending=self._descending,
                          offset=len(self._rows), limit=PAGE_SIZE)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows += more
            self.endInsertRows()
        else:
            self._total = len(self._rows)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row.label()
        if column == 1:
            return row.target.kind.capitalize()
        if column == 2:
            return rating_text(row.rating) if row.rating is not None else ""
        if column == 3:
            return STATUS_WORDS.get(row.status or "", "")
        if column == 4:
            return ", ".join(row.tags)
        return local_time(row.updated)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


class NotesView(QDialog):
    """A window listing every note; Enter or double-click opens the note's target."""

    noteActivated = Signal(object)  # NoteRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesView")
        self.setWindowTitle("My notes")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("notesFilter")
        self.filter.setPlaceholderText("Filter: words in the note, its title or tags — or the "
                                       "search language: tag:crime rating:>=8 status:watching")
        self.filter.setClearButtonEnabled(True)
        self.model = NotesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("notesTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per note; the tooltip has the rest
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 130), (3, 110), (4, 180), (5, 130)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.count_label = QLabel(self)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._timer.start)
        self.filter.returnPressed.connect(self._filter_entered)
        self.filter.installEventFilter(self)  # Down moves to the list, as in the main window
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._show_count()
        self._select_first()
        self.resize(980, 520)

    def refresh(self) -> None:
        self.model.reload()
        self._show_count()
        self._select_first()

    def _select_first(self) -> None:
        """A row is always current, so Enter in the list opens something at once."""
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.filter.text())
        self._show_count()
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _filter_entered(self) -> None:
        self.apply_filter()
        self.table.setFocus()

    def _show_count(self) -> None:
        total = self.model.total()
        words = f"{total} note" + ("" if total == 1 else "s")
        if self.filter.text().strip():
            words += f" match “{self.filter.text().strip()}”"
        if total:
            words += " · Enter opens the selected note · Ctrl+F filters"
        self.count_label.setText(words)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.noteActivated.emit(self.model.row_at(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down \
                and self.model.rowCount():
            self._select_first()
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: object) -> None:
        if event.matches(QKeySequence.StandardKey.Find):  # type: ignore[attr-defined]
            self.filter.setFocus()
            self.filter.selectAll()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
