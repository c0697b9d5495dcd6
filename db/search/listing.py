"""The search as the window's list sees it: pages, capped counts and positions, in any order.

Counting and ranking a few thousand matches is cheap; ordering a hundred thousand weak
matches (a one-letter prefix matches nearly every series) is not: bm25 costs ~5 µs a row and a
sort needs every match first. So "relevance" order is:
- up to RANK_LIMIT matches: bm25 over all of them (title hits weigh most);
- more: the order the index holds them in, which is the order they were added (a title-hits
  tier was tried: finding the few title hits among 20,000 matches costs ~20 ms);
- nothing to rank by (`year:2018`, `has:note`): the order they were added.
Nobody reads a thousand results; such a page costs a millisecond or two, and the first
narrowing keystroke brings real ranking back.
Counts stop at a cap ("1,000+ matches") that the caller raises as the list is scrolled.
A column order the user chose is honoured exactly: SQLite gathers the matches and sorts them,
which costs in proportion to how many match.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.models import database_proxy
from db.search.index import INDEX_TABLE
from db.search.prepared import PreparedSearch

# Up to this many matches are ranked by bm25 (a few ms); more are listed in the order added.
RANK_LIMIT = 1000


@dataclass(frozen=True)
class ListOrder:
    """A column order: SQL over `s` (the series) and `n` (its note, LEFT JOINed)."""

    key: str
    descending: bool = False


TITLE_ORDER = ListOrder("s.sort_title COLLATE NOCASE")
_SERIES_AND_NOTE = "FROM series s LEFT JOIN note n ON n.series_id = s.id"


def _rows(sql: str, params: list[object]) -> list[tuple[object, ...]]:
    return list(database_proxy.execute_sql(sql, params).fetchall())


def _index_source(match: str, where: str, params: tuple[object, ...]
                  ) -> tuple[str, list[object]]:
    """FROM … WHERE for the series matching an FTS5 expression and a condition over `s`."""
    if where == "1":
        return f"FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?", [match]
    return (f"FROM {INDEX_TABLE} JOIN series s ON s.id = {INDEX_TABLE}.rowid "
            f"WHERE {INDEX_TABLE} MATCH ? AND {where}", [match, *params])


def matching_series_sql(search: PreparedSearch) -> tuple[str, list[object]]:
    """A SELECT of the matching series' ids (for use as a subquery), and its parameters."""
    condition, params = _condition(search)
    return f"SELECT s.id FROM series s WHERE {condition}", params


def _condition(search: PreparedSearch) -> tuple[str, list[object]]:
    """A condition over `s` that holds for the matching series."""
    compiled = search.compiled
    if compiled.match is None:
        return compiled.where, list(compiled.params)
    return (f"s.id IN (SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?) "
            f"AND {compiled.where}", [compiled.match, *compiled.params])


# Counts asked for again within one state of the library (the list asks for the count, then
# for pages, each needing to know whether to rank) are answered from here.
_COUNTS: dict[tuple[object, ...], int] = {}
_MAX_CACHED_COUNTS = 64


def forget_counts() -> None:
    """Drop the cached counts (the search benchmark times each text as if typed afresh)."""
    _COUNTS.clear()


def _library_state() -> tuple[int, int]:
    """Changes by this connection and by others: a count cached under another state is stale."""
    connection = database_proxy.connection()
    data_version = int(connection.execute("PRAGMA data_version").fetchone()[0])
    return connection.total_changes, data_version


def match_count(search: PreparedSearch, cap: int | None = None) -> int:
    """How many series match; with a cap, counting stops at cap + 1."""
    key = (search.text, cap, id(database_proxy.obj), *_library_state())
    if key not in _COUNTS:
        if len(_COUNTS) >= _MAX_CACHED_COUNTS:
            _COUNTS.clear()
        _COUNTS[key] = _count(search, cap)
    return _COUNTS[key]


def _count(search: PreparedSearch, cap: int | None) -> int:
    compiled = search.compiled
    limit = "" if cap is None else f" LIMIT {int(cap) + 1:d}"
    if compiled.match is None:
        source, params = f"FROM series s WHERE {compiled.where}", list(compiled.params)
    else:
        source, params = _index_source(compiled.match, compiled.where, compiled.params)
    return int(_rows(f"SELECT count(*) FROM (SELECT 1 {source}{limit})", params)[0][0])


def capped_count(search: PreparedSearch, cap: int) -> tuple[int, bool]:
    """(count, more): the number of matches, or (cap, True) when there are more than cap."""
    found = match_count(search, cap)
    return (cap, True) if found > cap else (found, False)


def ranks(search: PreparedSearch) -> bool:
    """Whether relevance order is bm25 for this search (few enough matches to rank them all)."""
    return search.compiled.match is not None and match_count(search, RANK_LIMIT) <= RANK_LIMIT


def page_ids(search: PreparedSearch, order: ListOrder | None, offset: int, limit: int
             ) -> list[int]:
    """Ids of one page of matches; `order` None is relevance order."""
    compiled = search.compiled
    if order is None and compiled.match is not None:
        if ranks(search):
            source, params = _index_source(compiled.match, compiled.where, compiled.params)
            sql = (f"SELECT {INDEX_TABLE}.rowid {source} ORDER BY {INDEX_TABLE}.rank "
                   "LIMIT ? OFFSET ?")
            return [int(row[0]) for row in _rows(sql, [*params, limit, offset])]
        return _in_index_order(search, offset, limit)
    if order is None:
        # Nothing to rank by (`year:2018`, `has:note`): the order series were added in, which
        # SQLite reads without sorting and stops after one page.
        sql = f"SELECT s.id FROM series s WHERE {compiled.where} ORDER BY s.id LIMIT ? OFFSET ?"
        return [int(row[0]) for row in _rows(sql, [*compiled.params, limit, offset])]
    direction = "DESC" if order.descending else "ASC"
    condition, params = _condition(search)
    sql = (f"SELECT s.id {_SERIES_AND_NOTE} WHERE {condition} "
           f"ORDER BY {order.key} {direction}, s.id {direction} LIMIT ? OFFSET ?")
    return [int(row[0]) for row in _rows(sql, [*params, limit, offset])]


def _in_index_order(search: PreparedSearch, offset: int, limit: int) -> list[int]:
    compiled = search.compiled
    assert compiled.match is not None
    source, params = _index_source(compiled.match, compiled.where, compiled.params)
    # FTS5 walks its matches by rowid anyway: the ORDER BY costs nothing and makes it certain.
    sql = f"SELECT {INDEX_TABLE}.rowid {source} ORDER BY {INDEX_TABLE}.rowid LIMIT ? OFFSET ?"
    return [int(row[0]) for row in _rows(sql, [*params, limit, offset])]


def position(search: PreparedSearch, order: ListOrder | None, series_id: int) -> int | None:
    """The row of `series_id` in the list, or None when it does not match."""
    condition, params = _condition(search)
    if not _rows(f"SELECT 1 FROM series s WHERE s.id = ? AND {condition}", [series_id, *params]):
        return None
    if order is None and search.compiled.match is None:
        return int(_rows(f"SELECT count(*) FROM series s WHERE {condition} AND s.id < ?",
                         [*params, series_id])[0][0])
    if order is None:
        compiled = search.compiled
        assert compiled.match is not None
        if ranks(search):
            # bm25 order has no key to compare, but ranked lists are short: read it whole.
            ids = page_ids(search, None, 0, RANK_LIMIT)
            return ids.index(series_id) if series_id in ids else None
        # Index order: the matches before it are those with a smaller rowid.
        source, params = _index_source(compiled.match, compiled.where, compiled.params)
        return int(_rows(f"SELECT count(*) {source} AND {INDEX_TABLE}.rowid < ?",
                         [*params, series_id])[0][0])
    order = order or TITLE_ORDER
    value = _rows(f"SELECT {order.key} {_SERIES_AND_NOTE} WHERE s.id = ?", [series_id])[0][0]
    key = f"({order.key})"
    # Rows before (value, id); SQLite sorts NULL first ascending, last descending.
    before: str
    before_params: list[object]
    if not order.descending and value is None:
        before, before_params = f"({key} IS NULL AND s.id < ?)", [series_id]
    elif not order.descending:
        before = f"({key} IS NULL OR {key} < ? OR ({key} = ? AND s.id < ?))"
        before_params = [value, value, series_id]
    elif value is None:
        before, before_params = f"({key} IS NOT NULL OR s.id > ?)", [series_id]
    else:
        before = f"({key} > ? OR ({key} = ? AND s.id > ?))"
        before_params = [value, value, series_id]
    sql = f"SELECT count(*) {_SERIES_AND_NOTE} WHERE {condition} AND {before}"
    return int(_rows(sql, [*params, *before_params])[0][0])
