"""Notes as Markdown: a folder with one file per note (for a notes vault), or one file.

Each file of a folder export starts with YAML front matter (see docs/notes-format.md), then
the body exactly as written, then a generated line of [[wiki-links]] below a marker comment
that the importer cuts off again. The folder is built beside the destination (or, when that
cannot be renamed into place, a mount point or a folder whose parent is not ours, inside it),
flushed to disk in one go (db/exporting/folder_flush.py) and moved into place only when
complete.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from json.encoder import encode_basestring as quote  # type: ignore[attr-defined]
from pathlib import Path

from db.errors import ExportError
from db.exporting.folder_flush import folder_flush
from db.exporting.notes_common import (
    STATUS_WORDS,
    ExportedNote,
    FileNamer,
    Progress,
    exported_notes,
    stars,
)
from db.fileio import sync_directory, write_file_atomically
from db.note_listing import ALL_NOTES, NoteScope

LINKS_MARKER = "<!-- showshelf:links — generated on export; import ignores this line and below -->"
# Lists the files the last export wrote, so exporting again into the same folder can remove
# the files of notes that left the scope without touching anything else in that folder.
MANIFEST_NAME = ".showshelf-notes.json"
WRITER_THREADS = 4
# Files handed to a writer thread at once: one task per file costs more in queueing than the
# small file's write itself.
FILES_PER_TASK = 64
# Formatted files waiting for a writer at most: bounds memory whatever the export's size.
WRITES_IN_FLIGHT = 512


# --- one note ------------------------------------------------------------------------------

# What YAML readers refuse raw (C1 controls, surrogates, BOM, non-characters) or read as a
# line break and fold into a space (NEL, LS, PS), among what json's escaper leaves raw.
_YAML_UNPRINTABLE = re.compile(
    "[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def front_matter(note: ExportedNote) -> str:
    """The YAML front matter block, fields in a fixed order (docs/notes-format.md).

    Written out directly rather than through a YAML library (a tenth of the cost per note):
    strings are quoted with json's C escaper, then one pass over the whole block escapes what
    YAML refuses raw. That pass can only touch the quoted strings: the rest is plain ASCII.
    """
    row = note.row
    series = "" if row.series_title is None else f"series: {quote(row.series_title)}\n"
    tags = ", ".join(quote(tag) for tag in row.tags)
    block = (f"---\ntitle: {quote(row.title)}\nkind: {quote(row.target.kind)}\n{series}"
             f"year: {_yaml_int(row.year)}\nrating: {_yaml_int(row.rating)}\n"
             f"status: {'null' if row.status is None else quote(row.status)}\n"
             f"tags: [{tags}]\ncreated: {quote(row.created)}\nupdated: {quote(row.updated)}\n"
             f"showshelf_id: {quote(row.uid)}\n---\n")
    if _YAML_UNPRINTABLE.search(block) is None:
        return block
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", block)


def _yaml_int(value: int | None) -> str:
    return "null" if value is None else str(value)


def note_markdown(note: ExportedNote) -> str:
    body = note.row.body
    if body and not body.endswith("\n"):
        body += "\n"
    links = " · ".join(f"[[{name}]]" for name in note.mentions)
    return f"{front_matter(note)}{body}\n{LINKS_MARKER}\n{links}\n"


# --- a folder ------------------------------------------------------------------------------

def export_markdown_folder(folder: Path | str, scope: NoteScope = ALL_NOTES,
                           progress: Progress | None = None) -> int:
    """Write one .md file per note into `folder`; return how many were written."""
    folder = Path(folder)
    _check_folder_destination(folder)
    stage_in = staging_parent(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".staging",
                                        dir=stage_in))
        # mkdtemp makes it private (0700); a folder that becomes the export gets the
        # permissions any new folder of the user's would have.
        staging.chmod(0o777 & ~_umask())
    except OSError as error:
        raise ExportError(folder, f"cannot write in {stage_in}: {error.strerror}") \
            from error
    try:
        names, written = _write_files(staging, scope, progress, folder)
        _move_into_place(staging, folder, names, written)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(names)


def _check_folder_destination(folder: Path) -> None:
    if not folder.parent.is_dir():
        raise ExportError(folder, f"the folder {folder.parent} does not exist")
    if folder.exists() and not folder.is_dir():
        raise ExportError(folder, "a file with this name exists; give a folder")
    where = folder if folder.is_dir() else folder.parent
    if not os.access(where, os.W_OK):
        raise ExportError(folder, f"cannot write in {where} (permission denied)")


def staging_parent(folder: Path) -> Path:
    """Where to build the export: beside `folder`, so a new folder appears whole with one
    rename; inside an existing `folder` when a rename from beside it cannot work (a mount
    point, such as a USB stick's folder, is another filesystem than its parent) or its
    parent is not writable. Files then move in one by one, each whole."""
    if not folder.is_dir():
        return folder.parent
    try:
        beside = os.stat(folder).st_dev == os.stat(folder.parent).st_dev
    except OSError:
        beside = False
    return folder.parent if beside and os.access(folder.parent, os.W_OK) else folder


def _umask() -> int:
    """The process's umask, read without changing it (Linux 4.7+), else the usual 022."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _write_files(staging: Path, scope: NoteScope, progress: Progress | None,
                 destination: Path) -> tuple[list[str], set[str]]:
    """Stage the notes; return every file name and the names actually staged.

    Exporting again into a folder (a vault) stages only the files whose bytes differ from
    the ones already there: unchanged notes keep their file, modification time and all, so
    sync tools and editors watching the vault see only what changed.
    """
    namer = FileNamer()
    names: list[str] = []
    written: set[str] = set()
    flush = folder_flush()
    # Names are plain (FileNamer): string prefixes instead of an os.path.join per file.
    prefix = f"{staging}{os.sep}"
    existing = f"{destination}{os.sep}" if destination.is_dir() else None
    # Creating thousands of files is system-call bound and releases the GIL: a few writer
    # threads overlap it with formatting the next notes here.
    with ThreadPoolExecutor(max_workers=WRITER_THREADS) as writers:
        pending: list[Future[list[str]]] = []
        batch: list[tuple[str, bytes]] = []
        try:
            for note in exported_notes(scope, progress, destination=destination):
                name = namer.name_for(note.row)
                # The staging folder is renamed into place at the end, so plain writes
                # suffice here: nobody sees these files until they are all complete.
                batch.append((name, note_markdown(note).encode("utf-8")))
                names.append(name)
                if len(batch) >= FILES_PER_TASK:
                    pending.append(writers.submit(_write_new_files, prefix, batch,
                                                  flush.per_file, existing))
                    batch = []
                    if len(pending) * FILES_PER_TASK >= WRITES_IN_FLIGHT:
                        written.update(_collect(pending))
            if batch:
                pending.append(writers.submit(_write_new_files, prefix, batch, flush.per_file,
                                              existing))
            written.update(_collect(pending))
            manifest = json.dumps({"files": names}, ensure_ascii=False, indent=0)
            _write_new_files(prefix, [(MANIFEST_NAME, (manifest + "\n").encode("utf-8"))],
                             flush.per_file, None)
            flush.all_written(staging)
        except OSError as error:
            raise ExportError(destination, f"could not write the notes: {error.strerror}") \
                from error
        finally:
            for future in pending:
                future.cancel()
    return names, written


def _collect(pending: list[Future[list[str]]]) -> list[str]:
    """Wait for the queued writes, raising the first failure; the names they staged."""
    staged = [name for future in pending for name in future.result()]
    pending.clear()
    return staged


def _write_new_files(prefix: str, files: list[tuple[str, bytes]], sync_each: bool,
                     existing: str | None) -> list[str]:
    """Create each file `prefix + name` unless `existing + name` already holds its bytes;
    return the names created."""
    created: list[str] = []
    # Plain os calls: for thousands of small files, the io layer's buffering and checks cost
    # more than the writing itself.
    for name, data in files:
        if existing is not None and _holds(existing + name, data):
            continue
        handle = os.open(prefix + name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            view = memoryview(data)
            while view:  # a short write is rare for a regular file, but allowed
                view = view[os.write(handle, view):]
            if sync_each:
                os.fsync(handle)
        finally:
            os.close(handle)
        created.append(name)
    return created


def _holds(path: str, data: bytes) -> bool:
    """Is `path` a regular file with exactly these bytes?"""
    try:
        # stat before open: opening a FIFO someone left under that name would block.
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _move_into_place(staging: Path, folder: Path, names: list[str], written: set[str]
                     ) -> None:
    if staging.parent != folder:
        with suppress(FileNotFoundError, OSError):
            folder.rmdir()  # only when empty: a fresh destination gets the whole folder
    if not folder.exists():
        try:
            os.replace(staging, folder)
            sync_directory(folder.parent)  # the files are on disk already; now their name
        except OSError as error:
            raise ExportError(folder, f"could not create the folder: {error.strerror}") \
                from error
        return
    # Exporting again into a folder that holds other things too (a notes vault): each
    # changed file replaces its old version, then files of notes no longer exported go.
    previous = _manifest(folder)
    try:
        for name in names:
            if name in written:
                os.replace(staging / name, folder / name)
        for name in set(previous) - set(names):
            with suppress(FileNotFoundError):
                (folder / name).unlink()
        os.replace(staging / MANIFEST_NAME, folder / MANIFEST_NAME)
        sync_directory(folder)
    except OSError as error:
        raise ExportError(folder, f"could not move the notes into place: {error.strerror}") \
            from error


def _manifest(folder: Path) -> list[str]:
    try:
        files = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    # Only plain names inside the folder: a tampered manifest cannot delete elsewhere.
    return [name for name in files if isinstance(name, str) and name.endswith(".md")
            and Path(name).name == name]


# --- a single file -------------------------------------------------------------------------

def export_markdown_single(path: Path | str, scope: NoteScope = ALL_NOTES,
                           progress: Progress | None = None) -> int:
    """All notes in one Markdown file, a section per note; return how many."""
    parts = ["# My notes\n"]
    count = 0
    for note in exported_notes(scope, progress, destination=path):
        parts.append(_section(note))
        count += 1
    parts.insert(1, f"\n{count} notes exported from Showshelf.\n")
    write_file_atomically(path, "".join(parts).encode("utf-8"))
    return count


def _section(note: ExportedNote) -> str:
    row = note.row
    heading = row.label() + (f" ({row.year})" if row.year and not row.series_title else "")
    facts = [row.target.kind]
    if row.rating is not None:
        facts.append(f"{stars(row.rating)} ({row.rating}/10)")
    if row.status:
        facts.append(STATUS_WORDS.get(row.status, row.status))
    if row.tags:
        facts.append("tags: " + ", ".join(row.tags))
    facts.append(f"updated {row.updated[:10]}")
    body = row.body.rstrip("\n")
    links = " · ".join(f"[[{name}]]" for name in note.mentions)
    text = f"\n## {_one_line(heading)}\n\n*{_one_line(' · '.join(facts))}*\n\n"
    if body:
        text += body + "\n"
    if links:
        text += f"\nMentions: {links}\n"
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())
