"""Why a series matched: which words of a search appear where, as spans the UI can paint."""

from __future__ import annotations

from dataclasses import dataclass

from db.search.text import WITHOUT_JOINERS, WordSpan, fold, joined_spans, word_spans
from db.search.tree import TEXT_FIELDS, And, Node, Not, Or, Text


@dataclass(frozen=True)
class Term:
    """Words that matched together (one word or a phrase), as the index saw them; `prefix` when
    the last may be the start of a longer word."""

    words: tuple[str, ...]
    prefix: bool
    columns: tuple[str, ...] | None  # index columns it may match in; None for any


def positive_terms(tree: Node | None) -> list[Term]:
    """The words a result matched because of (words under a negation are left out)."""
    terms: list[Term] = []

    def visit(node: Node) -> None:
        if isinstance(node, Text):
            columns = TEXT_FIELDS[node.field] if node.field else None
            terms.append(Term(node.words, node.prefix, columns))
        elif isinstance(node, And | Or):
            for child in node.children:
                visit(child)
        # Not: what is excluded did not make anything match.

    if tree is not None and not isinstance(tree, Not):
        visit(tree)
    return terms


def _matches(span: WordSpan, word: str, prefix: bool) -> bool:
    return span.word == word or (prefix and span.word.startswith(word))


def _term_spans(term: Term, plain: list[WordSpan], joined: list[WordSpan]
                ) -> list[tuple[int, int]]:
    *leading, last = term.words
    if not leading:
        return [(span.start, span.end) for span in (*plain, *joined)
                if _matches(span, last, term.prefix)]
    # A phrase: its words one after the other (whatever punctuation lies between, as in FTS5).
    found = []
    size = len(term.words)
    for index in range(len(plain) - size + 1):
        run = plain[index:index + size]
        if all(span.word == word for span, word in zip(run, leading, strict=False)) \
                and _matches(run[-1], last, term.prefix):
            found.append((run[0].start, run[-1].end))
    return found


def spans_in(text: str, terms: list[Term] | tuple[Term, ...], column: str | None = None
             ) -> tuple[tuple[int, int], ...]:
    """(start, end) of every stretch of `text` a term matches, in order, without overlaps.

    `column` names the index column the text belongs to, so `cast:king` does not light up
    "King" in a title; None matches every term.
    """
    wanted = [term for term in terms
              if column is None or term.columns is None or column in term.columns]
    if not wanted or not text:
        return ()
    # Most cells hold none of the words: rule them out by substring before splitting the text
    # into words (the list paints dozens of cells per keystroke). Folding the whole text folds
    # each of its words in place, so no match is ruled out.
    lowered = fold(text)
    joined_text = lowered.translate(WITHOUT_JOINERS)
    return marked_spans(text, [term for term in wanted
                               if all(word in lowered or word in joined_text
                                      for word in term.words)])


def marked_spans(text: str, terms: list[Term]) -> tuple[tuple[int, int], ...]:
    """spans_in without its column filter and its quick rejection of texts."""
    if not terms:
        return ()
    plain, joined = word_spans(text), joined_spans(text)
    found = sorted({span for term in terms for span in _term_spans(term, plain, joined)})
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
