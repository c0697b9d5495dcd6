"""The search index's upkeep: batch reindexing for bulk writers, rebuild, and its checks.

The index (`series_search`, FTS5, one row per series) is defined by the view
`series_search_document` and kept in step by triggers (schema migration 3). This module holds
the few things the triggers cannot do alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import peewee
from peewee import Database, DatabaseProxy

from db.models import database_proxy

INDEX_TABLE = "series_search"
INDEX_COLUMNS = ("title", "cast", "character", "creator", "crew", "genre", "network", "review",
                 "note", "tag", "other")
# In an index column, what follows this marker is there only to be found (joined forms of
# punctuated names, a differing sort title); it is not shown as a reason for a match.
SEARCH_ONLY_MARKER = " ¦ "
# The word every row of the index holds (migration 3), for searches that only exclude.
EVERY_SERIES_WORD = "ꙮeveryseriesꙮ"
_COLUMN_LIST = ", ".join(f'"{column}"' for column in INDEX_COLUMNS)


def _execute(sql: str, params: tuple[object, ...] = (),
             database: Database | DatabaseProxy = database_proxy) -> list[tuple[object, ...]]:
    return list(database.execute_sql(sql, params).fetchall())


@contextmanager
def batch_reindexing() -> Iterator[None]:
    """Inside a write transaction: index each touched series once, at the end, not per row.

    An import writes a series, then tens of credits, characters and reviews, and each would
    rebuild that series' index row; in a batch the triggers only note the series, and it is
    reindexed once here before the caller's transaction commits. Nested use is harmless.
    """
    already_active = bool(_execute("SELECT active FROM search_index_batch")[0][0])
    if already_active:
        yield
        return
    _execute("UPDATE search_index_batch SET active = 1")
    try:
        yield
    finally:
        # On an exception the caller's transaction rolls all of this back anyway.
        _execute("UPDATE search_index_batch SET active = 0")
    _reindex_dirty()


def _reindex_dirty() -> None:
    dirty = "SELECT series_id FROM search_index_dirty"
    _execute(f"DELETE FROM {INDEX_TABLE} WHERE rowid IN ({dirty})")
    _execute(f"INSERT INTO {INDEX_TABLE} (rowid, {_COLUMN_LIST}) "
             f"SELECT * FROM series_search_document WHERE id IN ({dirty})")
    _execute("DELETE FROM search_index_dirty")


def rebuild_index() -> int:
    """Rebuild the whole index from the tables (inside the caller's write transaction).

    Returns the number of series indexed.
    """
    _execute(f"DELETE FROM {INDEX_TABLE}")
    _execute("DELETE FROM search_index_dirty")
    _execute("UPDATE search_index_batch SET active = 0")
    _execute(f"INSERT INTO {INDEX_TABLE} (rowid, {_COLUMN_LIST}) "
             "SELECT * FROM series_search_document")
    # Merge the freshly written segments so the first searches do not pay for it.
    _execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')")
    return int(_execute(f"SELECT count(*) FROM {INDEX_TABLE}")[0][0])


def index_problems(database: Database | DatabaseProxy = database_proxy) -> list[str]:
    """How the index differs from the tables, in words; empty when it matches."""

    def _execute(sql: str) -> list[tuple[object, ...]]:
        return list(database.execute_sql(sql).fetchall())

    problems: list[str] = []
    differs = " OR ".join(f'f."{column}" IS NOT d."{column}"' for column in INDEX_COLUMNS)
    stale = _execute(
        f"SELECT count(*) FROM series_search_document d "
        f"LEFT JOIN {INDEX_TABLE} f ON f.rowid = d.id WHERE f.rowid IS NULL OR {differs}")[0][0]
    if stale:
        problems.append(f"search index: {stale} series are missing or out of date "
                        "(run 'showshelf rebuild-index')")
    orphans = _execute(f"SELECT count(*) FROM {INDEX_TABLE} "
                       "WHERE rowid NOT IN (SELECT id FROM series)")[0][0]
    if orphans:
        problems.append(f"search index: {orphans} entries name series that no longer exist "
                        "(run 'showshelf rebuild-index')")
    if _execute("SELECT active FROM search_index_batch")[0][0]:
        problems.append("search index: a batch reindex was left unfinished "
                        "(run 'showshelf rebuild-index')")
    return problems + _fts_integrity(database)


def _fts_integrity(database: Database | DatabaseProxy) -> list[str]:
    # FTS5's own check is spelled as an INSERT, which a read-only connection (the one
    # `showshelf check` uses) refuses; the comparison above still covers what users see.
    if _execute("PRAGMA query_only", database=database)[0][0]:
        return []
    try:
        _execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('integrity-check')",
                 database=database)
    except (sqlite3.Error, peewee.DatabaseError) as error:  # how FTS5 reports damage
        return [f"search index: FTS5 integrity check failed ({error}); "
                "run 'showshelf rebuild-index'"]
    return []
