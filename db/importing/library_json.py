"""Read a whole-library JSON file: validate everything first, then write in one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.errors import ImportFileError
from db.importing.library_writer import ImportSummary, write_library
from db.library_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    RECORD_FIELDS,
    SERIES_CHILDREN,
)
from db.models import NOTE_TARGET_KINDS

Record = dict[str, Any]


@dataclass
class LibraryDocument:
    """A validated library file: plain dicts with every optional field filled in."""

    sources: list[Record] = field(default_factory=list)
    people: list[Record] = field(default_factory=list)
    series: list[Record] = field(default_factory=list)
    notes: list[Record] = field(default_factory=list)


def import_library_file(path: Path | str) -> ImportSummary:
    """Validate `path` completely, then merge it into the bound library in one transaction."""
    document = read_library_file(path)
    return write_library(document, str(path))


def read_library_file(path: Path | str) -> LibraryDocument:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise ImportFileError(path, "no such file") from error
    except IsADirectoryError as error:
        raise ImportFileError(path, "this is a folder, not a library JSON file") from error
    except OSError as error:
        raise ImportFileError(path, f"cannot read the file: {error.strerror}") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(path, "the file is not UTF-8 text", line=line) from error
    return parse_library_text(text, path)


def parse_library_text(text: str, path: Path | str = "<text>") -> LibraryDocument:
    try:
        data = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as error:
        raise ImportFileError(path, f"not valid JSON: {error.msg}", line=error.lineno,
                              column=error.colno) from error
    except _DuplicateKey as error:
        raise ImportFileError(path, f"the key {error.args[0]!r} appears twice in one object",
                              line=_line_of(text, f'"{error.args[0]}"')) from error
    return _Validator(path, text).document(data)


class _DuplicateKey(ValueError):
    pass


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return None if index < 0 else text.count("\n", 0, index) + 1


class _Validator:
    def __init__(self, path: Path | str, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, where: str, problem: str, hint: str | None = None) -> ImportFileError:
        # JSON parsers do not keep positions; a distinctive value still finds its line.
        line = _line_of(self.text, json.dumps(hint, ensure_ascii=False)) if hint else None
        return ImportFileError(self.path, problem, field=where, line=line)

    def document(self, data: Any) -> LibraryDocument:
        if not isinstance(data, dict):
            raise self.fail("(top level)", "expected a JSON object")
        if data.get("format") != FORMAT_NAME:
            raise self.fail("format", f"expected \"{FORMAT_NAME}\" (is this a Showshelf "
                                      "library file?)")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise self.fail("version", "expected a whole number")
        if version > FORMAT_VERSION:
            raise self.fail("version", f"written by a newer Showshelf (format {version}; "
                                       f"this version reads up to {FORMAT_VERSION})")
        unknown = set(data) - {"format", "version", "sources", "people", "series", "notes"}
        if unknown:
            raise self.fail(sorted(unknown)[0], "unknown top-level field")

        document = LibraryDocument(
            sources=self.records(data, "sources", "source", "(top level)"),
            people=self.records(data, "people", "person", "(top level)"),
            series=self.records(data, "series", "series", "(top level)"),
            notes=self.records(data, "notes", "note", "(top level)"),
        )
        self.unique(document.sources, "sources", "key")
        self.unique(document.people, "people", "key")
        self.unique(document.series, "series", "key")
        self.unique(document.notes, "notes", "id")
        self.check_references(document)
        return document

    def records(self, parent: Record, name: str, kind: str, where: str) -> list[Record]:
        items = parent.get(name, [])
        path = name if where == "(top level)" else f"{where}.{name}"
        if not isinstance(items, list):
            raise self.fail(path, "expected a list")
        return [self.record(item, kind, f"{path}[{index}]") for index, item in enumerate(items)]

    def record(self, item: Any, kind: str, where: str) -> Record:
        if not isinstance(item, dict):
            raise self.fail(where, "expected an object")
        specs = RECORD_FIELDS[kind]
        allowed = {spec.name for spec in specs}
        if kind == "series":
            allowed |= {name for name, _ in SERIES_CHILDREN}
        elif kind == "note":
            allowed.add("revisions")
        for name in item:
            if name not in allowed:
                raise self.fail(f"{where}.{name}", f"unknown field for a {kind}")
        clean: Record = {}
        for spec in specs:
            value = item.get(spec.name)
            at = f"{where}.{spec.name}"
            if value is None:
                if spec.required:
                    raise self.fail(at, "this field is required")
                value = list(spec.default) if spec.type is list else spec.default
            elif spec.type is int:
                if not isinstance(value, int) or isinstance(value, bool):
                    raise self.fail(at, f"expected a whole number, found {value!r}")
            elif spec.type is list:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise self.fail(at, "expected a list of strings")
                value = list(value)
            elif spec.type is dict:
                if not isinstance(value, dict):
                    raise self.fail(at, "expected an object")
            elif not isinstance(value, str):
                raise self.fail(at, f"expected text, found {type(value).__name__}")
            if spec.choices and value is not None and value not in spec.choices:
                raise self.fail(at, f"{value!r} is not one of: {', '.join(spec.choices)}",
                                hint=value)
            clean[spec.name] = value
        if kind == "series":
            for name, child_kind in SERIES_CHILDREN:
                clean[name] = self.records(item, name, child_kind, where)
            self.unique(clean["characters"], f"{where}.characters", "key")
        if kind == "note":
            clean["revisions"] = self.records(item, "revisions", "revision", where)
            self.note_target(clean["target"], f"{where}.target")
            rating = clean["rating"]
            if rating is not None and not 1 <= rating <= 10:
                raise self.fail(f"{where}.rating", "a rating runs from 1 to 10 (half-stars)")
        return clean

    def note_target(self, target: Record, where: str) -> None:
        kind = target.get("kind")
        if kind not in NOTE_TARGET_KINDS:
            raise self.fail(f"{where}.kind", f"expected one of: {', '.join(NOTE_TARGET_KINDS)}")
        expected = {"kind", "key"} | ({"series"} if kind == "character" else set())
        if set(target) != expected or not all(isinstance(v, str) for v in target.values()):
            raise self.fail(where, f"a {kind} target has exactly the text fields "
                                   f"{', '.join(sorted(expected))}")

    def unique(self, records: list[Record], where: str, key: str) -> None:
        seen: set[str] = set()
        for index, record in enumerate(records):
            value = record[key]
            if value in seen:
                raise self.fail(f"{where}[{index}].{key}", f"{value!r} appears twice",
                                hint=value)
            seen.add(value)

    def check_references(self, document: LibraryDocument) -> None:
        sources = {record["key"] for record in document.sources}
        people = {record["key"] for record in document.people}

        def cited(records: Iterable[Record], where: str) -> None:
            for index, record in enumerate(records):
                for key in record.get("sources", []):
                    if key not in sources:
                        raise self.fail(f"{where}[{index}].sources",
                                        f"unknown source key {key!r}", hint=key)
                for name in ("source",):
                    key = record.get(name)
                    if key is not None and key not in sources:
                        raise self.fail(f"{where}[{index}].{name}",
                                        f"unknown source key {key!r}", hint=key)
                person = record.get("person")
                if person is not None and person not in people:
                    raise self.fail(f"{where}[{index}].person",
                                    f"unknown person key {person!r}", hint=person)

        cited(document.people, "people")
        cited(document.series, "series")
        for index, series in enumerate(document.series):
            where = f"series[{index}]"
            characters = {record["key"] for record in series["characters"]}
            for name, _ in SERIES_CHILDREN:
                cited(series[name], f"{where}.{name}")
            for credit_index, credit in enumerate(series["credits"]):
                character = credit["character"]
                if character is not None and character not in characters:
                    raise self.fail(f"{where}.credits[{credit_index}].character",
                                    f"unknown character key {character!r} in this series",
                                    hint=character)
        self.check_note_targets(document)

    def check_note_targets(self, document: LibraryDocument) -> None:
        # Targets may also name records already in the library; the writer resolves those and
        # reports the ones that exist nowhere. Here we only check the file's own consistency.
        series_keys = {record["key"] for record in document.series}
        for index, note in enumerate(document.notes):
            target = note["target"]
            if target["kind"] == "character" and target["series"] in series_keys:
                series = next(s for s in document.series if s["key"] == target["series"])
                if target["key"] not in {c["key"] for c in series["characters"]}:
                    raise self.fail(f"notes[{index}].target.key",
                                    f"unknown character {target['key']!r}", hint=target["key"])
