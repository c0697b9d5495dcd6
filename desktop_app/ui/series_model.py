"""The series list's item model: rows read a page at a time from `db.queries`, never all at once.

`rowCount` is the SQL count of the view, so the scroll bar is true from the first paint; a row's
data is read with its page (PAGE_SIZE rows) the first time a view asks for it, and only the most
recently used pages are kept.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItemModel

from db import queries
from db.queries import PageStart, SeriesListView, SeriesRow, SortColumn

# Rows read per query: a screenful is ~30 rows, so a screen needs one or two pages, and a page
# costs a fraction of a millisecond to read and format (a bigger one costs more per jump).
PAGE_SIZE = 64
# Pages kept in memory: 100 pages × 64 rows is a few MB at most, however long the list.
MAX_CACHED_PAGES = 100
# A search's matches are counted up to this many at first ("1,000+ matches": counting all of a
# one-letter search's 100,000 would cost more than the search); scrolling to the end of the
# list counts five times further each time (canFetchMore/fetchMore).
SEARCH_COUNT_CAP = 1000
# Page starts laid down every this many rows of an unfiltered list, a few per turn of the event
# loop once the window is up (seed_page_starts): a jump anywhere then walks at most this many
# index entries instead of up to the whole list (milliseconds at 100,000 rows).
SEED_STEP = 2048
SEEDS_PER_TURN = 8

ModelIndex = QModelIndex | QPersistentModelIndex

# Qt::DisplayRole and Qt::ToolTipRole as the plain ints a view passes to data(): the Qt
# namespace is not imported before the first paint (see main_window.py).
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
if TYPE_CHECKING:
    from PySide6.QtCore import Qt

WATCH_STATUS_LABELS = {"plan": "Plan to watch", "watching": "Watching", "watched": "Watched",
                       "dropped": "Dropped"}


class SeriesColumn(enum.IntEnum):
    TITLE = 0
    YEARS = 1
    EPISODES = 2
    NETWORK = 3
    GENRES = 4
    MY_RATING = 5
    MY_STATUS = 6


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    sort: SortColumn
    width: int  # default width in average characters


COLUMNS: dict[SeriesColumn, ColumnSpec] = {
    SeriesColumn.TITLE: ColumnSpec("Title", SortColumn.TITLE, 24),
    SeriesColumn.YEARS: ColumnSpec("Years", SortColumn.YEARS, 9),
    SeriesColumn.EPISODES: ColumnSpec("Episodes", SortColumn.EPISODES, 17),
    SeriesColumn.NETWORK: ColumnSpec("Network", SortColumn.NETWORK, 10),
    SeriesColumn.GENRES: ColumnSpec("Genres", SortColumn.GENRES, 18),
    SeriesColumn.MY_RATING: ColumnSpec("My rating", SortColumn.MY_RATING, 11),
    SeriesColumn.MY_STATUS: ColumnSpec("My status", SortColumn.MY_STATUS, 10),
}


def years_label(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return str(start)
    return f"{start}–{end}"


def episodes_label(seasons: int | None, episodes: int | None) -> str:
    """10 episodes in 1 season → "10 · 1 season"; either part may be unknown."""
    parts = []
    if episodes is not None:
        parts.append(str(episodes))
    if seasons is not None:
        parts.append(f"{seasons} season{'s' if seasons != 1 else ''}")
    return " · ".join(parts)


def rating_label(rating: int | None) -> str:
    """Ten half-stars shown as up to five stars: 7 → ★★★½."""
    if rating is None:
        return ""
    return "★" * (rating // 2) + ("½" if rating % 2 else "")


def _display_row(row: SeriesRow) -> tuple[str, ...]:
    """The row's cell texts, formatted once when its page is read (paints ask many times)."""
    return (
        row.title,
        years_label(row.year_start, row.year_end),
        episodes_label(row.seasons, row.episodes),
        row.network or "",
        row.genres,
        rating_label(row.my_rating),
        WATCH_STATUS_LABELS.get(row.my_status or "", ""),
    )


# A cached page is one flat tuple: per row, the SeriesRow's values and then its cell texts.
# Kept as a list of (SeriesRow, texts) pairs, a page left some 300 objects the garbage
# collector tracks, and the list's churn (pages read, pages dropped) kept the young
# generation's count level while it filled up with them: young collections walked ~19,000
# objects and stalled a scroll frame by up to 13 ms. A tuple of strings, numbers and None is
# one object, and the collector stops tracking it the first time it looks at it.
SERIES_FIELDS = len(fields(SeriesRow))
ROW_WIDTH = SERIES_FIELDS + len(COLUMNS)
_series_values = attrgetter(*(field.name for field in fields(SeriesRow)))


def _flat_page(rows: list[SeriesRow]) -> tuple[Any, ...]:
    page: list[Any] = []
    for row in rows:
        page.extend(_series_values(row))
        page.extend(_display_row(row))
    return tuple(page)


def header_labels(parent: QObject) -> QStandardItemModel:
    """The column titles as a C++ model for the list's header.

    SeriesTableModel has no headerData of its own: a view calls it while the model is being
    set, and its Qt.Orientation argument would bring the Qt namespace (25 ms of Python enums,
    see main_window.py) into the first paint.
    """
    labels = QStandardItemModel(0, len(COLUMNS), parent)
    labels.setHorizontalHeaderLabels([spec.header for spec in COLUMNS.values()])
    return labels


class SeriesTableModel(QAbstractTableModel):
    """The series of one `SeriesListView`, row by row, read lazily in pages."""

    viewChanged = Signal()  # after a new search or sort has been applied
    countChanged = Signal()  # more matches were counted as the list was scrolled

    def __init__(self, view: SeriesListView | None = None, parent: Any = None, *,
                 quick_count: bool = False) -> None:
        """`quick_count`: start an unfiltered list from an upper bound of its length (no count
        of 100,000 rows before the first paint); settle_count() makes it exact."""
        super().__init__(parent)
        self._view = view or SeriesListView()
        self._count_cap = SEARCH_COUNT_CAP
        self._count_is_bound = quick_count and not self._view.search.strip()
        if self._count_is_bound:
            self._count, self._more = queries.series_count_bound(), False
        else:
            self._count, self._more = queries.series_count_upto(self._view, self._count_cap)
        self._pages: OrderedDict[int, tuple[Any, ...]] = OrderedDict()  # see _flat_page
        # Where the pages read so far began (by row), kept after their rows are dropped: a
        # page near one of them is read by an index seek from there (queries.PageStart).
        self._starts: list[PageStart] = []
        self._seeding = False  # whether page starts are laid down for each new view
        self._seeded_upto = 0  # row of the last seeded start
        self._seed_timer = QTimer(self, singleShot=True, interval=0)
        self._seed_timer.timeout.connect(self._seed_some)

    # --- what the list shows ---------------------------------------------------------------

    @property
    def view(self) -> SeriesListView:
        return self._view

    def set_view(self, view: SeriesListView) -> None:
        """Show another search or order; the rows are read again as they are needed."""
        if view == self._view:
            return
        self._view = view
        self._count_cap = SEARCH_COUNT_CAP
        self.refresh()
        self.viewChanged.emit()

    def set_search(self, search: str) -> None:
        # Clearing the search brings relevance order back for the next one.
        relevance = self._view.relevance or not search.strip()
        self.set_view(replace(self._view, search=search, relevance=relevance))

    def refresh(self) -> None:
        """Read everything again (after the library changed, e.g. a note's rating was saved)."""
        self.beginResetModel()
        self._count_is_bound = False
        self._count, self._more = queries.series_count_upto(self._view, self._count_cap)
        self._pages.clear()
        self._starts.clear()
        self.endResetModel()
        if self._seeding:
            self.seed_page_starts()

    def series_id(self, row: int) -> int | None:
        slot = self._slot(row)
        return None if slot is None else slot[0][slot[1]]

    def series_row(self, row: int) -> SeriesRow | None:
        slot = self._slot(row)
        if slot is None:
            return None
        page, start = slot
        return SeriesRow(*page[start:start + SERIES_FIELDS])

    def row_texts(self, row: int) -> tuple[str, ...] | None:
        """The texts of a row's cells by column, as data() gives them one at a time."""
        slot = self._slot(row)
        if slot is None:
            return None
        page, start = slot
        return page[start + SERIES_FIELDS:start + ROW_WIDTH]

    def row_of(self, series_id: int) -> int | None:
        """The row showing `series_id`, or None when the current view does not show it."""
        return queries.series_position(self._view, series_id)

    def first_row_starting_with(self, prefix: str) -> int | None:
        return queries.first_title_match(self._view, prefix)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def has_more(self) -> bool:
        """Whether more rows match than are counted yet (the count shows as "N+")."""
        return self._more

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        self._count_cap *= 5
        count, more = queries.series_count_upto(self._view, self._count_cap)
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count, self._more = count, more
            self.endInsertRows()
        else:
            self._more = more
        self.countChanged.emit()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            slot = self._slot(index.row())
            return None if slot is None else slot[0][slot[1] + SERIES_FIELDS + index.column()]
        return None

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Order by a column (ascending unless `order` says descending)."""
        from PySide6.QtCore import Qt

        if column < 0 or column >= len(COLUMNS):
            return
        sort, descending = COLUMNS[SeriesColumn(column)].sort, order == Qt.SortOrder.DescendingOrder
        if sort is self._view.sort and descending == self._view.descending:
            # The order the view has already (setSortingEnabled re-applies it at start-up): a
            # header click always changes column or direction, so this is no user's choice
            # and must not turn relevance order off for the next search.
            return
        self.set_view(replace(self._view, sort=sort, descending=descending, relevance=False))

    def sort_column(self) -> SeriesColumn:
        return next(column for column, spec in COLUMNS.items() if spec.sort is self._view.sort)

    # --- pages -----------------------------------------------------------------------------

    def _slot(self, row: int) -> tuple[tuple[Any, ...], int] | None:
        """The page holding `row` and where the row's values begin in it (see _flat_page)."""
        if row < 0 or row >= self._count:
            return None
        number, within = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = _flat_page(self._read_page(number * PAGE_SIZE))
            if len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        start = within * ROW_WIDTH
        return (page, start) if start < len(page) else None

    def _read_page(self, offset: int, size: int = PAGE_SIZE) -> list[SeriesRow]:
        starts = self._starts
        nearest = bisect_right([start.offset for start in starts], offset) - 1
        rows, start = queries.series_page_from(self._view, offset, size,
                                               starts[nearest] if nearest >= 0 else None)
        if start is not None and (nearest < 0 or starts[nearest].offset != offset):
            starts.insert(nearest + 1, start)
        return rows

    def settle_count(self) -> None:
        """The exact length of a list started from a bound (the rows past it are dropped)."""
        if not self._count_is_bound:
            return
        self._count_is_bound = False
        exact, more = queries.series_count_upto(self._view, self._count_cap)
        if exact != self._count:  # ids left unused by deleted series: rare, and only at start
            self.beginResetModel()
            self._count, self._more = exact, more
            self._pages.clear()
            self.endResetModel()

    def seed_page_starts(self) -> None:
        """Lay down page starts through an unfiltered list in the background (SEED_STEP),
        now and for every view shown from now on."""
        self._seeding = True
        self._seeded_upto = 0
        if not self._view.search.strip():
            self._seed_timer.start()

    def _seed_some(self) -> None:
        for _ in range(SEEDS_PER_TURN):
            offset = self._seeded_upto + SEED_STEP
            if offset >= self._count or self._view.search.strip():
                return
            self._read_page(offset, 1)
            self._seeded_upto = offset
        self._seed_timer.start()
