"""Search text parsed and compiled once, to be asked for pages, counts and highlights."""

from __future__ import annotations

from dataclasses import dataclass

from db.search.compiler import CompiledQuery, compile_tree
from db.search.highlight import Term, positive_terms
from db.search.parser import parse
from db.search.tree import Node


@dataclass(frozen=True)
class PreparedSearch:
    """Search text parsed and compiled once, ready to be asked for pages and counts."""

    text: str
    tree: Node | None
    compiled: CompiledQuery
    hints: tuple[str, ...]
    terms: tuple[Term, ...]

    @property
    def is_empty(self) -> bool:
        return self.tree is None


def prepare(text: str) -> PreparedSearch:
    parsed = parse(text)
    return PreparedSearch(text, parsed.tree, compile_tree(parsed.tree), tuple(parsed.hints),
                          tuple(positive_terms(parsed.tree)))
