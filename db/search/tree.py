"""The parsed form of a search: a small tree the compiler turns into SQL."""

from __future__ import annotations

from dataclasses import dataclass

# Index columns each text field searches; None (a bare word) searches them all.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "cast": ("cast",),
    "character": ("character",),
    "creator": ("creator",),
    "person": ("cast", "creator", "crew"),
    "genre": ("genre",),
    "network": ("network",),
    "review": ("review",),
    "note": ("note",),
    "tag": ("tag",),
}
NUMBER_FIELDS = ("year", "rating")
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "verdict": ("positive", "mixed", "negative"),
    "status": ("plan", "watching", "watched", "dropped"),
    "has": ("note", "review", "award"),
}
FIELDS: tuple[str, ...] = (*TEXT_FIELDS, *NUMBER_FIELDS, *CHOICE_FIELDS)


@dataclass(frozen=True)
class Text:
    """Words that must appear together (one word, or a phrase) in some of the index columns."""

    words: tuple[str, ...]
    field: str | None = None  # a key of TEXT_FIELDS, None for anywhere
    prefix: bool = False  # the last word may be the start of a longer one (it is being typed)


@dataclass(frozen=True)
class Range:
    """A number field (year, my rating) between two bounds, both inclusive, either open."""

    field: str
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Choice:
    """A field with a fixed set of values: verdict, status, has."""

    field: str
    value: str


@dataclass(frozen=True)
class SeriesStatus:
    """status: with a value that is not a watch status: the series' own status ("ended")."""

    value: str


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Text | Range | Choice | SeriesStatus | Not | And | Or
