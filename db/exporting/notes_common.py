"""What every notes export shares: the note stream with mentions, progress and cancel, names.

Exports read the notes in batches (`db.note_listing.iter_scope`), call `progress(done, total)`
as they go (returning False cancels) and write nothing at the destination until the whole
output is ready, so a failed or cancelled export leaves no partial output.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from db.errors import ExportError
from db.models import database_proxy
from db.note_listing import MAX_IN_PARAMETERS, NoteRow, NoteScope, count_scope, iter_scope

# progress(done, total) -> keep going?  Called from the exporting thread.
Progress = Callable[[int, int], bool]
# Calling back for every note would cost more than writing it; this many notes between calls
# keeps cancel prompt (well under a tenth of a second) at any export size.
PROGRESS_EVERY = 50

STATUS_WORDS = {"plan": "plan to watch", "watching": "watching", "watched": "watched",
                "dropped": "dropped"}


class ExportCancelled(ExportError):
    """The user cancelled; nothing was written at the destination."""


@dataclass(frozen=True)
class ExportedNote:
    """A note ready to write: its row (target, body, tags…) and the names it links to."""

    row: NoteRow
    mentions: tuple[str, ...]


def stars(rating: int | None) -> str:
    """Ten half-stars as text: 7 → "★★★½"."""
    if rating is None:
        return ""
    return "★" * (rating // 2) + ("½" if rating % 2 else "")


def five_star_rating(rating: int | None) -> str:
    """The 1–10 rating as stars out of five, the way Letterboxd counts: 7 → "3.5"."""
    return "" if rating is None else f"{rating / 2:g}"


def exported_notes(scope: NoteScope, progress: Progress | None = None,
                   *, destination: Path | str = "") -> Iterator[ExportedNote]:
    """The notes in `scope` with their mentions; raises ExportCancelled when told to stop."""
    total = count_scope(scope)
    done = 0
    if progress is not None and not progress(0, total):
        raise ExportCancelled(destination, "export cancelled; nothing was written")
    for batch in iter_scope(scope):
        mentions = _mentions(batch)
        for row in batch:
            yield ExportedNote(row, mentions.get(row.id, ()))
            done += 1
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == total) \
                    and not progress(done, total):
                raise ExportCancelled(destination, "export cancelled; nothing was written")


# --- mentions ------------------------------------------------------------------------------

def _in_chunks(sql: str, ids: list[int]) -> list[tuple]:
    rows: list[tuple] = []
    for start in range(0, len(ids), MAX_IN_PARAMETERS):
        chunk = ids[start:start + MAX_IN_PARAMETERS]
        rows += database_proxy.execute_sql(
            sql.format(ids=", ".join("?" * len(chunk))), chunk).fetchall()
    return rows


def _mentions(batch: list[NoteRow]) -> dict[int, tuple[str, ...]]:
    """Per note, the people and series connected to its target that its body names.

    A character's note always links its series and the people who play it. Candidates are
    the target's own circle (a series' credits, a person's series), so a batch needs four
    queries however large the library is.
    """
    character_series = dict(_in_chunks(
        "SELECT id, series_id FROM character WHERE id IN ({ids})",
        [r.target.id for r in batch if r.target.kind == "character"]))
    person_series: dict[int, list[int]] = defaultdict(list)
    for person_id, series_id in _in_chunks(
            "SELECT DISTINCT person_id, series_id FROM credit WHERE person_id IN ({ids})",
            [r.target.id for r in batch if r.target.kind == "person"]):
        person_series[person_id].append(series_id)
    series_ids = {r.target.id for r in batch if r.target.kind == "series"}
    series_ids |= set(character_series.values())
    titles = dict(_in_chunks("SELECT id, title FROM series WHERE id IN ({ids})",
                             sorted(series_ids | {s for v in person_series.values()
                                                  for s in v})))
    # Names are casefolded once per batch, not once per note that might mention them.
    cast: dict[int, list[tuple[str, str]]] = defaultdict(list)
    players: dict[int, list[str]] = defaultdict(list)
    for series_id, character_id, name in _in_chunks(
            "SELECT c.series_id, c.character_id, p.name FROM credit c JOIN person p "
            "ON p.id = c.person_id WHERE c.series_id IN ({ids}) ORDER BY c.billing",
            sorted(series_ids)):
        cast[series_id].append((name, name.casefold()))
        if character_id is not None:
            players[character_id].append(name)
    folded_titles = {series_id: (title, title.casefold()) for series_id, title in titles.items()}

    found: dict[int, tuple[str, ...]] = {}
    for row in batch:
        always: list[str] = []
        candidates: list[tuple[str, str]] = []
        kind = row.target.kind
        if kind == "series":
            candidates = cast[row.target.id]
        elif kind == "character":
            series_id = character_series.get(row.target.id)
            always = [titles.get(series_id, ""), *players[row.target.id]]
            candidates = cast.get(series_id, []) if series_id is not None else []
        else:
            candidates = [folded_titles[s] for s in person_series[row.target.id]
                          if s in folded_titles]
        body = row.body.casefold()
        names = [name for name in always if name]
        names += [name for name, folded in candidates if _names(body, folded)]
        own = row.title.casefold()
        unique = dict.fromkeys(wiki_name(n) for n in names if n.casefold() != own)
        found[row.id] = tuple(name for name in unique if name)
    return found


def _names(body: str, wanted: str) -> bool:
    """Does `body` contain `wanted` (both casefolded) as whole words?"""
    start = body.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        before = body[start - 1] if start else " "
        after = body[end] if end < len(body) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = body.find(wanted, start + 1)
    return False


# --- file names ----------------------------------------------------------------------------

# Characters that break a file name on some system or a wiki-link in a notes app
# (# | ^ [ ] start headings, aliases, blocks and links in Obsidian-style vaults).
_UNSAFE = re.compile(r'[#|^:\[\]/\\<>*?"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]')
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}
# File names stay well under the 255-byte limit of common file systems, leaving room for a
# disambiguating suffix and ".md".
MAX_NAME_BYTES = 150


# The same cast names and titles come back note after note in a big export.
@lru_cache(maxsize=16_384)
def wiki_name(text: str) -> str:
    """A title made safe for a file name and a [[wiki-link]]: same title, same name."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub(lambda m: " -" if m.group() == ":" else "-", text)
    text = " ".join(text.split()).strip(" .-") or "Untitled"
    if text.split(".")[0].casefold() in _WINDOWS_RESERVED:
        text = f"{text} (title)"
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    return text.rstrip(" .")


def note_file_stem(row: NoteRow) -> str:
    """The file name (without .md) a note gets before collisions are settled."""
    if row.target.kind == "character" and row.series_title:
        return wiki_name(f"{row.title} ({row.series_title})")
    return wiki_name(row.title)


class FileNamer:
    """Unique names within one export; the first note to claim a name keeps it plain.

    Notes come in a fixed order (title, then id: older notes first), so the same library
    gives the same names, and a note's name only changes if its title does.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def name_for(self, row: NoteRow) -> str:
        stem = note_file_stem(row)
        candidate = stem
        if candidate.casefold() in self._used:  # case-insensitive file systems collide too
            candidate = f"{stem} ({row.uid[:8]})"
        if candidate.casefold() in self._used:
            candidate = f"{stem} ({row.uid})"
        self._used.add(candidate.casefold())
        return f"{candidate}.md"
