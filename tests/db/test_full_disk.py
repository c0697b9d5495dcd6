"""A full disk while saving a note or exporting: a clear error, the stored note whole, no
half-written export, a later save fine.

The disk is a 3 MB tmpfs mounted in a private mount namespace (root and `unshare` needed,
as in CI), so the test fills a real filesystem without touching the machine's."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.database import close_library, create_library
from db.importing.library_json import read_library_file
from db.importing.library_writer import write_library

REPO = Path(__file__).resolve().parents[2]


def test_a_full_disk_refuses_the_save_and_keeps_the_note(tmp_path: Path,
                                                          mini_library_file: Path) -> None:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("mounting a small filesystem needs root and unshare")
    source = tmp_path / "library.sqlite"
    create_library(source, lambda _db: write_library(read_library_file(mini_library_file)))
    close_library()
    disk = tmp_path / "disk"
    disk.mkdir()
    library, filler = disk / "library.sqlite", disk / "filler"
    script = (f"mount -t tmpfs -o size=3m tmpfs '{disk}' && cp '{source}' '{library}' && "
              f"'{sys.executable}' -m tests.db.full_disk_child '{library}' '{filler}'")
    completed = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True,
                               text=True, timeout=120, cwd=REPO, check=False)
    if "mount:" in completed.stderr or "unshare:" in completed.stderr:
        pytest.skip(f"cannot mount here: {completed.stderr.strip()}")
    assert completed.returncode == 0, completed.stderr
    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    assert outcome["error"] is not None and "library.sqlite" in outcome["error"]
    assert "disk is full" in outcome["error"]
    assert outcome["during"] == outcome["after"] == "Before the disk filled up."
    assert "No space left" in outcome["export_error"]
    assert outcome["left_beside"] == []  # no half-written export, no staging folder
    assert outcome["problems"] == []
    assert outcome["later"] == "Saved once there was room."
