"""Read back a Markdown folder exported earlier, perhaps edited in another editor.

Files are matched to notes by `showshelf_id` in their front matter, never by name or title.
The whole folder is read and validated first; then, in one transaction, each changed file
becomes a new revision of its note (the old text stays in history) and unchanged files change
nothing. Files without an id, or with an id no note has, are reported and left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from db.database import write_transaction
from db.errors import ImportFileError
from db.exporting.notes_markdown import LINKS_MARKER
from db.models import WATCH_STATUSES
from db.notes import NoteError, NoteState, clean_state, load_note_by_uid, save_note

_STATUS_ALIASES = {"plan to watch": "plan", "plan-to-watch": "plan"}
# A notes file is text a person writes; anything this large is not one of ours.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ParsedNoteFile:
    path: Path
    uid: str | None  # None: no Showshelf front matter
    state: NoteState


@dataclass(frozen=True)
class NotesImportSummary:
    changed: tuple[str, ...]  # file names whose note got a new revision
    unchanged: int
    unmatched: tuple[tuple[str, str], ...]  # (file name, why)

    def describe(self) -> str:
        text = f"{len(self.changed)} notes updated, {self.unchanged} unchanged"
        if self.unmatched:
            text += f", {len(self.unmatched)} files matched no note"
        return text


def import_markdown_folder(folder: Path | str) -> NotesImportSummary:
    """Validate every .md file in `folder`, then apply the changed ones in one transaction."""
    folder = Path(folder)
    parsed = read_markdown_folder(folder)
    changed: list[str] = []
    unchanged = 0
    unmatched: list[tuple[str, str]] = []
    with write_transaction():
        for item in parsed:
            if item.uid is None:
                unmatched.append((item.path.name, "no showshelf_id in its front matter"))
                continue
            note = load_note_by_uid(item.uid)
            if note is None:
                unmatched.append((item.path.name, f"no note has the id {item.uid}"))
                continue
            if _same(note.state, item.state):
                unchanged += 1
                continue
            save_note(note.target, item.state)
            changed.append(item.path.name)
    return NotesImportSummary(tuple(changed), unchanged, tuple(unmatched))


def _same(stored: NoteState, incoming: NoteState) -> bool:
    """Equal but for line endings and trailing blank space, which editors change freely."""
    return (_normal(stored.body) == _normal(incoming.body) and stored.rating == incoming.rating
            and stored.status == incoming.status and stored.tags == incoming.tags)


def _normal(body: str) -> str:
    # Reading a file turns a lone CR into a line end too (universal newlines), so a note
    # holding one would otherwise come back "changed" from a file nobody touched.
    return body.replace("\r\n", "\n").replace("\r", "\n").rstrip()


def read_markdown_folder(folder: Path) -> list[ParsedNoteFile]:
    if not folder.is_dir():
        raise ImportFileError(folder, "not a folder of Markdown notes")
    parsed = [parse_note_file(path) for path in sorted(folder.glob("*.md"))]
    owners: dict[str, Path] = {}
    for item in parsed:
        if item.uid is None:
            continue
        if item.uid in owners:
            raise ImportFileError(item.path, f"has the same showshelf_id as "
                                  f"{owners[item.uid].name}; keep one of the two",
                                  line=_id_line(item.path), field="showshelf_id")
        owners[item.uid] = item.path
    return parsed


def parse_note_file(path: Path) -> ParsedNoteFile:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFileError(path, "too large to be a note")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(path, "not UTF-8 text") from error
    except OSError as error:
        raise ImportFileError(path, f"cannot read the file: {error.strerror}") from error
    text = text.replace("\r\n", "\n")
    fields, body = _split_front_matter(path, text)
    if fields is None or "showshelf_id" not in fields:
        return ParsedNoteFile(path, None, NoteState(body))
    uid = fields.get("showshelf_id")
    if not isinstance(uid, str) or not uid.strip():
        raise ImportFileError(path, "showshelf_id must be the note's id text",
                              line=_id_line(path), field="showshelf_id")
    state = NoteState(_cut_links(body), _rating(path, fields.get("rating")),
                      _status(path, fields.get("status")), _tags(path, fields.get("tags")))
    try:
        state = clean_state(state)
    except NoteError as error:
        raise ImportFileError(path, str(error), field="tags") from error
    return ParsedNoteFile(path, uid.strip(), state)


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, Any] | None, str]:
    if not text.startswith("---\n"):
        return None, text
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        raise ImportFileError(path, "front matter starts with --- but never ends", line=1)
    try:
        fields = yaml.safe_load("\n".join(lines[1:index])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ImportFileError(path, f"front matter: {problem}", line=line) from error
    if not isinstance(fields, dict):
        raise ImportFileError(path, "front matter must be 'name: value' lines", line=2)
    return fields, "\n".join(lines[index + 1:])


def _cut_links(body: str) -> str:
    """The body without the generated links block (the last marker and what follows)."""
    position = body.rfind("\n" + LINKS_MARKER)
    if position >= 0:
        body = body[:position]
    elif body.startswith(LINKS_MARKER):
        body = ""
    return body.rstrip()


def _rating(path: Path, value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise ImportFileError(path, f"rating {value!r}: use a whole number 1–10",
                              field="rating")
    return int(value)


def _status(path: Path, value: object) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip().casefold()
    text = _STATUS_ALIASES.get(text, text)
    if text not in WATCH_STATUSES:
        raise ImportFileError(path, f"status {value!r}: use one of "
                              f"{', '.join(WATCH_STATUSES)}", field="status")
    return text


def _tags(path: Path, value: object) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(","))
    if isinstance(value, list) and all(isinstance(item, (str, int, float, datetime))
                                       for item in value):
        return tuple(str(item) for item in value)
    raise ImportFileError(path, "tags must be a list of names", field="tags")


def _id_line(path: Path) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if line.startswith("showshelf_id:"):
                return number
    except (OSError, UnicodeDecodeError):
        return None
    return None
