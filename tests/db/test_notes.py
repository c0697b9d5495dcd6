"""Saving, loading, history, tags and title lookup of notes (db/notes.py, db/note_listing.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.check import check_library
from db.database import close_library, create_library, open_library
from db.importing.library_json import read_library_file
from db.importing.library_writer import write_library
from db.models import Character, Note, NoteRevision, Person, Series
from db.note_listing import NoteScope, count_notes, count_scope, iter_scope, list_notes
from db.notes import (
    NoteError,
    NoteState,
    NoteTarget,
    load_note,
    note_revisions,
    resolve_target,
    restore_revision,
    revision_state,
    revision_summaries,
    save_note,
    tag_names,
)


@pytest.fixture
def library(tmp_path: Path, mini_library_file: Path) -> Iterator[Path]:
    path = tmp_path / "notes.sqlite"
    document = read_library_file(mini_library_file)
    create_library(path, lambda _db: write_library(document))
    open_library(path)
    yield path
    close_library()


def _person(key: str) -> NoteTarget:
    return NoteTarget("person", Person.get(Person.key == key).id)


def test_first_save_creates_note_with_one_revision(library: Path) -> None:
    target = _person("ann-actor")
    result = save_note(target, NoteState("Great in *everything*.", 9, "watching", ("Drama",)))
    assert result.changed and result.note is not None
    loaded = load_note(target)
    assert loaded is not None
    assert loaded.state == NoteState("Great in *everything*.", 9, "watching", ("Drama",))
    assert [r.state.body for r in note_revisions(loaded.id)] == ["Great in *everything*."]
    assert check_library(open_library(library)) == []


def test_unchanged_save_writes_nothing_and_blank_creates_nothing(library: Path) -> None:
    target = _person("cy-creator")
    assert save_note(target, NoteState("  ")).note is None
    assert load_note(target) is None
    save_note(target, NoteState("once"))
    again = save_note(target, NoteState("once"))
    assert not again.changed
    assert NoteRevision.select().join(Note).where(Note.person == target.id).count() == 1


def test_every_change_keeps_a_revision_and_restore_brings_text_back(library: Path) -> None:
    target = _person("ann-actor")
    first = save_note(target, NoteState("first words", tags=("a",))).note
    assert first is not None
    save_note(target, NoteState("second words", rating=4, tags=("b",)))
    revisions = note_revisions(first.id)
    assert [r.state.body for r in revisions] == ["second words", "first words"]
    restored = restore_revision(first.id, revisions[-1].id).note
    assert restored is not None and restored.state == NoteState("first words", tags=("a",))
    assert len(note_revisions(first.id)) == 3
    summaries = revision_summaries(first.id)
    assert [(r.characters, r.rating) for r in summaries] == [(11, None), (12, 4), (11, None)]
    state = revision_state(summaries[1].id)
    assert state == NoteState("second words", rating=4, tags=("b",))


def test_tags_are_cleaned_and_completed_from_existing_ones(library: Path) -> None:
    target = _person("ann-actor")
    save_note(target, NoteState("x", tags=(" slow  burn ", "Crime", "crime", "")))
    note = load_note(target)
    assert note is not None and note.state.tags == ("crime", "slow burn")  # existing spelling
    assert tag_names("SL") == ["slow burn"]
    assert tag_names("%") == []  # no LIKE wildcards
    with pytest.raises(NoteError, match="comma"):
        save_note(target, NoteState("x", tags=("a,b",)))


@pytest.mark.parametrize("state, message", [
    (NoteState("x", rating=0), "rating 0"),
    (NoteState("x", rating=11), "rating 11"),
    (NoteState("x", status="finished"), "status 'finished'"),
])
def test_bad_values_are_refused_and_change_nothing(library: Path, state: NoteState,
                                                    message: str) -> None:
    target = _person("ann-actor")
    with pytest.raises(NoteError, match=message):
        save_note(target, state)
    assert load_note(target) is None


def test_character_note_and_listing(library: Path) -> None:
    hero = Character.get(Character.key == "hero")
    save_note(NoteTarget("character", hero.id), NoteState("The hero, obviously.", 7))
    rows = list_notes(sort="title", descending=False)
    assert [row.label() for row in rows] == ["Test Show", "The Hero (Test Show)"]
    assert rows[0].tags == ("crime",)
    assert count_notes("obviously") == 1
    assert [row.title for row in list_notes("crime")] == ["Test Show"]
    assert [row.title for row in list_notes(sort="rating", descending=True)] == [
        "Test Show", "The Hero"]


def test_export_scopes(library: Path) -> None:
    hero = Character.get(Character.key == "hero")
    save_note(NoteTarget("character", hero.id), NoteState("hero note"))
    save_note(_person("ann-actor"), NoteState("ann note"))
    assert count_scope(NoteScope()) == 3
    assert count_scope(NoteScope(query="test sh")) == 2  # the series and its character
    assert count_scope(NoteScope(query="nothing like it")) == 0
    chosen = NoteScope(targets=(_person("ann-actor"),))
    assert [row.body for batch in iter_scope(chosen) for row in batch] == ["ann note"]
    batches = list(iter_scope(NoteScope(), batch=1))
    assert [b[0].title for b in batches] == ["Ann Actor", "Test Show", "The Hero"]


def test_resolve_target_by_title(library: Path) -> None:
    show = Series.get(Series.key == "test-show")
    assert resolve_target("test show") == NoteTarget("series", show.id)
    assert resolve_target("Test Show (2019)") == NoteTarget("series", show.id)
    assert resolve_target("The Hero (Test Show)").kind == "character"
    with pytest.raises(NoteError, match="did you mean 'Test Show'"):
        resolve_target("Tes Shw")
    Series.insert(key="other", title="Test Show", sort_title="Test Show", year_start=2021
                  ).execute()
    with pytest.raises(NoteError, match="ambiguous; name the one you mean: series "
                                        "'Test Show \\(2019\\)', series 'Test Show \\(2021\\)'"):
        resolve_target("Test Show")
    assert resolve_target("Test Show (2021)").kind == "series"


def test_namesakes_of_other_kinds_are_picked_by_the_words_the_error_gives(
        library: Path) -> None:
    hero = Character.get(Character.key == "hero")
    twin = Person.insert(key="hero-actor", name="The Hero", sort_name="Hero, The").execute()
    with pytest.raises(NoteError) as ambiguous:
        resolve_target("the hero")
    message = str(ambiguous.value)
    assert "person 'person:The Hero'" in message
    assert "character 'The Hero (Test Show)'" in message
    assert resolve_target("person:The Hero") == NoteTarget("person", twin)
    assert resolve_target("Character: the hero") == NoteTarget("character", hero.id)
    assert resolve_target("The Hero (Test Show)") == NoteTarget("character", hero.id)


def test_namesakes_of_one_kind_are_picked_by_id(library: Path) -> None:
    first = Person.insert(key="jo-1", name="Jo Doe", sort_name="Doe, Jo").execute()
    second = Person.insert(key="jo-2", name="Jo Doe", sort_name="Doe, Jo").execute()
    with pytest.raises(NoteError) as ambiguous:
        resolve_target("Jo Doe")
    assert f"'person:#{first}'" in str(ambiguous.value)
    assert f"'person:#{second}'" in str(ambiguous.value)
    assert resolve_target(f"person:#{second}") == NoteTarget("person", second)
    with pytest.raises(NoteError, match="person #999999 is not in the library"):
        resolve_target("person:#999999")
    with pytest.raises(NoteError, match="no person is called 'Test Show'"):
        resolve_target("person:Test Show")


def test_filter_and_scope_speak_the_search_language(library: Path) -> None:
    hero = Character.get(Character.key == "hero")
    save_note(NoteTarget("character", hero.id), NoteState("hero note"))
    save_note(_person("ann-actor"), NoteState("ann note", rating=3))
    # Each note by its own tags, rating and status; by its series for the series' fields.
    assert {row.label() for row in list_notes("tag:crime")} == {"Test Show"}
    assert list_notes("tag:nothing-like-it") == []
    assert {row.label() for row in list_notes("rating:>=8")} == {"Test Show"}
    assert {row.label() for row in list_notes("rating:<=5")} == {"Ann Actor"}
    assert count_notes("network:testflix") == 2  # the series' note and its character's
    assert {row.label() for row in list_notes("-network:testflix")} == {"Ann Actor"}
    assert count_notes("has:note") == 3
    assert count_notes("ann note") == 1  # plain words find the note's own text
    assert {row.label() for row in list_notes("note:ann -tag:crime")} == {"Ann Actor"}
    # The export scope "the current search results" is the series a search finds.
    assert count_scope(NoteScope(query="year:2019")) == 2
    assert count_scope(NoteScope(query="year:<2000")) == 0


def test_the_notes_filter_reads_person_notes_by_their_own_fields(library: Path) -> None:
    save_note(_person("ann-actor"), NoteState("Regina was superb in the finale", rating=9,
                                              status="watched", tags=("Drama",)))
    for text in ("regina", "REGINA", "note:regina", "note:superb status:watched",
                 "tag:drama rating:>=9", "superb or nothing-like-it", 'note:"the finale"'):
        assert {row.label() for row in list_notes(text)} == {"Ann Actor"}, text
    assert list_notes("note:regina year:2019") == []  # a person's note has no series year


def test_a_save_updates_the_search_index_in_its_transaction(library: Path) -> None:
    from db.search import search_series

    show = NoteTarget("series", Series.get(Series.key == "test-show").id)
    assert search_series("note:marmalade").total == 0
    save_note(show, NoteState("Marmalade sandwiches in episode two.", 8, "watched",
                              ("crime", "snacks")))
    assert [row.title for row in search_series("note:marmalade").rows] == ["Test Show"]
    assert search_series("tag:snacks").total == 1
    hero = NoteTarget("character", Character.get(Character.key == "hero").id)
    save_note(hero, NoteState("Quietly heroic."))
    assert [row.title for row in search_series("note:quietly").rows] == ["Test Show"]
