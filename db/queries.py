"""The read side: everything the window shows, as plain frozen dataclasses.

The series list is read a page at a time (`series_page`) in an order SQLite gives from an index
where one exists, so a list of 100,000 series never sits in Python. Detail pages
(`series_detail`, `person_detail`) are a handful of indexed queries each.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db import early_library

# Nothing here imports peewee or the models at module level: the window's first screen (an
# unfiltered list page and its count) runs as plain SQL, on the early connection when the
# library was opened before the store (db/early_library.py). db.search (parser, compiler,
# FTS5 listing) is imported on the first search.
if TYPE_CHECKING:
    from peewee import Expression

    from db.search.listing import ListOrder
    from db.search.prepared import PreparedSearch

# --- library totals ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryCounts:
    series: int
    people: int
    reviews: int
    notes: int


def library_counts() -> LibraryCounts:
    (counts,) = read_rows(
        "SELECT (SELECT count(*) FROM series), (SELECT count(*) FROM person), "
        "(SELECT count(*) FROM review), (SELECT count(*) FROM note)", [])
    return LibraryCounts(*counts)


def series_titles(limit: int) -> list[tuple[int, str]]:
    """The first `limit` series ids and titles in title order."""
    return [(row[0], row[1]) for row in read_rows(
        "SELECT id, title FROM series ORDER BY sort_title COLLATE NOCASE, id LIMIT ?", [limit])]


# --- the series list --------------------------------------------------------------------------


class SortColumn(enum.Enum):
    """What the series list can be ordered by; every order ends with the id so pages are stable."""

    TITLE = "title"
    YEARS = "years"
    EPISODES = "episodes"
    NETWORK = "network"
    GENRES = "genres"
    MY_RATING = "my_rating"
    MY_STATUS = "my_status"


@dataclass(frozen=True)
class SeriesListView:
    """Which series the list shows and in what order."""

    search: str = ""
    sort: SortColumn = SortColumn.TITLE
    descending: bool = False
    # While a search is active: best matches first (db.search.listing) rather than `sort`.
    # Clicking a column header turns it off; clearing the search turns it back on.
    relevance: bool = True


@dataclass(frozen=True)
class SeriesRow:
    """One line of the series list; my_rating/my_status come from the series' note, if any."""

    id: int
    title: str
    kind: str
    year_start: int | None
    year_end: int | None
    seasons: int | None
    episodes: int | None
    network: str | None
    genres: str
    my_rating: int | None
    my_status: str | None


def series_filter(search: str) -> Expression | None:
    """THE SEARCH SEAM: the condition on `Series` that the list's search text stands for.

    The query language of db.search (fields, phrases, negation…); None means "every series".
    Counting, paging and positions of a search go through db.search.listing (`_search`
    below), which picks the cheap way for each search; this condition serves the rest.
    """
    search = _search(search)
    if search is None:
        return None
    from peewee import SQL

    from db.models import Series
    from db.search.listing import matching_series_sql

    sql, params = matching_series_sql(search)
    return Series.id.in_(SQL(sql, params))


def _search(text: str) -> PreparedSearch | None:
    """The parsed search, or None when the text asks for nothing (every series)."""
    if not text.strip():
        return None
    from db.search.prepared import prepare

    search = prepare(text)
    return None if search.is_empty else search


# What each column orders by, over `s` = series and `n` = its note (the list's SQL and the
# search listing's alike).
_ORDER_KEYS = {
    SortColumn.TITLE: "s.sort_title COLLATE NOCASE",
    SortColumn.YEARS: "s.year_start",
    SortColumn.EPISODES: "s.episodes",
    SortColumn.NETWORK: "s.network COLLATE NOCASE",
    SortColumn.GENRES: "s.genres_label COLLATE NOCASE",
    SortColumn.MY_RATING: "n.rating",
    SortColumn.MY_STATUS: "n.status",
}
# The note's columns are reached through a LEFT JOIN on the one note a series can have.
_NOTE_SORTS = (SortColumn.MY_RATING, SortColumn.MY_STATUS)
_WITH_NOTE = "series s LEFT JOIN note n ON n.series_id = s.id"


def _search_order(view: SeriesListView) -> ListOrder | None:
    """None: relevance order; else the column order the user chose."""
    if view.relevance:
        return None
    from db.search.listing import ListOrder

    return ListOrder(_ORDER_KEYS[view.sort], view.descending)


def series_count_upto(view: SeriesListView, cap: int) -> tuple[int, bool]:
    """(rows, more): how many series the view shows, counting a search's matches only up to
    `cap` (more is then True: the list grows as it is scrolled)."""
    search = _search(view.search)
    if search is None:
        return series_count(view), False
    from db.search.listing import capped_count

    return capped_count(search, cap)


def _source(view: SeriesListView) -> str:
    """The FROM clause of the unfiltered list: the note joined only when it is sorted on."""
    return _WITH_NOTE if view.sort in _NOTE_SORTS else "series s"


def _order_by(view: SeriesListView) -> str:
    direction = "DESC" if view.descending else "ASC"
    return f"{_ORDER_KEYS[view.sort]} {direction}, s.id {direction}"


def series_count(view: SeriesListView) -> int:
    """How many series the view shows (a search's matches all counted: see series_count_upto)."""
    search = _search(view.search)
    if search is not None:
        from db.search.listing import match_count

        return match_count(search)
    return int(read_rows("SELECT count(*) FROM series", [])[0][0])


def series_count_bound() -> int:
    """At least the number of series (the largest id), read in a moment where counting them
    all walks an index: for a first screen that counts exactly just after (series_count)."""
    return int(read_rows("SELECT coalesce(max(id), 0) FROM series", [])[0][0])


_ROW_COLUMNS = ("s.id, s.title, s.kind, s.year_start, s.year_end, s.seasons, s.episodes, "
                "s.network, s.genres_label, n.rating, n.status")


@dataclass(frozen=True)
class PageStart:
    """Where a page of an unfiltered list began: its row and its first row's sort key and id.

    Given back to `series_page_from`, it lets a later page nearby start from an index seek
    instead of walking the index from the top past `offset` entries (milliseconds at 100,000).
    """

    offset: int
    key: Any
    series_id: int


def series_page(view: SeriesListView, offset: int, limit: int) -> list[SeriesRow]:
    """`limit` rows of the view from row `offset` on, in the view's order."""
    return series_page_from(view, offset, limit)[0]


def series_page_from(view: SeriesListView, offset: int, limit: int,
                     near: PageStart | None = None) -> tuple[list[SeriesRow], PageStart | None]:
    """`limit` rows of the view from row `offset` on, and where they start (None for a
    search). `near`, an earlier PageStart of the same view at or before `offset`, makes it a
    seek from there."""
    search = _search(view.search)
    if search is not None:
        from db.search.listing import page_ids as search_page_ids

        ids = search_page_ids(search, _search_order(view), offset, limit)
        return _rows_of(ids), None
    # Pick the page's ids first and fetch their columns after: this query walks a covering
    # index (sort key, id) without touching the table's rows.
    key = _ORDER_KEYS[view.sort]
    seek, params = "", []
    skip = offset
    if near is not None and near.offset <= offset and _can_seek(view, near):
        seek, params = _at_or_after(view, near)
        skip = offset - near.offset
    found = read_rows(f"SELECT s.id, {key} FROM {_source(view)} {seek} "
                      f"ORDER BY {_order_by(view)} LIMIT ? OFFSET ?", [*params, limit, skip])
    start = PageStart(offset, found[0][1], found[0][0]) if found else None
    return _rows_of([series_id for series_id, _ in found]), start


def _can_seek(view: SeriesListView, near: PageStart) -> bool:
    """Whether rows from `near` on are one index range: its key is a value (NULLs sort first,
    or last when descending, so a NULL key or a descending order over a column that can be
    NULL is not), and the key is the series' own (the note's keys come through a join)."""
    if near.key is None or view.sort in _NOTE_SORTS:
        return False
    return not view.descending or view.sort in (SortColumn.TITLE, SortColumn.GENRES)


def _at_or_after(view: SeriesListView, near: PageStart) -> tuple[str, list[Any]]:
    """A WHERE clause for the rows from `near` on, in a form SQLite seeks its index with."""
    key = _ORDER_KEYS[view.sort]
    if view.descending:
        return (f"WHERE {key} <= ? AND NOT ({key} = ? AND s.id > ?)",
                [near.key, near.key, near.series_id])
    return (f"WHERE {key} >= ? AND NOT ({key} = ? AND s.id < ?)",
            [near.key, near.key, near.series_id])


def _rows_of(ids: list[int]) -> list[SeriesRow]:
    """The list rows of these series, in this order."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = {row[0]: row for row in read_rows(
        f"SELECT {_ROW_COLUMNS} FROM {_WITH_NOTE} WHERE s.id IN ({marks})", ids)}
    return [SeriesRow(*rows[series_id]) for series_id in ids if series_id in rows]


def series_position(view: SeriesListView, series_id: int) -> int | None:
    """The row of `series_id` in the view, or None when the view does not show it."""
    search = _search(view.search)
    if search is not None:
        from db.search.listing import position as search_position

        return search_position(search, _search_order(view), series_id)
    key = _ORDER_KEYS[view.sort]
    target = read_rows(f"SELECT {key} FROM {_WITH_NOTE} WHERE s.id = ?", [series_id])
    if not target:
        return None
    condition, params = _before(view, target[0][0], series_id)
    return int(read_rows(f"SELECT count(*) FROM {_source(view)} WHERE {condition}", params)[0][0])


def _before(view: SeriesListView, value: Any, series_id: int) -> tuple[str, list[Any]]:
    """Rows that come before the row (value, series_id) in the view's order, as SQL.

    SQLite sorts NULL before every value, and after every value when descending.
    """
    key = _ORDER_KEYS[view.sort]
    if not view.descending:
        if value is None:
            return f"{key} IS NULL AND s.id < ?", [series_id]
        return (f"({key} IS NULL OR {key} < ? OR ({key} = ? AND s.id < ?))",
                [value, value, series_id])
    if value is None:
        return f"({key} IS NOT NULL OR ({key} IS NULL AND s.id > ?))", [series_id]
    return f"({key} > ? OR ({key} = ? AND s.id > ?))", [value, value, series_id]


def first_title_match(view: SeriesListView, prefix: str) -> int | None:
    """The row of the first series in the view whose title starts with `prefix` (type-ahead)."""
    if not prefix:
        return None
    search = _search(view.search)
    if search is None:
        pattern = _escape_like(prefix) + "%"
        match = read_rows(f"SELECT s.id FROM {_source(view)} WHERE s.title LIKE ? ESCAPE '\\' "
                         f"ORDER BY {_order_by(view)} LIMIT 1", [pattern])
    else:
        from db.search.listing import matching_series_sql

        sql, params = matching_series_sql(search)
        pattern = _escape_like(prefix) + "%"
        match = read_rows(f"SELECT s.id FROM {_source(view)} WHERE s.id IN ({sql}) AND "
                         f"s.title LIKE ? ESCAPE '\\' ORDER BY {_order_by(view)} LIMIT 1",
                         [*params, pattern])
    return None if not match else series_position(view, match[0][0])


def _escape_like(text: str) -> str:
    """`text` matched literally by LIKE … ESCAPE '\\' (its own % and _ are no wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def read_rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of one read query, on the early connection while the store is not bound yet."""
    early = early_library.connection()
    if early is not None:
        return early.execute(sql, params).fetchall()
    from db.models import database_proxy

    return list(database_proxy.execute_sql(sql, params).fetchall())


# The detail pages' queries and dataclasses live in db/details.py (not needed for the first
# screen); `queries.series_detail` and friends keep working through this.
def __getattr__(name: str) -> Any:
    if not name.startswith("_"):  # not "__path__" and the like that imports probe for
        from db import details

        if hasattr(details, name):
            return getattr(details, name)
    raise AttributeError(f"module 'db.queries' has no attribute {name!r}")
