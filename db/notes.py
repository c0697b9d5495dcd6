"""The write side of personal notes: save (with a revision), load, list, history and tags.

A note belongs to exactly one target: a series, a person or a character. Every save that
changes something is one IMMEDIATE transaction that updates the note, its tags and adds a
revision row, so the newest revision always equals the note and a killed process leaves the
note at its previous or its new state. The search index follows through the triggers of the
search migration, inside the same transaction.

Ratings are integers 1–10: ten half-stars (9 = four and a half stars); None means unrated.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from peewee import fn

from db.database import write_transaction
from db.errors import ShowshelfError
from db.models import (
    NOTE_TARGET_KINDS,
    WATCH_STATUSES,
    Character,
    Note,
    NoteRevision,
    NoteTag,
    Person,
    Series,
    Tag,
    database_proxy,
)

RATING_MIN, RATING_MAX = 1, 10
# Tags are stored in revisions joined by ", ", so a comma cannot be part of a tag's name.
TAG_SEPARATOR = ", "
# A tag is a short label; longer text belongs in the body (and keeps completion lists usable).
TAG_MAX_LENGTH = 60
# How many candidates an ambiguous or unknown title lists in its error message.
CANDIDATES_SHOWN = 8


class NoteError(ShowshelfError):
    """A note cannot be saved or found as asked; the message says why in words."""


@dataclass(frozen=True)
class NoteTarget:
    """What a note is about: ("series" | "person" | "character", row id)."""

    kind: str
    id: int

    def __post_init__(self) -> None:
        if self.kind not in NOTE_TARGET_KINDS:
            raise ValueError(f"unknown note target kind {self.kind!r}")


@dataclass(frozen=True)
class NoteState:
    """The user-editable part of a note; what a save writes and a revision keeps."""

    body: str = ""
    rating: int | None = None
    status: str | None = None
    tags: tuple[str, ...] = ()

    def is_blank(self) -> bool:
        return not self.body.strip() and self.rating is None and self.status is None \
            and not self.tags


@dataclass(frozen=True)
class NoteRecord:
    id: int
    uid: str
    target: NoteTarget
    state: NoteState
    created: str
    updated: str


@dataclass(frozen=True)
class SaveResult:
    note: NoteRecord | None  # None: nothing to save and no note exists
    changed: bool


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    state: NoteState
    saved: str


@dataclass(frozen=True)
class TargetInfo:
    """How a target is named to the user: "Latrice Butler" in "Seven Seconds" (2018)."""

    target: NoteTarget
    title: str
    series_title: str | None  # a character's series
    year: int | None

    def label(self) -> str:
        text = self.title
        if self.series_title:
            text += f" ({self.series_title})"
        elif self.year is not None:
            text += f" ({self.year})"
        return text


def now_text() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- validation ---------------------------------------------------------------------------

def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated (ignoring case), sorted tag names; raises NoteError on bad ones."""
    seen: dict[str, str] = {}
    for raw in tags:
        name = " ".join(raw.split())
        if not name:
            continue
        if "," in name:
            raise NoteError(f"tag {name!r}: a tag cannot contain a comma")
        if len(name) > TAG_MAX_LENGTH:
            raise NoteError(f"tag {name[:20]!r}…: a tag is at most {TAG_MAX_LENGTH} characters")
        seen.setdefault(name.casefold(), name)
    return tuple(sorted(seen.values(), key=str.casefold))


def clean_state(state: NoteState) -> NoteState:
    if state.rating is not None and not RATING_MIN <= state.rating <= RATING_MAX:
        raise NoteError(f"rating {state.rating}: use {RATING_MIN}–{RATING_MAX} "
                        "(half-stars: 9 is four and a half stars)")
    if state.status is not None and state.status not in WATCH_STATUSES:
        raise NoteError(f"status {state.status!r}: use one of {', '.join(WATCH_STATUSES)}")
    return replace(state, tags=clean_tags(state.tags))


# --- reading ------------------------------------------------------------------------------

def _target_where(target: NoteTarget) -> Any:
    return getattr(Note, target.kind) == target.id


def _target_of(note: Note) -> NoteTarget:
    if note.series_id is not None:
        return NoteTarget("series", note.series_id)
    if note.person_id is not None:
        return NoteTarget("person", note.person_id)
    return NoteTarget("character", note.character_id)


def note_tags(note_id: int) -> tuple[str, ...]:
    names = (Tag.select(Tag.name).join(NoteTag).where(NoteTag.note == note_id).tuples())
    return tuple(sorted((name for (name,) in names), key=str.casefold))


def _record(note: Note) -> NoteRecord:
    state = NoteState(note.body, note.rating, note.status, note_tags(note.id))
    return NoteRecord(note.id, note.uid, _target_of(note), state, note.created, note.updated)


# The note columns of each target kind (NoteTarget.kind is one of these, nothing else).
_TARGET_COLUMNS = {"series": "series_id", "person": "person_id", "character": "character_id"}


def load_note(target: NoteTarget) -> NoteRecord | None:
    """The note on `target`, or None when the user has not written one."""
    # Asked on every move through the list, and most series have no note: this plain lookup
    # answers that case in a few µs where building the model query costs most of a ms.
    column = _TARGET_COLUMNS[target.kind]
    if database_proxy.execute_sql(f"SELECT 1 FROM note WHERE {column} = ? LIMIT 1",
                                  [target.id]).fetchone() is None:
        return None
    note = Note.get_or_none(_target_where(target))
    return None if note is None else _record(note)


def load_note_by_uid(uid: str) -> NoteRecord | None:
    note = Note.get_or_none(Note.uid == uid)
    return None if note is None else _record(note)


def note_revisions(note_id: int, *, limit: int = 500, offset: int = 0) -> list[RevisionInfo]:
    """Saved states of a note, newest first (a page of them: autosave makes many)."""
    query = (NoteRevision.select().where(NoteRevision.note == note_id)
             .order_by(NoteRevision.id.desc()).limit(limit).offset(offset))
    return [RevisionInfo(r.id, NoteState(r.body, r.rating, r.status, split_tags(r.tags)),
                         r.saved) for r in query]


@dataclass(frozen=True)
class RevisionSummary:
    """A revision without its text: what a history list shows (bodies load on demand)."""

    id: int
    saved: str
    rating: int | None
    status: str | None
    characters: int


def revision_summaries(note_id: int, *, limit: int = 500, offset: int = 0
                       ) -> list[RevisionSummary]:
    """Revisions of a note, newest first, without their bodies (a 100 KB note saved
    hundreds of times would otherwise load tens of megabytes to draw a list)."""
    query = (NoteRevision.select(NoteRevision.id, NoteRevision.saved, NoteRevision.rating,
                                 NoteRevision.status, fn.length(NoteRevision.body).coerce(False))
             .where(NoteRevision.note == note_id).order_by(NoteRevision.id.desc())
             .limit(limit).offset(offset).tuples())
    return [RevisionSummary(*row) for row in query]


def revision_state(revision_id: int) -> NoteState | None:
    row = NoteRevision.get_or_none(NoteRevision.id == revision_id)
    if row is None:
        return None
    return NoteState(row.body, row.rating, row.status, split_tags(row.tags))


def revision_count(note_id: int) -> int:
    return NoteRevision.select().where(NoteRevision.note == note_id).count()


def split_tags(joined: str) -> tuple[str, ...]:
    return tuple(name for name in joined.split(TAG_SEPARATOR) if name)


def tag_names(prefix: str = "", limit: int = 200) -> list[str]:
    """Existing tag names starting with `prefix` (any case), for completion."""
    query = Tag.select(Tag.name).order_by(Tag.name).limit(limit)
    if prefix:
        query = query.where(_starts_with(Tag.name, prefix))
    return [name for (name,) in query.tuples()]


def target_info(target: NoteTarget) -> TargetInfo:
    """Title and context of a target; raises NoteError when it is not in the library."""
    if target.kind == "series":  # on every move through the list: a plain query
        row = database_proxy.execute_sql("SELECT title, year_start FROM series WHERE id = ?",
                                         [target.id]).fetchone()
        if row is not None:
            return TargetInfo(target, row[0], None, row[1])
    elif target.kind == "person":
        person = Person.get_or_none(Person.id == target.id)
        if person is not None:
            return TargetInfo(target, person.name, None, None)
    else:
        row = (Character.select(Character.name, Series.title, Series.year_start)
               .join(Series).where(Character.id == target.id).tuples().first())
        if row is not None:
            return TargetInfo(target, row[0], row[1], row[2])
    raise NoteError(f"{target.kind} #{target.id} is not in the library")


def character_series_id(character_id: int) -> int | None:
    """The series a character belongs to (to open its page), or None if it is gone."""
    row = Character.select(Character.series).where(Character.id == character_id).tuples()
    found = row.first()
    return found[0] if found else None


# --- writing ------------------------------------------------------------------------------

def save_note(target: NoteTarget, state: NoteState, *, saved: str | None = None) -> SaveResult:
    """Write `state` as the note on `target`, with a revision, in one transaction.

    Nothing is written when the state equals the stored note, or when there is no note yet
    and the state is blank (opening and leaving an empty editor creates nothing).
    """
    state = clean_state(state)
    with write_transaction():
        note = Note.get_or_none(_target_where(target))
        if note is None:
            if state.is_blank():
                return SaveResult(None, False)
            target_info(target)  # a clear error instead of a foreign-key failure
            stamp = saved or now_text()
            note_id = Note.insert(uid=uuid.uuid4().hex, created=stamp, updated=stamp,
                                  body=state.body, rating=state.rating, status=state.status,
                                  **{target.kind: target.id}).execute()
        else:
            current = NoteState(note.body, note.rating, note.status, note_tags(note.id))
            if current == state:
                return SaveResult(_record(note), False)
            stamp = saved or now_text()
            note_id = note.id
            Note.update(body=state.body, rating=state.rating, status=state.status,
                        updated=stamp).where(Note.id == note_id).execute()
        set_note_tags(note_id, list(state.tags))
        NoteRevision.insert(note=note_id, body=state.body, rating=state.rating,
                            status=state.status, tags=TAG_SEPARATOR.join(state.tags),
                            saved=stamp).execute()
        return SaveResult(_record(Note.get_by_id(note_id)), True)


def restore_revision(note_id: int, revision_id: int) -> SaveResult:
    """Make an earlier revision the current note again (as a new revision; history stays)."""
    revision = NoteRevision.get_or_none((NoteRevision.id == revision_id)
                                        & (NoteRevision.note == note_id))
    note = Note.get_or_none(Note.id == note_id)
    if revision is None or note is None:
        raise NoteError(f"note #{note_id} has no revision #{revision_id}")
    state = NoteState(revision.body, revision.rating, revision.status,
                      split_tags(revision.tags))
    return save_note(_target_of(note), state)


def set_note_tags(note_id: int, tags: list[str]) -> None:
    """Replace a note's tags by `tags` (names, any case; existing tags keep their spelling)."""
    NoteTag.delete().where(NoteTag.note == note_id).execute()
    for name in tags:
        existing = Tag.get_or_none(Tag.name == name)  # the column compares without case
        tag_id = existing.id if existing is not None else Tag.insert(name=name).execute()
        NoteTag.insert(note=note_id, tag=tag_id).on_conflict_ignore().execute()


# --- finding a target by its title (the command line) -------------------------------------

def resolve_target(title: str) -> NoteTarget:
    """The one series, person or character called `title` (any case).

    "Title (2018)" picks a series by year and "Character (Series title)" a character by its
    series; "series:", "person:" or "character:" in front keeps to that kind, and after one
    of them "#12" is the thing with that id (for namesakes nothing else tells apart). Raises
    NoteError when the title is unknown, or ambiguous: then the message gives, for each
    candidate, the words that pick it.
    """
    wanted = " ".join(title.split())
    kind, name = _kind_prefix(wanted)
    if not name:
        raise NoteError("give the title of a series, or the name of a person or character")
    if kind is not None and name.startswith("#") and name[1:].isdigit():
        return target_info(NoteTarget(kind, int(name[1:]))).target
    candidates = [info for info in _exact_candidates(name)
                  if kind is None or info.target.kind == kind]
    if not candidates:
        candidates = [info for info in _qualified_candidates(name)
                      if kind is None or info.target.kind == kind]
    if len(candidates) == 1:
        return candidates[0].target
    if candidates:
        picks = ", ".join(f"{info.target.kind} {_picking_words(info, candidates)!r}"
                          for info in candidates[:CANDIDATES_SHOWN])
        more = " and more" if len(candidates) > CANDIDATES_SHOWN else ""
        raise NoteError(f"{wanted!r} is ambiguous; name the one you mean: {picks}{more}")
    similar = _similar_titles(name)
    hint = f"; did you mean {', '.join(repr(s) for s in similar)}?" if similar else ""
    what = f"no {kind} is called" if kind else "no series, person or character is called"
    raise NoteError(f"{what} {name!r}{hint}")


TARGET_KINDS = ("series", "person", "character")


def _kind_prefix(wanted: str) -> tuple[str | None, str]:
    """("person", "KJ Harper") from "person:KJ Harper"; (None, text) without a kind."""
    head, colon, rest = wanted.partition(":")
    if colon and head.strip().casefold() in TARGET_KINDS:
        return head.strip().casefold(), rest.strip()
    return None, wanted


def _picking_words(info: TargetInfo, candidates: list[TargetInfo]) -> str:
    """What to type to pick `info` among `candidates`: its label when no other candidate
    has that label too ("Title (2018)", "Character (Series)"), "person:Name" for the one
    person among them, else the kind and id ("person:#12")."""
    same_kind = [other for other in candidates if other.target.kind == info.target.kind]
    if info.target.kind == "person":
        if len(same_kind) == 1:
            return f"person:{info.title}"
    elif info.label() != info.title \
            and sum(other.label().casefold() == info.label().casefold()
                    for other in same_kind) == 1:
        return info.label()
    return f"{info.target.kind}:#{info.target.id}"


def _exact_candidates(name: str) -> list[TargetInfo]:
    found = [TargetInfo(NoteTarget("series", i), t, None, y) for i, t, y in
             Series.select(Series.id, Series.title, Series.year_start)
             .where(Series.title.collate("NOCASE") == name).order_by(Series.year_start)
             .limit(CANDIDATES_SHOWN + 1).tuples()]
    found += [TargetInfo(NoteTarget("person", i), n, None, None) for i, n in
              Person.select(Person.id, Person.name)
              .where(Person.name.collate("NOCASE") == name).limit(CANDIDATES_SHOWN + 1)
              .tuples()]
    found += [TargetInfo(NoteTarget("character", i), n, t, y) for i, n, t, y in
              Character.select(Character.id, Character.name, Series.title, Series.year_start)
              .join(Series).where(Character.name.collate("NOCASE") == name)
              .limit(CANDIDATES_SHOWN + 1).tuples()]
    return found


def _qualified_candidates(wanted: str) -> list[TargetInfo]:
    """ "Title (2018)" and "Character (Series)" forms."""
    if not wanted.endswith(")") or " (" not in wanted:
        return []
    name, _, qualifier = wanted[:-1].rpartition(" (")
    if qualifier.isdigit():
        return [info for info in _exact_candidates(name)
                if info.target.kind == "series" and info.year == int(qualifier)]
    return [info for info in _exact_candidates(name) if info.target.kind == "character"
            and (info.series_title or "").casefold() == qualifier.casefold()]


def _similar_titles(wanted: str) -> list[str]:
    stem = wanted[:3]
    titles = [t for (t,) in Series.select(Series.title).where(_starts_with(Series.title, stem))
              .order_by(Series.sort_title).limit(3).tuples()]
    titles += [n for (n,) in Person.select(Person.name).where(_starts_with(Person.name, stem))
               .order_by(Person.sort_name).limit(3).tuples()]
    return titles[:4]


def _starts_with(column: Any, prefix: str) -> Any:
    """Case-insensitive prefix test without LIKE, whose % and _ the user could type."""
    return fn.lower(fn.substr(column, 1, len(prefix))) == prefix.lower()
