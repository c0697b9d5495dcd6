"""Any text at all goes through parse → SQL → a real library without an exception, and leaves
the library exactly as it was.

Thousands of random and hostile strings: FTS5 and SQL syntax, quotes and brackets, control
characters, emoji, right-to-left text, lone surrogates (which SQLite cannot even store), and
10,000-character pastes.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.importing.library_json import parse_library_text
from db.importing.library_writer import write_library
from db.models import Series, database_proxy
from db.note_listing import count_notes, list_notes, series_search_sql
from db.notes import NoteState, NoteTarget, save_note
from db.queries import SeriesListView, series_count_upto, series_page, series_position
from db.search import prepare, search_series
from db.search.index import index_problems
from db.search.listing import TITLE_ORDER, match_count, page_ids, position
from db.search.parser import MAX_TERMS, parse
from db.search.tree import And, Node, Not, Or, Text
from tests.conftest import MINI_LIBRARY

# Pieces a hostile or clumsy user might type or paste: our own syntax, FTS5's, SQL's, and text
# from other scripts.
FRAGMENTS = (
    '"', "'", "(", ")", "*", "^", ":", "-", "|", "+", "{", "}", "[", "]", ",", ";", ".", "..",
    ">=", "<", ">", "=", "<=", "NEAR", "NEAR(", "NEAR/2", "AND", "OR", "NOT", "and", "or", "not",
    "title:", "cast:", "year:", "rating:", "status:", "has:", "verdict:", "genre:", "yaer:",
    "{title cast}:", "title : x", "col:", "rank", "bm25(", "MATCH", "'; DROP TABLE series; --",
    "/*", "*/", "--", "%", "_", "\\", "\x00", "\n", "\t", "\r", "\x1b[31m", "\x7f", "\u202e",
    "\u200b", "\ufeff", "שלום", "مرحبا", "😀", "👩‍👩‍👧", "\ud800", "\udcff", "Régina", "regina",
    "ß", "İ", "ǅ", "𝕏", "٣", "²", "\u0301", "e\u0301", "ꙮeveryseriesꙮ", "everyseries", "kj",
    "K.J.", "clare-hope", "2018", "0", "99999", "-1", "2010..2019", "x" * 50, "Ⅻ", "ﬁ",
)
SEPARATORS = ("", " ", "  ", "\t")

fragment_queries = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=24,
).map(lambda parts: "".join(piece + gap for piece, gap in parts))
# Every code point, surrogates included.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)
long_pastes = st.builds(lambda piece, gap: (piece + gap) * (10_000 // (len(piece) + 1) + 1),
                        st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)
                        ).map(lambda text: text[:10_000])
queries = st.one_of(fragment_queries, any_text, long_pastes)

# The shape of every FTS5 expression the compiler writes: quoted strings (a quote inside one is
# doubled), an optional "*", column sets, parentheses and the three operators. Nothing else.
_FTS_TOKEN = re.compile(r'\s+|"(?:[^"]|"")*"\*?|\{[a-z ]+\} :|AND|OR|NOT|\(|\)')


def _only_quoted_words(expression: str) -> bool:
    position = 0
    while position < len(expression):
        token = _FTS_TOKEN.match(expression, position)
        if token is None:
            return False
        position = token.end()
    return True


def _digest() -> str:
    """A fingerprint of every row of the library (the FTS5 table's shadow tables included)."""
    connection = database_proxy.connection()
    digest = hashlib.sha256()
    for line in connection.iterdump():
        digest.update(line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@pytest.fixture
def library(bundled_library: Path) -> Path:
    """The bundled library, the mini library's series beside it, and a note with a tag."""
    write_library(parse_library_text(json.dumps(MINI_LIBRARY)), "mini.json")
    seven = Series.get(Series.title == "Seven Seconds").id
    save_note(NoteTarget("series", seven), NoteState("Rewatch for the acting.", 9, "watched",
                                                     ("favourite",)))
    return bundled_library


def _text_nodes(node: Node | None) -> int:
    if isinstance(node, Text):
        return 1
    if isinstance(node, Not):
        return _text_nodes(node.child)
    if isinstance(node, And | Or):
        return sum(_text_nodes(child) for child in node.children)
    return 0


@settings(max_examples=2000, deadline=None)
@given(queries)
def test_parsing_never_raises_and_stays_bounded(text: str) -> None:
    parsed = parse(text)
    # A punctuated name is two Text nodes ("k j" or "kj").
    assert _text_nodes(parsed.tree) <= 2 * MAX_TERMS
    compiled = prepare(text).compiled
    assert compiled.match is None or _only_quoted_words(compiled.match)
    assert all(isinstance(hint, str) for hint in parsed.hints)


def test_any_text_runs_against_a_real_library_and_changes_nothing(library: Path) -> None:
    before = _digest()
    changes = database_proxy.connection().total_changes
    every_id = {series.id for series in Series.select(Series.id)}

    @settings(max_examples=1000, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(queries)
    def search_everything(text: str) -> None:
        result = search_series(text, limit=10)
        assert {row.id for row in result.rows} <= every_id
        assert result.total >= len(result.rows)
        search = prepare(text)
        ranked = page_ids(search, None, 0, 10)
        by_title = page_ids(search, TITLE_ORDER, 0, 10)
        assert sorted(ranked) == sorted(by_title)  # the same matches in either order
        assert match_count(search) == len(ranked)
        for series_id in every_id:
            found = position(search, None, series_id)
            assert (found is not None) == (series_id in ranked)
        view = SeriesListView(search=text, relevance=True)
        count, _ = series_count_upto(view, 1000)
        assert [row.id for row in series_page(view, 0, 10)] == ranked
        assert count == len(ranked)
        for series_id in every_id:
            series_position(view, series_id)
        sql, params = series_search_sql(text)
        database_proxy.execute_sql(sql, params).fetchall()
        notes = list_notes(text)  # the My notes filter: the same text, note by note
        assert count_notes(text) == len(notes)

    search_everything()
    assert database_proxy.connection().total_changes == changes
    assert _digest() == before
    assert index_problems() == []
