"""Reading many notes at once: the "My notes" list (paged, sorted in SQL) and export batches.

Both go through one SELECT that names each note's target (series title, person name, or
character name with its series) so neither side joins per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from db.models import database_proxy
from db.notes import NoteTarget

# Rows fetched per query when streaming notes for an export: bounded memory, few round trips.
EXPORT_BATCH = 2_000
# SQLite's default limit on bound parameters is 32,766; stay well below it per IN list.
MAX_IN_PARAMETERS = 900

SORT_COLUMNS = {
    "title": "lower(target_title), n.id",
    "kind": "kind, lower(target_title), n.id",
    "rating": "n.rating IS NULL, n.rating, lower(target_title), n.id",
    "status": "n.status IS NULL, n.status, lower(target_title), n.id",
    "updated": "n.updated, n.id",
    "created": "n.created, n.id",
}

_BASE_SELECT = """
SELECT n.id, n.uid,
       CASE WHEN n.series_id IS NOT NULL THEN 'series'
            WHEN n.person_id IS NOT NULL THEN 'person' ELSE 'character' END AS kind,
       COALESCE(n.series_id, n.person_id, n.character_id) AS target_id,
       COALESCE(s.title, p.name, c.name) AS target_title,
       cs.title AS series_title,
       COALESCE(s.year_start, cs.year_start) AS year,
       COALESCE(s.key, p.key, c.key) AS target_key,
       cs.key AS series_key,
       n.rating, n.status, n.created, n.updated{extra}
FROM note n
LEFT JOIN series s ON s.id = n.series_id
LEFT JOIN person p ON p.id = n.person_id
LEFT JOIN character c ON c.id = n.character_id
LEFT JOIN series cs ON cs.id = c.series_id
"""


@dataclass(frozen=True)
class NoteRow:
    """One note as lists and exports show it."""

    id: int
    uid: str
    target: NoteTarget
    title: str
    series_title: str | None
    year: int | None
    target_key: str
    series_key: str | None
    rating: int | None
    status: str | None
    created: str
    updated: str
    tags: tuple[str, ...] = ()
    body: str = ""

    def label(self) -> str:
        if self.series_title:
            return f"{self.title} ({self.series_title})"
        return self.title


@dataclass(frozen=True)
class NoteScope:
    """Which notes an export takes: all; those of a search; or those of chosen targets."""

    query: str | None = None
    targets: tuple[NoteTarget, ...] | None = None


ALL_NOTES = NoteScope()

# --- the seams to the search language ------------------------------------------------------

def note_filter(text: str) -> tuple[str, list[Any]]:
    """SQL condition on the joined note row for the My notes filter box, with parameters.

    Plain words filter by the note itself: each must appear (any case) in its target's title,
    its body or its tags. Text in the search language (a `field:`, `-word`,
    `or`, quotes or parentheses) is judged note by note: see db/search/note_filter.py.
    """
    from db.search.note_filter import note_condition, plain_words_condition

    words = text.split()
    if not words:
        return "1", []
    if _uses_search_syntax(words):
        return note_condition(text)
    return plain_words_condition(words)


def _uses_search_syntax(words: list[str]) -> bool:
    return any(":" in word or word.startswith(("-", '"', "(")) or word.endswith(")")
               or word.casefold() in ("or", "not") for word in words)


def series_search_sql(query: str) -> tuple[str, list[Any]]:
    """SQL selecting the ids of the series a search finds ("the current search results"),
    in the search language of db.search, with its parameters."""
    from db.search import prepare
    from db.search.engine import _from_clause  # the search's own FROM/WHERE, as a subquery

    search = prepare(query)
    source, params = _from_clause(search.compiled)
    return f"SELECT s.id {source}", params


def _scope_condition(scope: NoteScope) -> tuple[str, list[Any]]:
    if scope.targets is not None:
        parts: list[str] = []
        params: list[Any] = []
        for kind in ("series", "person", "character"):
            ids = [t.id for t in scope.targets if t.kind == kind]
            for start in range(0, len(ids), MAX_IN_PARAMETERS):
                chunk = ids[start:start + MAX_IN_PARAMETERS]
                parts.append(f"n.{kind}_id IN ({', '.join('?' * len(chunk))})")
                params += chunk
        return (" OR ".join(parts) or "0"), params
    if scope.query is not None and scope.query.strip():
        series_sql, params = series_search_sql(scope.query)
        return (f"(n.series_id IN ({series_sql}) OR c.series_id IN ({series_sql}))",
                params + params)
    return "1", []


# --- the list ------------------------------------------------------------------------------

def _rows(fetched: Sequence[Sequence[Any]], *, with_body: bool = False) -> list[NoteRow]:
    """NoteRows from fetched values, with their tags (one query for the lot)."""
    tags = _tags_of([values[0] for values in fetched])
    rows = []
    for values in fetched:
        (note_id, uid, kind, target_id, title, series_title, year, target_key, series_key,
         rating, status, created, updated) = values[:13]
        rows.append(NoteRow(note_id, uid, NoteTarget(kind, target_id), title, series_title,
                            year, target_key, series_key, rating, status, created, updated,
                            tags.get(note_id, ()), values[13] if with_body else ""))
    return rows


def count_notes(filter_text: str = "") -> int:
    condition, params = note_filter(filter_text)
    sql = f"SELECT count(*) FROM ({_BASE_SELECT.format(extra='')} WHERE {condition})"
    return int(database_proxy.execute_sql(sql, params).fetchone()[0])


def list_notes(filter_text: str = "", *, sort: str = "updated", descending: bool = True,
               offset: int = 0, limit: int = 200) -> list[NoteRow]:
    """One page of notes matching `filter_text`, sorted in SQL, with their tags."""
    condition, params = note_filter(filter_text)
    order = SORT_COLUMNS[sort]
    if descending:
        order = ", ".join(f"{part} DESC" for part in order.split(", "))
    sql = (f"{_BASE_SELECT.format(extra='')} WHERE {condition} ORDER BY {order} "
           "LIMIT ? OFFSET ?")
    return _rows(database_proxy.execute_sql(sql, [*params, limit, offset]).fetchall())


def _tags_of(note_ids: list[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(note_ids), MAX_IN_PARAMETERS):
        chunk = note_ids[start:start + MAX_IN_PARAMETERS]
        sql = ("SELECT nt.note_id, t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id "
               f"WHERE nt.note_id IN ({', '.join('?' * len(chunk))})")
        for note_id, name in database_proxy.execute_sql(sql, chunk).fetchall():
            found[note_id].append(name)
    return {note_id: tuple(sorted(names, key=str.casefold)) for note_id, names in found.items()}


# --- export batches ------------------------------------------------------------------------

def count_scope(scope: NoteScope) -> int:
    condition, params = _scope_condition(scope)
    sql = f"SELECT count(*) FROM ({_BASE_SELECT.format(extra='')} WHERE {condition})"
    return int(database_proxy.execute_sql(sql, params).fetchone()[0])


def iter_scope(scope: NoteScope, batch: int = EXPORT_BATCH) -> Iterator[list[NoteRow]]:
    """The notes in `scope` with body and tags, in batches, in a stable order (title, id).

    One query streamed through its cursor: sorted once, never held whole in memory.
    """
    condition, params = _scope_condition(scope)
    sql = (f"{_BASE_SELECT.format(extra=', n.body')} WHERE {condition} "
           "ORDER BY lower(target_title), n.id")
    cursor = database_proxy.execute_sql(sql, params)
    while True:
        values = cursor.fetchmany(batch)
        if not values:
            return
        yield _rows(values, with_body=True)
