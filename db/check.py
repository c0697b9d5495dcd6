"""`showshelf check`: SQLite's integrity check plus our own consistency rules."""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase, fn

from db.database import integrity_check
from db.library_format import year_of
from db.models import (
    Award,
    Character,
    Citation,
    Credit,
    Interview,
    Note,
    NoteRevision,
    Relation,
    Review,
    Series,
    SeriesCompany,
    SeriesGenre,
)
from db.search.index import index_problems

# Tables a citation may point at, by the name it stores.
_CITABLE = {model._meta.table_name: model for model in (
    Series, Character, Credit, Review, Award, Relation, Interview, SeriesGenre, SeriesCompany)}


def check_library(database: SqliteDatabase) -> list[str]:
    """Every problem found, in words; an empty list means the library is sound."""
    problems = [f"SQLite integrity: {row}" for row in integrity_check(database)]
    if problems:
        return problems  # our own checks read the tables; on a damaged file they may mislead
    for check in CONSISTENCY_CHECKS:
        problems.extend(check(database))
    return problems


def _foreign_keys(database: SqliteDatabase) -> list[str]:
    rows = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    return [f"{table} row {rowid} points at a missing {parent} row" for table, rowid, parent, _
            in rows]


def _dangling_citations(database: SqliteDatabase) -> list[str]:
    from db.models import Person

    problems = []
    tables = dict(_CITABLE, person=Person)
    for subject, count in (Citation.select(Citation.subject, fn.COUNT(Citation.id))
                           .group_by(Citation.subject).tuples()):
        model = tables.get(subject)
        if model is None:
            problems.append(f"{count} citations name an unknown table {subject!r}")
            continue
        missing = (Citation.select().where((Citation.subject == subject)
                   & Citation.subject_id.not_in(model.select(model.id))).count())
        if missing:
            problems.append(f"{missing} citations point at missing {subject} rows")
    return problems


def _series_derived_fields(database: SqliteDatabase) -> list[str]:
    from db.models import Genre

    problems = []
    labels: dict[int, list[str]] = {}
    for series_id, name in (SeriesGenre.select(SeriesGenre.series, Genre.name).join(Genre)
                            .order_by(SeriesGenre.series, SeriesGenre.position).tuples()):
        labels.setdefault(series_id, []).append(name)
    for series_id, title, first, year, label in Series.select(
            Series.id, Series.title, Series.first_aired, Series.year_start,
            Series.genres_label).tuples().iterator():
        if year_of(first) != year:
            problems.append(f"series {title!r}: year {year} does not match first aired {first}")
        if ", ".join(labels.get(series_id, [])) != label:
            problems.append(f"series {title!r}: genre label {label!r} is out of date")
    return problems


def _notes_have_current_revision(database: SqliteDatabase) -> list[str]:
    latest = (NoteRevision.select(NoteRevision.note, NoteRevision.body,
                                  NoteRevision.id.alias("rid"))
              .order_by(NoteRevision.note, NoteRevision.id.desc()))
    newest: dict[int, str] = {}
    for revision in latest.iterator():
        newest.setdefault(revision.note_id, revision.body)
    problems = []
    for note_id, uid, body in Note.select(Note.id, Note.uid, Note.body).tuples().iterator():
        if note_id not in newest:
            problems.append(f"note {uid} has no saved revision")
        elif newest[note_id] != body:
            problems.append(f"note {uid}: its newest revision differs from its text")
    return problems


def _characters_belong_to_their_series(database: SqliteDatabase) -> list[str]:
    wrong = (Credit.select().join(Character, on=Credit.character == Character.id)
             .where(Character.series != Credit.series).count())
    return [f"{wrong} credits name a character of another series"] if wrong else []


CONSISTENCY_CHECKS: list[Callable[[SqliteDatabase], list[str]]] = [
    _foreign_keys,
    _dangling_citations,
    _series_derived_fields,
    _notes_have_current_revision,
    _characters_belong_to_their_series,
    index_problems,  # the search index matches the tables it is built from
]
