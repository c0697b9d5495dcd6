"""The search language over notes, for the My notes filter: a condition on one note's row.

The series list asks which series match; My notes asks which notes do, and a note is more
than its series. So each part of a search is asked of the note itself where it is about the
note, and of the note's series (a series note's own, a character note's series) where it is
about the series:

- `note:` and `tag:` look in this note's text and tags; `rating:` and `status:` are this
  note's; `has:note` holds for every note;
- bare words look in the note (its target's name, text and tags) and in its series;
- every other field (`cast:`, `genre:`, `year:`, `review:`, `verdict:`…) is the series'.

A note on a person belongs to no one series: series fields never hold for it, so
`rating:>=8` lists the people rated 8 or more and `-network:netflix` keeps every person note.
The rows are those of db.note_listing (aliases n, s, p, c, cs); SQL gets every value as a
parameter and the FTS5 expressions come from db.search.compiler.
"""

from __future__ import annotations

from db.search.compiler import _fts, _sql, boolean_sql
from db.search.index import INDEX_TABLE
from db.search.parser import MAX_TERMS, parse
from db.search.tree import Choice, Node, Range, SeriesStatus, Text

# The note's series: its own for a series note, the character's series for a character's.
NOTE_SERIES = "COALESCE(n.series_id, c.series_id)"
# The note's tags as one text, for `tag:` and bare words.
NOTE_TAGS = ("COALESCE((SELECT group_concat(t.name, ' ') FROM note_tag nt JOIN tag t "
             "ON t.id = nt.tag_id WHERE nt.note_id = n.id), '')")
# What a plain word is looked for in: the target's name, its series' title, text and tags.
# SQLite's lower() folds only ASCII letters, but runs in C: a Python function folding
# accents too made a filter over 10,000 notes take 0.6 s a keystroke.
NOTE_HAYSTACK = ("lower(COALESCE(s.title, p.name, c.name) || ' ' || "
                 f"COALESCE(cs.title, '') || ' ' || n.body || ' ' || {NOTE_TAGS})")
# A phrase's words asked of a note's text each on its own; only so many, so that no pasted
# text makes a condition deeper than SQLite accepts (1,000 levels).
MAX_WORDS_PER_TERM = 4


def note_condition(text: str) -> tuple[str, list[object]]:
    """SQL condition on a My notes row for search text, with its parameters ("1": all)."""
    tree = parse(text).tree
    return ("1", []) if tree is None else _condition(tree)


def plain_words_condition(words: list[str]) -> tuple[str, list[object]]:
    """Each word somewhere in the note (any case). Repeats count once, and only the first
    MAX_TERMS words count (as in a search): a long paste must not make SQLite refuse the
    condition as too deep."""
    # Lone surrogates (pasted broken text) cannot reach SQLite, which takes UTF-8 only.
    lowered = list(dict.fromkeys(word.lower().encode("utf-8", "replace").decode("utf-8")
                                 for word in words))[:MAX_TERMS]
    return _all_in(NOTE_HAYSTACK, lowered)


def _condition(node: Node) -> tuple[str, list[object]]:
    combined = boolean_sql(node, _condition)
    if combined is not None:
        return combined
    if isinstance(node, Text):
        if node.field == "note":
            return _words_in("lower(n.body)", node)
        if node.field == "tag":
            return _words_in(f"lower({NOTE_TAGS})", node)
        if node.field is None:
            own, own_params = _words_in(NOTE_HAYSTACK, node)
            series, series_params = _of_the_series(node)
            return f"({own} OR {series})", own_params + series_params
        return _of_the_series(node)
    if isinstance(node, Range) and node.field == "rating":
        bounds = [(">=", node.low), ("<=", node.high)]
        return ("(" + " AND ".join(f"n.rating {operator} ?" for operator, value in bounds
                                   if value is not None) + ")",
                [value for _, value in bounds if value is not None])
    if isinstance(node, Choice) and node.field == "status":
        return "n.status = ?", [node.value]
    if isinstance(node, Choice) and node.field == "has" and node.value == "note":
        return "1", []
    if isinstance(node, Range | Choice | SeriesStatus):
        return _of_the_series(node)
    raise TypeError(f"unknown search node {node!r}")


def _words_in(haystack: str, node: Text) -> tuple[str, list[object]]:
    """Every word of the node in the text (a phrase's words anywhere in it: notes are short
    and this errs towards showing a note rather than hiding it)."""
    return _all_in(haystack, list(node.words[:MAX_WORDS_PER_TERM]))


def _all_in(haystack: str, words: list[str]) -> tuple[str, list[object]]:
    """A condition: every one of `words` somewhere in `haystack` (an SQL expression)."""
    return "(" + " AND ".join(f"instr({haystack}, ?) > 0" for _ in words) + ")", list(words)


def _of_the_series(node: Node) -> tuple[str, list[object]]:
    """The node asked of the note's series; false for a person's note (no series)."""
    expression = _fts(node)
    if expression is not None:
        return (f"{NOTE_SERIES} IN (SELECT rowid FROM {INDEX_TABLE} "
                f"WHERE {INDEX_TABLE} MATCH ?)", [expression])
    sql, params = _sql(node)
    # Asked of the one series of each note: a note list is short, the series table is not.
    return f"EXISTS (SELECT 1 FROM series s WHERE s.id = {NOTE_SERIES} AND {sql})", params
