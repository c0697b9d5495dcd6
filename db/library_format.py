"""The whole-library JSON format (docs/library-format.md), declared once.

The importer validates records against these field lists and the exporter writes fields in
their order, so the two sides cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import models

FORMAT_NAME = "showshelf-library"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: type  # str, int or list (a list of strings)
    required: bool = False
    choices: tuple[str, ...] | None = None
    default: object = None


def _f(name: str, type_: type = str, required: bool = False,
       choices: tuple[str, ...] | None = None, default: object = None) -> FieldSpec:
    return FieldSpec(name, type_, required, choices, default)


SOURCES = _f("sources", list, default=())

RECORD_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "source": (
        _f("key", required=True), _f("title", required=True),
        _f("kind", choices=models.SOURCE_KINDS, default="article"), _f("outlet"), _f("url"),
    ),
    "person": (
        _f("key", required=True), _f("name", required=True), _f("sort_name"), _f("about"),
        SOURCES,
    ),
    "series": (
        _f("key", required=True), _f("title", required=True), _f("sort_title"),
        _f("kind", choices=models.SERIES_KINDS, default="series"),
        _f("first_aired"), _f("last_aired"), _f("seasons", int), _f("episodes", int),
        _f("status"), _f("country"), _f("language"), _f("network"), _f("setting"),
        _f("synopsis"), _f("based_on"), SOURCES,
    ),
    "claim": (_f("field", required=True), _f("value", required=True),
              _f("source", required=True)),
    "genre": (_f("name", required=True), SOURCES),
    "company": (_f("name", required=True),
                _f("role", required=True, choices=models.COMPANY_ROLES), SOURCES),
    "character": (_f("key", required=True), _f("name", required=True), _f("description"),
                  SOURCES),
    "credit": (_f("person", required=True), _f("role", required=True,
               choices=models.CREDIT_ROLES), _f("character"), SOURCES),
    "review": (
        _f("source"), _f("outlet"), _f("author"), _f("published"),
        _f("verdict", required=True, choices=models.VERDICTS),
        _f("praised"), _f("criticised"), _f("summary"), SOURCES,
    ),
    "award": (_f("name", required=True), _f("category"), _f("year", int),
              _f("result", required=True, choices=models.AWARD_RESULTS), _f("person"),
              SOURCES),
    "relation": (_f("kind", required=True, choices=models.RELATION_KINDS),
                 _f("title", required=True), _f("year", int), _f("detail"), SOURCES),
    "interview": (_f("person", required=True), _f("outlet"), _f("topic", required=True),
                  SOURCES),
    "note": (
        _f("id", required=True), _f("target", dict, required=True), _f("body", default=""),
        _f("rating", int), _f("status", choices=models.WATCH_STATUSES),
        _f("tags", list, default=()), _f("created", required=True),
        _f("updated", required=True),
        # "revisions": a list of "revision" records, validated like a series' children.
    ),
    "revision": (_f("body", required=True), _f("rating", int),
                 _f("status", choices=models.WATCH_STATUSES), _f("tags", list, default=()),
                 _f("saved", required=True)),
}

# The lists inside a series object: JSON key -> record kind, in export order.
SERIES_CHILDREN: tuple[tuple[str, str], ...] = (
    ("claims", "claim"),
    ("genres", "genre"),
    ("companies", "company"),
    ("characters", "character"),
    ("credits", "credit"),
    ("reviews", "review"),
    ("awards", "award"),
    ("relations", "relation"),
    ("interviews", "interview"),
)


def year_of(date_text: str | None) -> int | None:
    """The year of an ISO date or date prefix ("2018-02-23", "2018"), else None."""
    if date_text and len(date_text) >= 4 and date_text[:4].isdigit():
        return int(date_text[:4])
    return None
