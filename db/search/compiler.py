"""Tree → SQL: an FTS5 MATCH expression for the words, SQL conditions for the rest.

Every user value reaches SQL as a parameter. The FTS5 expression is built here from words
that contain only letters and digits, each one double-quoted, so no input can make FTS5 see
an operator, a column filter or a syntax error.

The conditions are written over the series table aliased `s`. The part of the tree that is a
plain conjunction of words becomes `match`, which the caller joins (for bm25 ranking); the
rest becomes `where`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from db.search.index import EVERY_SERIES_WORD, INDEX_TABLE
from db.search.tree import TEXT_FIELDS, And, Choice, Node, Not, Or, Range, SeriesStatus, Text


@dataclass(frozen=True)
class CompiledQuery:
    match: str | None  # FTS5 expression the results must match (ranked by it), or None
    where: str  # SQL condition over `s` (the series table); "1" when there is none
    params: tuple[object, ...] = field(default=())


def compile_tree(tree: Node | None) -> CompiledQuery:
    if tree is None:
        return CompiledQuery(None, "1")
    conjuncts = list(tree.children) if isinstance(tree, And) else [tree]
    positives = [node for node in conjuncts
                 if not isinstance(node, Not) and _fts(node) is not None]
    negatives = [node for node in conjuncts
                 if isinstance(node, Not) and _fts(node.child) is not None]
    rest = [node for node in conjuncts if node not in positives and node not in negatives]
    match = None
    if positives:
        match = " AND ".join(f"({_fts(node)})" for node in positives)
    elif negatives:
        # Only exclusions: start from the word every series holds, so FTS5 can say it.
        match = _quoted(EVERY_SERIES_WORD)
    for node in negatives:
        assert isinstance(node, Not)
        match = f"({match}) NOT ({_fts(node.child)})"
    conditions: list[str] = []
    params: list[object] = []
    for node in rest:
        sql, node_params = _sql(node)
        conditions.append(sql)
        params.extend(node_params)
    return CompiledQuery(match, " AND ".join(conditions) or "1", tuple(params))


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _fts(node: Node) -> str | None:
    """The node as an FTS5 expression, or None when FTS5 cannot say it alone."""
    if isinstance(node, Text):
        phrase = _quoted(" ".join(node.words)) + ("*" if node.prefix else "")
        if node.field is None:
            return phrase
        return "{" + " ".join(TEXT_FIELDS[node.field]) + "} : " + phrase
    if isinstance(node, Or):
        parts = [_fts(child) for child in node.children]
        if any(part is None for part in parts):
            return None
        return " OR ".join(f"({part})" for part in parts)
    if isinstance(node, And):
        positives = [_fts(child) for child in node.children if not isinstance(child, Not)]
        negatives = [_fts(child.child) for child in node.children if isinstance(child, Not)]
        if any(part is None for part in positives + negatives):
            return None
        # FTS5's NOT needs something on its left: the word every row holds, if nothing else.
        expression = " AND ".join(f"({part})" for part in positives) or _quoted(EVERY_SERIES_WORD)
        for negative in negatives:
            expression = f"({expression}) NOT ({negative})"
        return expression
    if isinstance(node, Not):
        # Inside an `or` ("not a or b"): the rows that lack it, said in FTS5 too, so the whole
        # `or` runs in the index instead of as SQL sets of every row holding "a".
        child = _fts(node.child)
        return None if child is None else f"({_quoted(EVERY_SERIES_WORD)}) NOT ({child})"
    return None


# Conditions on my note are asked of the note table, which holds a few notes beside 100,000
# series: `s.id IN (…)` reads the few notes once, where a subquery per series would probe
# the note index 100,000 times when hardly any series qualifies.
_NOTED_SERIES = "s.id IN (SELECT series_id FROM note WHERE series_id IS NOT NULL{condition})"


def _sql(node: Node) -> tuple[str, list[object]]:
    """The node as a condition over `s`."""
    expression = _fts(node)
    if expression is not None:
        return (f"s.id IN (SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?)",
                [expression])
    combined = boolean_sql(node, _sql)
    if combined is not None:
        return combined
    if isinstance(node, Range):
        column = "s.year_start" if node.field == "year" else "rating"
        bounds = [(">=", node.low), ("<=", node.high)]
        conditions = [f"{column} {operator} ?" for operator, value in bounds if value is not None]
        values = [value for _, value in bounds if value is not None]
        if node.field == "year":
            return "(" + " AND ".join(conditions) + ")", values
        return _NOTED_SERIES.format(condition="".join(f" AND {c}" for c in conditions)), values
    if isinstance(node, Choice):
        return _choice_sql(node)
    if isinstance(node, SeriesStatus):
        return "s.status = ? COLLATE NOCASE", [node.value]
    raise TypeError(f"unknown search node {node!r}")


def boolean_sql(node: Node, condition: Callable[[Node], tuple[str, list[object]]]
                ) -> tuple[str, list[object]] | None:
    """`not`, `and`, `or` over the conditions `condition` makes of the children; None for
    any other node."""
    if isinstance(node, Not):
        sql, params = condition(node.child)
        # IFNULL: a missing year or rating is "not in the range", so its negation holds.
        return f"NOT ifnull({sql}, 0)", params
    if isinstance(node, And | Or):
        parts = [condition(child) for child in node.children]
        joiner = " AND " if isinstance(node, And) else " OR "
        return ("(" + joiner.join(sql for sql, _ in parts) + ")",
                [param for _, params in parts for param in params])
    return None


def _choice_sql(node: Choice) -> tuple[str, list[object]]:
    if node.field == "verdict":
        return ("EXISTS (SELECT 1 FROM review r WHERE r.series_id = s.id AND r.verdict = ?)",
                [node.value])
    if node.field == "status":
        return _NOTED_SERIES.format(condition=" AND status = ?"), [node.value]
    if node.value == "note":
        return _NOTED_SERIES.format(condition=""), []
    # Reviews and awards are many: most series have some, and a probe per series stops as
    # soon as a page of them is found.
    table = {"review": "review", "award": "award"}[node.value]
    return f"EXISTS (SELECT 1 FROM {table} x WHERE x.series_id = s.id)", []

