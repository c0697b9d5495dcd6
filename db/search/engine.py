"""Running a search: the first page of matching series, ranked, with why each matched."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import database_proxy
from db.search.compiler import CompiledQuery
from db.search.highlight import spans_in
from db.search.index import INDEX_COLUMNS, INDEX_TABLE, SEARCH_ONLY_MARKER
from db.search.listing import capped_count, page_ids
from db.search.prepared import PreparedSearch, prepare
from db.search.tree import And, Choice, Node, Not, Or, Range

# Counting stops here: past a thousand matches the exact number tells a reader nothing ("1,000+
# matches"), and counting every one of 100,000 would cost more than the search itself.
DEFAULT_COUNT_CAP = 1000
# Index columns by the name the UI shows for them.
COLUMN_LABELS = {"title": "title", "cast": "cast", "character": "character",
                 "creator": "creator", "crew": "crew", "genre": "genre", "network": "network",
                 "review": "review", "note": "my note", "tag": "tag", "other": "details"}


@dataclass(frozen=True)
class MatchReason:
    """Where a result matched: a field, its text, and the spans of the matching words in it."""

    field: str
    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SearchRow:
    id: int
    title: str
    year_start: int | None
    year_end: int | None
    network: str | None
    reasons: tuple[MatchReason, ...]


@dataclass(frozen=True)
class SearchResult:
    rows: tuple[SearchRow, ...]
    hints: tuple[str, ...]
    total: int  # matches counted, up to the cap
    total_is_capped: bool  # True: there are more than `total`

    def describe_total(self) -> str:
        """'1 match', '37 matches', '1,000+ matches'."""
        plus = "+" if self.total_is_capped else ""
        noun = "match" if self.total == 1 and not plus else "matches"
        return f"{self.total:,}{plus} {noun}"


def _from_clause(compiled: CompiledQuery) -> tuple[str, list[object]]:
    """FROM … WHERE … selecting the matching series as `s` (db.note_listing uses it; new code
    should use db.search.listing.matching_series_sql)."""
    if compiled.match is None:
        return f"FROM series s WHERE {compiled.where}", list(compiled.params)
    return (f"FROM series s WHERE s.id IN (SELECT rowid FROM {INDEX_TABLE} "
            f"WHERE {INDEX_TABLE} MATCH ?) AND {compiled.where}",
            [compiled.match, *compiled.params])


def matching_ids(search: PreparedSearch, limit: int, offset: int = 0) -> list[int]:
    """Ids of matching series in relevance order (see db.search.listing)."""
    return page_ids(search, None, offset, limit)


def count_matches(search: PreparedSearch, cap: int = DEFAULT_COUNT_CAP) -> tuple[int, bool]:
    """(matches, capped): the number of matches, or (cap, True) when there are more."""
    return capped_count(search, cap)


def search_series(text: str, limit: int = 50, offset: int = 0,
                  count_cap: int = DEFAULT_COUNT_CAP) -> SearchResult:
    """One page of series matching `text`, best first, each with why it matched. Never raises
    for any text (database errors still do)."""
    search = prepare(text)
    ids = matching_ids(search, limit, offset)
    total, capped = count_matches(search, count_cap)
    return SearchResult(tuple(_rows(search, ids)), search.hints, total, capped)


def _rows(search: PreparedSearch, ids: list[int]) -> list[SearchRow]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    columns = ", ".join(f'f."{column}"' for column in INDEX_COLUMNS)
    found = {row[0]: row for row in database_proxy.execute_sql(
        f"SELECT s.id, s.title, s.year_start, s.year_end, s.network, {columns} FROM series s "
        f"JOIN {INDEX_TABLE} f ON f.rowid = s.id WHERE s.id IN ({marks})", ids)}
    rows = []
    for series_id in ids:
        row = found.get(series_id)
        if row is None:
            continue
        reasons = []
        for column, indexed in zip(INDEX_COLUMNS, row[5:], strict=True):
            text = str(indexed or "").split(SEARCH_ONLY_MARKER, 1)[0]
            spans = spans_in(text, list(search.terms), column)
            if spans:
                reasons.append(MatchReason(COLUMN_LABELS[column], text, spans))
        reasons.extend(_field_reasons(search.tree, row))
        rows.append(SearchRow(row[0], row[1], row[2], row[3], row[4], tuple(reasons)))
    return rows


def _field_reasons(tree: Node | None, row: tuple[object, ...]) -> list[MatchReason]:
    """Reasons that are not words: year ranges, verdicts, statuses, has:…"""
    reasons: list[MatchReason] = []

    def visit(node: Node) -> None:
        if isinstance(node, Range) and node.field == "year" and row[2] is not None:
            text = str(row[2])
            reasons.append(MatchReason("year", text, ((0, len(text)),)))
        elif isinstance(node, Range | Choice):
            value = node.value if isinstance(node, Choice) else _range_text(node)
            reasons.append(MatchReason(node.field, value, ()))
        elif isinstance(node, And | Or):
            for child in node.children:
                visit(child)

    if tree is not None and not isinstance(tree, Not):
        visit(tree)
    return reasons


def _range_text(node: Range) -> str:
    if node.low == node.high:
        return str(node.low)
    return f"{'' if node.low is None else node.low}..{'' if node.high is None else node.high}"
