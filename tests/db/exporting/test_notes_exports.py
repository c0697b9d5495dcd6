"""Every notes export parsed back by a standard reader (db/exporting/notes_*.py)."""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from db.database import close_library
from db.errors import ExportError
from db.exporting.notes_common import ExportCancelled, FileNamer, wiki_name
from db.exporting.notes_formats import export_notes
from db.exporting.notes_markdown import LINKS_MARKER, MANIFEST_NAME, staging_parent
from db.models import Person, Series
from db.note_listing import NoteScope
from db.notes import NoteState, NoteTarget, save_note
from tests.db.notes_helpers import CHARACTER_BODY, TRICKY_BODY, make_notes_library
from tests.private_mount import run_on_tmpfs


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


@pytest.mark.parametrize("format_name", ["md", "md-single", "json", "csv", "html"])
def test_cancel_after_every_note_was_written_leaves_nothing(library: Path, tmp_path: Path,
                                                            format_name: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportCancelled):  # the last progress call: all files are staged
        export_notes(format_name, out, progress=lambda done, total: done < total)
    left = {p.name for p in tmp_path.iterdir()}
    assert left <= {"mini.json", "notes.sqlite", "notes.sqlite-wal", "notes.sqlite-shm"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_cancelled_export_into_a_vault_leaves_it_as_it_was(library: Path,
                                                           tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    export_notes("md", vault)
    (vault / "my own page.md").write_text("mine", encoding="utf-8")
    before = _tree(vault)
    save_note(NoteTarget("person", Person.get(Person.key == "ann-actor").id),
              NoteState("rewritten"))
    with pytest.raises(ExportCancelled):
        export_notes("md", vault, progress=lambda done, total: done < total)
    assert _tree(vault) == before
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


@contextmanager
def _unwritable(folder: Path) -> Iterator[None]:
    """`folder` refuses new entries, even to root (who ignores permission bits): there the
    immutable attribute does it, where chattr works."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("running as root without chattr +i: cannot make a folder unwritable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.parametrize("format_name", ["md", "md-single", "json", "csv", "html"])
def test_missing_or_unwritable_destination_is_explained(library: Path, tmp_path: Path,
                                                        format_name: str) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_notes(format_name, tmp_path / "no" / "such" / "place")
    with pytest.raises(ExportError, match="does not exist"):
        export_notes(format_name, tmp_path / "notes.sqlite" / "inside-a-file")
    locked = tmp_path / "locked"
    locked.mkdir()
    with _unwritable(locked), pytest.raises(ExportError, match=r"cannot write|permi"):
        export_notes(format_name, locked / "out")
    assert list(locked.iterdir()) == []


def test_unwritable_vault_is_explained_and_left_alone(library: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    export_notes("md", vault)
    before = _tree(vault)
    save_note(NoteTarget("person", Person.get(Person.key == "ann-actor").id),
              NoteState("rewritten"))
    with _unwritable(vault), pytest.raises(ExportError, match=r"cannot write in .*vault"):
        export_notes("md", vault)
    assert _tree(vault) == before
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


def test_a_folder_whose_parent_is_not_writable_is_exported_inside(library: Path,
                                                                    tmp_path: Path) -> None:
    """A folder of one's own under a folder one cannot write (a USB stick's folder under
    /media, a shared vault): the export is built inside it and moved in file by file."""
    shared = tmp_path / "shared"
    vault = shared / "vault"
    vault.mkdir(parents=True)
    (vault / "my own page.md").write_text("mine", encoding="utf-8")
    with _unwritable(shared):
        assert export_notes("md", vault) == 3
        export_notes("md", vault)  # and again: only the changed files would move
    names = sorted(p.name for p in vault.iterdir())
    assert names == sorted(["my own page.md", MANIFEST_NAME,
                            *json.loads((vault / MANIFEST_NAME).read_text())["files"]])
    assert (vault / "my own page.md").read_text(encoding="utf-8") == "mine"


def test_a_mount_point_is_staged_inside_itself(tmp_path: Path) -> None:
    """A mount point is another filesystem than its parent: nothing renames across that."""
    mount_point = next((Path(p) for p in ("/dev/shm", "/run", "/proc") if os.path.ismount(p)),
                       None)
    if mount_point is None:
        pytest.skip("no mount point to look at")
    assert staging_parent(mount_point) == mount_point
    assert staging_parent(tmp_path / "new") == tmp_path
    (tmp_path / "existing").mkdir()
    assert staging_parent(tmp_path / "existing") == tmp_path


def test_export_into_a_real_mount_point(library: Path, tmp_path: Path) -> None:
    """The whole export into a freshly mounted filesystem (a USB stick, say), in a private
    mount namespace so nothing outside the test sees the mount."""
    mount_point = tmp_path / "stick"
    mount_point.mkdir()
    completed = run_on_tmpfs(mount_point, (
        f"'{sys.executable}' -c \"import sys; from db.database import open_library; "
        f"from db.exporting.notes_formats import export_notes; "
        f"open_library(sys.argv[1]); print(export_notes('md', sys.argv[2])); "
        f"import os; print(sorted(os.listdir(sys.argv[2])))\" '{library}' '{mount_point}'"),
        timeout=60)
    assert completed.returncode == 0, completed.stderr
    count, listing = completed.stdout.splitlines()
    assert count == "3"
    assert MANIFEST_NAME in listing and "staging" not in listing


def test_a_new_export_folder_gets_the_usual_permissions(library: Path,
                                                         tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        export_notes("md", tmp_path / "fresh")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "fresh").stat().st_mode) == 0o755


def test_query_scope(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "some.json"
    assert export_notes("json", out, NoteScope(query="test")) == 2


def test_csv_neutralises_every_formula_start(library: Path, tmp_path: Path) -> None:
    starts = {"+plus": "-minus body", "@at": "\ttab body", "-dash": "\rreturn body"}
    for n, (title, body) in enumerate(starts.items()):
        series = Series.insert(key=f"f{n}", title=title, sort_title=title).execute()
        save_note(NoteTarget("series", series), NoteState(body, tags=("+tag",)))
    out = tmp_path / "notes.csv"
    export_notes("csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = {row[0]: row for row in csv.reader(handle)}
    for title, body in starts.items():
        assert rows["'" + title][6] == "'" + body
        assert rows["'" + title][4] == "'+tag"


def _documented_json_example() -> dict:
    """The JSON example of docs/notes-format.md, its // comments removed."""
    text = (Path(__file__).resolve().parents[3] / "docs" / "notes-format.md").read_text(
        encoding="utf-8")
    block = text.split("```jsonc\n", 1)[1].split("\n```", 1)[0]
    lines = [line.split(" //", 1)[0] for line in block.splitlines()
             if not line.lstrip().startswith("//")]
    return json.loads("\n".join(lines))


def test_json_export_has_the_shape_the_documentation_shows(library: Path,
                                                           tmp_path: Path) -> None:
    documented = _documented_json_example()
    out = tmp_path / "notes.json"
    export_notes("json", out)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert set(exported) == set(documented)
    assert (exported["format"], exported["version"]) == (documented["format"],
                                                         documented["version"])
    example = documented["notes"][0]
    hero = next(n for n in exported["notes"] if n["target"]["kind"] == "character")
    assert list(hero) == list(example)  # same fields, same order
    assert set(hero["target"]) == set(example["target"])
    for note in exported["notes"]:
        for name, value in note.items():
            if value is not None and example[name] is not None:
                assert type(value) is type(example[name]), name


def test_both_flush_strategies_write_the_same_folder(library: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from db.exporting import folder_flush, notes_markdown

    found = folder_flush.folder_flush()
    if sys.platform.startswith("linux"):
        assert found.syncfs is not None and not found.per_file  # one syncfs per export
    export_notes("md", tmp_path / "flushed-once")
    per_file = folder_flush.FolderFlush(per_file=True, syncfs=None)  # macOS, Windows
    monkeypatch.setattr(notes_markdown, "folder_flush", lambda: per_file)
    export_notes("md", tmp_path / "fsynced-each")
    assert _tree(tmp_path / "flushed-once") == _tree(tmp_path / "fsynced-each")


def test_exporting_again_rewrites_only_the_notes_that_changed(library: Path,
                                                             tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    export_notes("md", vault)
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in vault.glob("*.md")}
    save_note(NoteTarget("person", Person.get(Person.key == "ann-actor").id),
              NoteState("rewritten"))
    assert export_notes("md", vault) == 3
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in vault.glob("*.md")}
    assert {name for name in before if after[name] != before[name]} == {"Ann Actor.md"}
    export_notes("md", tmp_path / "fresh")
    assert _tree(vault) == _tree(tmp_path / "fresh")  # same bytes as a first export
