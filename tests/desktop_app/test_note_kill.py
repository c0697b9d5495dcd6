"""SIGKILL during autosave, many times: every note is at a state it really had, never empty,
never half-written, and its newest revision equals it. And a plain quit right after typing
keeps the text."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from db.check import check_library
from db.database import close_library, create_library, open_library
from db.importing.library_json import read_library_file
from db.importing.library_writer import write_library
from db.models import Character, Person, Series
from db.note_listing import list_notes
from db.notes import NoteState, NoteTarget, load_note, save_note
from tests.desktop_app.note_kill_child import expected_words, seed_text

REPO = Path(__file__).resolve().parents[2]
# Kills per run: 30 keep the suite quick (about 15 s); SHOWSHELF_KILL_ROUNDS=500 soaks it.
KILLS = int(os.environ.get("SHOWSHELF_KILL_ROUNDS", "30"))


def _library(tmp_path: Path, mini_library_file: Path) -> Path:
    path = tmp_path / "kill.sqlite"
    document = read_library_file(mini_library_file)
    create_library(path, lambda _db: write_library(document))
    open_library(path)
    targets = [NoteTarget("series", Series.get().id),
               *(NoteTarget("person", p.id) for p in Person.select()),
               NoteTarget("character", Character.get().id)]
    for target in targets:
        existing = load_note(target)
        save_note(target, NoteState(seed_text(target), tags=existing.state.tags
                                    if existing else ()))
    close_library()
    return path


def _word_counts(path: Path) -> dict[NoteTarget, int]:
    database = open_library(path)
    try:
        assert check_library(database) == []  # integrity, and newest revision == note
        counts = {}
        for row in list_notes(limit=100):
            note = load_note(row.target)
            assert note is not None and note.state.body, f"{row.label()}: empty note"
            count = expected_words(note.state.body, row.target)
            assert count is not None, f"{row.label()}: text it never had: {note.state.body!r}"
            counts[row.target] = count
        return counts
    finally:
        close_library()


def test_kill_during_autosave_never_loses_or_tears_a_note(tmp_path: Path,
                                                          mini_library_file: Path) -> None:
    path = _library(tmp_path, mini_library_file)
    before = _word_counts(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    rng = random.Random(7)
    saves_seen = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-m", "tests.desktop_app.note_kill_child",
                                  str(path)], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read() \
            if child.stderr else ""
        wanted = rng.randint(1, 12)  # kill after a varying number of confirmed saves…
        for _ in range(wanted):
            if child.stdout.readline().strip() != "saved":
                break
            saves_seen += 1
        time.sleep(rng.random() * 0.01)  # …and a little later, mid-way through the next one
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        after = _word_counts(path)
        # Nothing goes backwards: each note has at least the words it had before.
        assert set(after) == set(before)
        assert all(after[target] >= before[target] for target in before)
        before = after
    assert saves_seen > KILLS  # the kills really came while saves were happening
    assert sum(before.values()) > 0


def test_quitting_right_after_typing_saves_the_text(tmp_path: Path,
                                                    mini_library_file: Path) -> None:
    path = _library(tmp_path, mini_library_file)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    child = subprocess.run([sys.executable, "-m", "tests.desktop_app.note_quit_child",
                            str(path), " Typed, then quit."], cwd=REPO, env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert child.returncode == 0, child.stderr
    open_library(path)
    try:
        note = load_note(NoteTarget("series", Series.get(Series.key == "test-show").id))
        assert note is not None and note.state.body.endswith(" Typed, then quit.")
    finally:
        close_library()
