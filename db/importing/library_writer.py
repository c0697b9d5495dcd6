"""Write a validated library document into the bound library, all in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db.database import write_transaction
from db.errors import ImportFileError
from db.library_format import RECORD_FIELDS, year_of
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
from db.notes import set_note_tags
from db.search.index import batch_reindexing

if TYPE_CHECKING:
    from db.importing.library_json import LibraryDocument

Record = dict[str, Any]


@dataclass(frozen=True)
class ImportSummary:
    sources: int
    people: int
    series: int
    notes_added: int
    notes_changed: int

    def describe(self) -> str:
        return (f"{self.series} series, {self.people} people, {self.sources} sources; "
                f"{self.notes_added} notes added, {self.notes_changed} changed")


def write_library(document: LibraryDocument, path: str = "<file>") -> ImportSummary:
    # One search-index update per series written, not one per credit, review or note.
    with write_transaction(), batch_reindexing():
        source_ids = {record["key"]: _upsert_by_key(Source, record) for record in
                      document.sources}
        source_ids.update({s.key: s.id for s in Source.select(Source.id, Source.key)})
        person_ids = {}
        for record in document.people:
            fields = _scalars("person", record)
            fields["sort_name"] = fields["sort_name"] or fields["name"]
            person_ids[record["key"]] = _upsert_by_key(Person, fields)
            _cite(source_ids, "person", person_ids[record["key"]], record)
        person_ids.update({p.key: p.id for p in Person.select(Person.id, Person.key)})
        for record in document.series:
            _write_series(record, source_ids, person_ids)
        _link_relations_in_library()
        added, changed = _write_notes(document.notes, path)
    return ImportSummary(len(document.sources), len(document.people), len(document.series),
                         added, changed)


def _scalars(kind: str, record: Record) -> Record:
    return {spec.name: record[spec.name] for spec in RECORD_FIELDS[kind]
            if spec.type is not list}


def _upsert_by_key(model: Any, fields: Record) -> int:
    fields = {name: value for name, value in fields.items() if name != "sources"}
    existing = model.get_or_none(model.key == fields["key"])
    if existing is None:
        return model.insert(**fields).execute()
    model.update(**fields).where(model.id == existing.id).execute()
    Citation.delete().where((Citation.subject == model._meta.table_name)
                            & (Citation.subject_id == existing.id)).execute()
    return existing.id


def _cite(source_ids: dict[str, int], subject: str, subject_id: int, record: Record) -> None:
    rows = [{"source": source_ids[key], "subject": subject, "subject_id": subject_id}
            for key in record.get("sources", [])]
    if rows:
        Citation.insert_many(rows).execute()


def _write_series(record: Record, source_ids: dict[str, int], person_ids: dict[str, int]
                  ) -> int:
    fields = _scalars("series", record)
    fields["sort_title"] = fields["sort_title"] or fields["title"]
    fields["year_start"] = year_of(fields["first_aired"])
    fields["year_end"] = year_of(fields["last_aired"])
    fields["genres_label"] = ", ".join(genre["name"] for genre in record["genres"])
    series_id = _upsert_by_key(Series, fields)
    _delete_series_children(series_id)
    _cite(source_ids, "series", series_id, record)
    for claim in record["claims"]:
        Citation.insert(source=source_ids[claim["source"]], subject="series",
                        subject_id=series_id, field=claim["field"],
                        value=claim["value"]).execute()

    for position, genre in enumerate(record["genres"]):
        link_id = SeriesGenre.insert(series=series_id, genre=_id_by_name(Genre, genre["name"]),
                                     position=position).execute()
        _cite(source_ids, "series_genre", link_id, genre)
    for position, company in enumerate(record["companies"]):
        link_id = SeriesCompany.insert(series=series_id, company=_id_by_name(Company,
                                       company["name"]), role=company["role"],
                                       position=position).execute()
        _cite(source_ids, "series_company", link_id, company)
    character_ids = _write_characters(series_id, record["characters"])
    for character in record["characters"]:
        _cite(source_ids, "character", character_ids[character["key"]], character)
    for billing, credit in enumerate(record["credits"]):
        credit_id = Credit.insert(
            series=series_id, person=person_ids[credit["person"]], role=credit["role"],
            character=character_ids.get(credit["character"]) if credit["character"] else None,
            billing=billing).execute()
        _cite(source_ids, "credit", credit_id, credit)
    for review in record["reviews"]:
        fields = _scalars("review", review)
        fields["source"] = source_ids[fields["source"]] if fields["source"] else None
        _cite(source_ids, "review", Review.insert(series=series_id, **fields).execute(), review)
    for award in record["awards"]:
        fields = _scalars("award", award)
        fields["person"] = person_ids[fields["person"]] if fields["person"] else None
        _cite(source_ids, "award", Award.insert(series=series_id, **fields).execute(), award)
    for relation in record["relations"]:
        relation_id = Relation.insert(series=series_id, **_scalars("relation", relation)).execute()
        _cite(source_ids, "relation", relation_id, relation)
    for interview in record["interviews"]:
        fields = _scalars("interview", interview)
        fields["person"] = person_ids[fields["person"]]
        _cite(source_ids, "interview", Interview.insert(series=series_id, **fields).execute(),
              interview)
    return series_id


# Child tables replaced wholesale when a series is imported again, with the citations of
# their rows (citations point at rows by table name, so they have no foreign key to cascade).
_SERIES_CHILD_MODELS: tuple[Any, ...] = (
    SeriesGenre, SeriesCompany, Credit, Review, Award, Relation, Interview, Character,
)


def _delete_series_children(series_id: int) -> None:
    for model in _SERIES_CHILD_MODELS:
        rows = model.select(model.id).where(model.series == series_id)
        Citation.delete().where((Citation.subject == model._meta.table_name)
                                & Citation.subject_id.in_(rows)).execute()
        if model is not Character:
            model.delete().where(model.series == series_id).execute()


def _write_characters(series_id: int, characters: list[Record]) -> dict[str, int]:
    """Upsert characters by key: their ids, and so the notes attached to them, survive."""
    ids = {c.key: c.id for c in Character.select(Character.id, Character.key)
           .where(Character.series == series_id)}
    for character in characters:
        fields = _scalars("character", character)
        if character["key"] in ids:
            Character.update(**fields).where(Character.id == ids[character["key"]]).execute()
        else:
            ids[character["key"]] = Character.insert(series=series_id, **fields).execute()
    # Characters the file no longer has go, unless the user wrote a note on them.
    wanted = [character["key"] for character in characters]
    Character.delete().where(
        (Character.series == series_id) & Character.key.not_in(wanted)
        & Character.id.not_in(Note.select(Note.character).where(Note.character.is_null(False)))
    ).execute()
    return ids


def _id_by_name(model: Any, name: str) -> int:
    existing = model.get_or_none(model.name == name)
    return existing.id if existing is not None else model.insert(name=name).execute()


def _link_relations_in_library() -> None:
    """Point relations at series of the same title that are in the library."""
    same_title = (Series.select(Series.id)
                  .where(Series.title.collate("NOCASE") == Relation.title)
                  .order_by(Series.id).limit(1))
    Relation.update(other_series=same_title).execute()


def _write_notes(notes: list[Record], path: str) -> tuple[int, int]:
    added = changed = 0
    for index, record in enumerate(notes):
        target = _resolve_note_target(record["target"], index, path)
        tags = sorted(set(record["tags"]), key=str.casefold)
        existing = Note.get_or_none(Note.uid == record["id"])
        state = {"body": record["body"], "rating": record["rating"], "status": record["status"]}
        if existing is None:
            clash = Note.get_or_none(**target)
            if clash is not None:
                raise ImportFileError(path, f"{_describe(record['target'])} already has "
                                      f"another note (id {clash.uid})",
                                      field=f"notes[{index}].id")
            note_id = Note.insert(uid=record["id"], created=record["created"],
                                  updated=record["updated"], **target, **state).execute()
            set_note_tags(note_id, tags)
            revisions = record["revisions"] or [state | {"tags": tags,
                                                         "saved": record["updated"]}]
            for revision in revisions:
                NoteRevision.insert(note=note_id, body=revision["body"],
                                    rating=revision["rating"], status=revision["status"],
                                    tags=", ".join(revision["tags"]),
                                    saved=revision["saved"]).execute()
            added += 1
            continue
        current_tags = sorted((t.name for t in Tag.select(Tag.name).join(NoteTag)
                               .where(NoteTag.note == existing.id)), key=str.casefold)
        old_state = {"body": existing.body, "rating": existing.rating, "status": existing.status}
        if old_state == state and current_tags == tags:
            continue
        Note.update(updated=record["updated"], **state).where(Note.id == existing.id).execute()
        set_note_tags(existing.id, tags)
        NoteRevision.insert(note=existing.id, tags=", ".join(tags), saved=record["updated"],
                            **state).execute()
        changed += 1
    return added, changed


def _resolve_note_target(target: Record, index: int, path: str) -> Record:
    kind, key = target["kind"], target["key"]
    row: Any = None
    if kind == "series":
        row = Series.get_or_none(Series.key == key)
    elif kind == "person":
        row = Person.get_or_none(Person.key == key)
    else:
        row = (Character.select().join(Series, on=Character.series == Series.id)
               .where((Character.key == key) & (Series.key == target["series"])).first())
    if row is None:
        raise ImportFileError(path, f"{_describe(target)} is not in the library or the file",
                              field=f"notes[{index}].target")
    return {kind: row.id}


def _describe(target: Record) -> str:
    if target["kind"] == "character":
        return f"character {target['key']!r} of series {target['series']!r}"
    return f"{target['kind']} {target['key']!r}"


