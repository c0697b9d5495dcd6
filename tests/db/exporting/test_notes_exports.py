"""Every notes export parsed back by a standard reader (db/exporting/notes_*.py)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from db.database import close_library
from db.errors import ExportError
from db.exporting.notes_common import ExportCancelled, FileNamer, wiki_name
from db.exporting.notes_formats import export_notes
from db.exporting.notes_markdown import LINKS_MARKER, MANIFEST_NAME
from db.models import Person, Series
from db.note_listing import NoteScope
from db.notes import NoteState, NoteTarget, save_note
from tests.db.notes_helpers import CHARACTER_BODY, TRICKY_BODY, make_notes_library


@pytest.fixture
def library(tmp_path: Path, mini_library_file: Path) -> Iterator[Path]:
    yield make_notes_library(tmp_path, mini_library_file)
    close_library()


def _front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def test_markdown_folder_has_front_matter_body_and_wiki_links(library: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "vault"
    assert export_notes("md", out) == 3
    files = sorted(p.name for p in out.glob("*.md"))
    assert files == ["Ann Actor.md", "Test Show.md", "The Hero (Test Show).md"]
    fields, body = _front_matter((out / "Ann Actor.md").read_text(encoding="utf-8"))
    assert fields["title"] == "Ann Actor" and fields["kind"] == "person"
    assert fields["rating"] == 10 and fields["status"] == "watching"
    assert fields["tags"] == ["=sum", "a b"]
    assert len(fields["showshelf_id"]) == 32 and fields["created"] and fields["updated"]
    assert body.startswith(TRICKY_BODY + "\n")
    show, _ = _front_matter((out / "Test Show.md").read_text(encoding="utf-8"))
    assert show["year"] == 2019 and show["tags"] == ["crime"]
    hero = (out / "The Hero (Test Show).md").read_text(encoding="utf-8")
    fields, body = _front_matter(hero)
    assert fields["series"] == "Test Show"
    assert body.startswith(CHARACTER_BODY)
    assert hero.endswith(f"{LINKS_MARKER}\n[[Test Show]] · [[Ann Actor]]\n")
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


def test_file_names_are_safe_unique_and_stable(library: Path, tmp_path: Path) -> None:
    assert wiki_name('A/B: "C" #1 [x] | y ^ z\\w?') == "A-B - -C- -1 -x- - y - z-w"
    assert wiki_name("CON") == "CON (title)"
    assert wiki_name("  ...  ") == "Untitled"
    assert len(wiki_name("é" * 400).encode()) <= 150
    for n, title in enumerate(["Same: Title", "Same - Title", "same - title"]):
        series = Series.insert(key=f"s{n}", title=title, sort_title=title).execute()
        save_note(NoteTarget("series", series), NoteState(f"note {n}"))
    first = tmp_path / "one"
    second = tmp_path / "two"
    export_notes("md", first)
    export_notes("md", second)
    names = sorted(p.name for p in first.glob("*.md"))
    assert names == sorted(p.name for p in second.glob("*.md"))
    same = [n for n in names if n.casefold().startswith("same - title")]
    assert len(same) == 3 and len({n.casefold() for n in same}) == 3
    assert "Same - Title.md" in same  # the oldest note keeps the plain name
    assert not any(ch in "".join(names) for ch in '#|^:[]\\/')


def test_front_matter_survives_any_title(library: Path, tmp_path: Path) -> None:
    title = 'Odd "title"\\ with\x85NEL\u2028LS\x7f\ufeff\t😀 and: colon'
    series = Series.insert(key="odd", title=title, sort_title="odd").execute()
    save_note(NoteTarget("series", series), NoteState("x", tags=("é", "a'b")))
    export_notes("md", tmp_path / "odd")
    (page,) = [p for p in (tmp_path / "odd").glob("Odd*.md")]
    fields, _ = _front_matter(page.read_text(encoding="utf-8"))
    assert fields["title"] == title and fields["tags"] == ["a'b", "é"]


def test_file_namer_is_case_insensitive() -> None:
    from db.note_listing import NoteRow

    def row(uid: str, title: str) -> NoteRow:
        return NoteRow(1, uid, NoteTarget("series", 1), title, None, None, "k", None, None,
                       None, "", "")

    namer = FileNamer()
    assert namer.name_for(row("a" * 32, "Show")) == "Show.md"
    assert namer.name_for(row("b" * 32, "SHOW")) == f"SHOW ({'b' * 8}).md"


def test_exporting_again_into_a_vault_keeps_other_files(library: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    export_notes("md", vault)
    (vault / "my own page.md").write_text("mine", encoding="utf-8")
    ann = Person.get(Person.key == "ann-actor").id
    export_notes("md", vault, NoteScope(targets=(NoteTarget("person", ann),)))
    assert sorted(p.name for p in vault.glob("*.md")) == ["Ann Actor.md", "my own page.md"]
    assert json.loads((vault / MANIFEST_NAME).read_text())["files"] == ["Ann Actor.md"]


def test_single_markdown(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    assert export_notes("md-single", out) == 3
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# My notes\n\n3 notes exported")
    assert "## Test Show (2019)" in text and "## The Hero (Test Show)" in text
    assert "★★★★ (8/10) · watched · tags: crime" in text


def test_csv_parses_and_neutralises_formulas(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.csv"
    export_notes("csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Title", "Year", "Rating", "Status", "Tags", "Updated", "Note"]
    by_title = {row[0]: row for row in rows[1:]}
    ann = by_title["Ann Actor"]
    assert ann[2] == "5" and ann[3] == "watching"
    assert ann[4] == "'=sum, a b"  # a tag can start a formula too
    assert ann[6] == "'" + TRICKY_BODY  # commas, quotes, newlines survive; '=' neutralised
    assert by_title["Test Show"][1:4] == ["2019", "4", "watched"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_json_matches_the_documented_shape(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.json"
    export_notes("json", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "showshelf-notes" and document["version"] == 1
    keys = {"id", "target", "title", "series_title", "year", "body", "rating", "status",
            "tags", "created", "updated", "mentions"}
    for note in document["notes"]:
        assert set(note) == keys
        assert note["target"]["kind"] in ("series", "person", "character")
    hero = next(n for n in document["notes"] if n["target"]["kind"] == "character")
    assert hero["target"] == {"kind": "character", "key": "hero", "series": "test-show"}
    assert hero["mentions"] == ["Test Show", "Ann Actor"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_escaped_and_self_contained(library: Path, tmp_path: Path) -> None:
    ann = Person.get(Person.key == "ann-actor").id
    save_note(NoteTarget("person", ann), NoteState("<script>alert(1)</script><img src=x>"))
    out = tmp_path / "notes.html"
    export_notes("html", out)
    parser = _Collector()
    parser.feed(out.read_text(encoding="utf-8"))
    assert "script" not in parser.tags and "img" not in parser.tags
    assert parser.tags.count("article") == 3
    assert "<script>alert(1)</script><img src=x>" in "".join(parser.text)
    assert "://" not in out.read_text(encoding="utf-8").split("<body>")[0]


@pytest.mark.parametrize("format_name", ["md", "md-single", "json", "csv", "html"])
def test_cancel_leaves_nothing(library: Path, tmp_path: Path, format_name: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportCancelled):
        export_notes(format_name, out, progress=lambda done, total: done < 1)
    left = {p.name for p in tmp_path.iterdir()}
    assert left <= {"mini.json", "notes.sqlite", "notes.sqlite-wal", "notes.sqlite-shm"}


@pytest.mark.parametrize("format_name", ["md", "json"])
def test_missing_or_unwritable_destination_is_explained(library: Path, tmp_path: Path,
                                                        format_name: str) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_notes(format_name, tmp_path / "no" / "such" / "place")
    with pytest.raises(ExportError, match="does not exist"):
        export_notes(format_name, tmp_path / "notes.sqlite" / "inside-a-file")
    if os.geteuid() == 0:
        return  # root writes anywhere: permissions cannot be tested
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportError, match=r"cannot write|permission"):
            export_notes(format_name, locked / "out")
    finally:
        locked.chmod(0o700)


def test_query_scope(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "some.json"
    assert export_notes("json", out, NoteScope(query="test")) == 2
