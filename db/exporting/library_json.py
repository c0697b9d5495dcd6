"""Write the whole library in the documented JSON format (docs/library-format.md)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from db.fileio import write_file_atomically
from db.library_format import FORMAT_NAME, FORMAT_VERSION, RECORD_FIELDS, SERIES_CHILDREN
from db.models import (
    Award,
    Character,
    Citation,
    Company,
    Credit,
    Genre,
    Interview,
    Note,
    NoteRevision,
    NoteTag,
    Person,
    Relation,
    Review,
    Series,
    SeriesCompany,
    SeriesGenre,
    Source,
    Tag,
)

Record = dict[str, Any]


def export_library_json(path: Path | str) -> None:
    write_file_atomically(path, library_json_text().encode("utf-8"))


def library_json_text() -> str:
    """The library as canonical JSON text: same library, same bytes."""
    return json.dumps(library_document(), ensure_ascii=False, indent=2) + "\n"


def library_document() -> Record:
    citations = _Citations()
    source_keys = {s.id: s.key for s in Source.select(Source.id, Source.key)}
    person_keys = {p.id: p.key for p in Person.select(Person.id, Person.key)}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "sources": [_fields("source", s) for s in Source.select().order_by(Source.key)],
        "people": [
            _fields("person", p) | {"sources": citations.of("person", p.id)}
            for p in Person.select().order_by(Person.key)
        ],
        "series": [_series(s, citations, source_keys, person_keys)
                   for s in Series.select().order_by(Series.key)],
        "notes": _notes(),
    }


class _Citations:
    """Source keys per cited row, loaded in one query."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.claims: dict[int, list[Record]] = defaultdict(list)
        query = (Citation.select(Citation.subject, Citation.subject_id, Citation.field,
                                 Citation.value, Source.key)
                 .join(Source).order_by(Citation.id).tuples())
        for subject, subject_id, field, value, source_key in query:
            if field is None:
                self.records[(subject, subject_id)].append(source_key)
            else:
                self.claims[subject_id].append(
                    {"field": field, "value": value, "source": source_key})

    def of(self, subject: str, subject_id: int) -> list[str]:
        return self.records.get((subject, subject_id), [])


def _fields(kind: str, row: Any, **overrides: Any) -> Record:
    record = {}
    for spec in RECORD_FIELDS[kind]:
        if spec.name == "sources":
            continue
        record[spec.name] = overrides[spec.name] if spec.name in overrides else getattr(
            row, spec.name if spec.name not in ("person", "source") else f"{spec.name}_id")
    return record


def _series(series: Series, citations: _Citations, source_keys: dict[int, str],
            person_keys: dict[int, str]) -> Record:
    record = _fields("series", series) | {"sources": citations.of("series", series.id)}
    character_keys = {c.id: c.key for c in series.characters}

    def cited(subject: str, row: Any, kind: str, **overrides: Any) -> Record:
        return _fields(kind, row, **overrides) | {"sources": citations.of(subject, row.id)}

    children: dict[str, list[Record]] = {
        "claims": citations.claims.get(series.id, []),
        "genres": [
            cited("series_genre", link, "genre", name=link.genre.name)
            for link in SeriesGenre.select(SeriesGenre, Genre).join(Genre)
            .where(SeriesGenre.series == series.id).order_by(SeriesGenre.position)
        ],
        "companies": [
            cited("series_company", link, "company", name=link.company.name)
            for link in SeriesCompany.select(SeriesCompany, Company).join(Company)
            .where(SeriesCompany.series == series.id).order_by(SeriesCompany.position)
        ],
        "characters": [cited("character", c, "character")
                       for c in series.characters.order_by(Character.id)],
        "credits": [
            cited("credit", c, "credit", person=person_keys[c.person_id],
                  character=character_keys.get(c.character_id))
            for c in series.credits.order_by(Credit.billing, Credit.id)
        ],
        "reviews": [
            cited("review", r, "review", source=source_keys.get(r.source_id))
            for r in series.reviews.order_by(Review.id)
        ],
        "awards": [
            cited("award", a, "award", person=person_keys.get(a.person_id))
            for a in series.awards.order_by(Award.id)
        ],
        "relations": [cited("relation", r, "relation")
                      for r in series.relations.order_by(Relation.id)],
        "interviews": [
            cited("interview", i, "interview", person=person_keys[i.person_id])
            for i in series.interviews.order_by(Interview.id)
        ],
    }
    for name, _ in SERIES_CHILDREN:
        record[name] = children[name]
    return record


def _notes() -> list[Record]:
    tags: dict[int, list[str]] = defaultdict(list)
    for note_id, name in (NoteTag.select(NoteTag.note, Tag.name).join(Tag)
                          .order_by(Tag.name).tuples()):
        tags[note_id].append(name)
    revisions: dict[int, list[Record]] = defaultdict(list)
    for revision in NoteRevision.select().order_by(NoteRevision.id):
        revisions[revision.note_id].append({
            "body": revision.body, "rating": revision.rating, "status": revision.status,
            "tags": [t for t in revision.tags.split(", ") if t], "saved": revision.saved,
        })
    notes = []
    for note in Note.select().order_by(Note.uid):
        notes.append({
            "id": note.uid, "target": _note_target(note), "body": note.body,
            "rating": note.rating, "status": note.status,
            "tags": sorted(tags.get(note.id, []), key=str.casefold),
            "created": note.created, "updated": note.updated,
            "revisions": revisions.get(note.id, []),
        })
    return notes


def _note_target(note: Note) -> Record:
    if note.series_id is not None:
        return {"kind": "series", "key": note.series.key}
    if note.person_id is not None:
        return {"kind": "person", "key": note.person.key}
    character = note.character
    return {"kind": "character", "key": character.key, "series": character.series.key}
