"""Why a series matched: which words of a search appear where, as spans the UI can paint."""

from __future__ import annotations

from dataclasses import dataclass

from db.search.text import word_spans
from db.search.tree import TEXT_FIELDS, And, Node, Not, Or, Text


@dataclass(frozen=True)
class Term:
    """One word to look for in displayed text; `prefix` when it may start a longer word."""

    word: str
    prefix: bool
    columns: tuple[str, ...] | None  # index columns it may match in; None for any


def positive_terms(tree: Node | None) -> list[Term]:
    """The words a result matched because of (words under a negation are left out)."""
    terms: list[Term] = []

    def visit(node: Node) -> None:
        if isinstance(node, Text):
            columns = TEXT_FIELDS[node.field] if node.field else None
            last = len(node.words) - 1
            terms.extend(Term(word, node.prefix and index == last, columns)
                         for index, word in enumerate(node.words))
        elif isinstance(node, And | Or):
            for child in node.children:
                visit(child)
        # Not: what is excluded did not make anything match.

    if tree is not None and not isinstance(tree, Not):
        visit(tree)
    return terms


def spans_in(text: str, terms: list[Term], column: str | None = None
             ) -> tuple[tuple[int, int], ...]:
    """(start, end) of every word of `text` a term matches, in order, without overlaps.

    `column` names the index column the text belongs to, so `cast:king` does not light up
    "King" in a title; None matches every term.
    """
    wanted = [term for term in terms
              if column is None or term.columns is None or column in term.columns]
    if not wanted or not text:
        return ()
    found = sorted({(span.start, span.end) for span in word_spans(text)
                    if any(span.word == term.word
                           or (term.prefix and span.word.startswith(term.word))
                           for term in wanted)})
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def snippet(text: str, spans: tuple[tuple[int, int], ...], width: int = 80
            ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most about `width` characters of `text` around its first span, spans moved to fit.

    Cut ends are marked with "…"; spans that fall outside the excerpt are dropped.
    """
    if len(text) <= width:
        return text, spans
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 4)
    while 0 < start < first and not text[start - 1].isspace():
        start -= 1  # begin on a word
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return prefix + text[start:end] + suffix, kept
