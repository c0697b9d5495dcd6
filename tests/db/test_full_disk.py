"""A full disk while saving a note or exporting: a clear error, the stored note whole, no
half-written export, a later save fine.

The disk is a 3 MB tmpfs mounted in a private mount namespace (root and `unshare` needed,
as in CI), so the test fills a real filesystem without touching the machine's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from db.database import close_library, create_library
from db.importing.library_json import read_library_file
from db.importing.library_writer import write_library
from tests.private_mount import run_on_tmpfs


def test_a_full_disk_refuses_the_save_and_keeps_the_note(tmp_path: Path,
                                                          mini_library_file: Path) -> None:
    source = tmp_path / "library.sqlite"
    create_library(source, lambda _db: write_library(read_library_file(mini_library_file)))
    close_library()
    disk = tmp_path / "disk"
    disk.mkdir()
    library, filler = disk / "library.sqlite", disk / "filler"
    completed = run_on_tmpfs(disk, f"cp '{source}' '{library}' && '{sys.executable}' -m "
                                   f"tests.db.full_disk_child '{library}' '{filler}'", size="3m")
    assert completed.returncode == 0, completed.stderr
    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    assert outcome["error"] is not None and "library.sqlite" in outcome["error"]
    assert "disk is full" in outcome["error"]
    assert outcome["during"] == outcome["after"] == "Before the disk filled up."
    assert "No space left" in outcome["export_error"]
    assert outcome["left_beside"] == []  # no half-written export, no staging folder
    assert outcome["problems"] == []
    assert outcome["later"] == "Saved once there was room."
