"""The command line, driven through main(argv) and as a real child process where it matters."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import migrations
from db.database import create_library
from desktop_app import __version__
from desktop_app.app import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"showshelf {__version__}"


@pytest.mark.parametrize("argv", [["frobnicate"], ["export"], ["export", "library"],
                                  ["--wait", "soon", "check"], ["import"]])
def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str],
                                           argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("showshelf: ")


def test_export_from_empty_data_dir_creates_the_bundled_library(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.json"
    code, _, err = run(capsys, "export", "library", "--format", "json", "--out", str(out))
    assert code == 0, err
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [s["title"] for s in document["series"]] == ["Seven Seconds"]
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert list(data_home.rglob("library.sqlite"))


def test_library_option_and_environment_choose_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    by_env = tmp_path / "env.sqlite"
    monkeypatch.setenv("SHOWSHELF_LIBRARY", str(by_env))
    assert run(capsys, "export", "library", "--out", str(tmp_path / "a.json"))[0] == 0
    assert by_env.exists()
    by_option = tmp_path / "option.sqlite"
    assert run(capsys, "--library", str(by_option), "export", "library", "--out",
               str(tmp_path / "b.json"))[0] == 0
    assert by_option.exists()


def test_import_round_trip_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           mini_library_file: Path) -> None:
    library = tmp_path / "lib.sqlite"
    create_library(library)
    assert run(capsys, "--library", str(library), "import", str(mini_library_file))[0] == 0
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert run(capsys, "--library", str(library), "export", "library", "--out", str(first))[0] == 0
    other = tmp_path / "other.sqlite"
    create_library(other)
    assert run(capsys, "--library", str(other), "import", str(first))[0] == 0
    assert run(capsys, "--library", str(other), "export", "library", "--out", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_import_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--library", str(tmp_path / "l.sqlite"), "import",
                       str(tmp_path / "nope.json"))
    assert code == 1
    assert "nope.json: no such file" in err
    assert "Traceback" not in err
    assert not (tmp_path / "l.sqlite").exists(), "a failed import must not create a library"


def test_import_malformed_json_names_the_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "showshelf-library",\n  "version": 1\n  "series": []\n}')
    code, _, err = run(capsys, "--library", str(tmp_path / "l.sqlite"), "import", str(bad))
    assert code == 1
    assert "bad.json, line 4, column 3: not valid JSON" in err
    assert len(err.strip().splitlines()) == 1


def test_import_invalid_field_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              mini_library_document: dict) -> None:
    library = tmp_path / "l.sqlite"
    assert run(capsys, "--library", str(library), "export", "library", "--out",
               str(tmp_path / "before.json"))[0] == 0
    mini_library_document["series"][0]["seasons"] = "one"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(mini_library_document, indent=2))
    code, _, err = run(capsys, "--library", str(library), "import", str(bad))
    assert code == 1
    assert "series[0].seasons: expected a whole number" in err
    assert run(capsys, "--library", str(library), "export", "library", "--out",
               str(tmp_path / "after.json"))[0] == 0
    assert (tmp_path / "before.json").read_bytes() == (tmp_path / "after.json").read_bytes()


def test_corrupt_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "l.sqlite"
    library.write_bytes(os.urandom(8192))
    before = library.read_bytes()
    for argv in (["check"], ["export", "library", "--out", str(tmp_path / "o.json")]):
        code, _, err = run(capsys, "--library", str(library), *argv)
        assert code == 1
        assert "damaged or is not a Showshelf library" in err or "not a Showshelf library" in err
        assert "Traceback" not in err
    assert library.read_bytes() == before


def test_damaged_pages_are_reported_by_check(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "l.sqlite"
    assert run(capsys, "--library", str(library), "check")[0] == 1  # missing: nothing to check
    run(capsys, "--library", str(library), "export", "library", "--out", str(tmp_path / "o.json"))
    data = bytearray(library.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size * 2, len(data), 97):  # scribble over every page but the first
        data[offset] = (data[offset] + 1) % 256
    library.write_bytes(bytes(data))
    code, out, err = run(capsys, "--library", str(library), "check")
    assert code == 1
    assert "problem" in out or "damaged" in err
    assert "Traceback" not in err


def test_newer_library_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  mini_library_file: Path) -> None:
    library = tmp_path / "l.sqlite"
    create_library(library)
    connection = sqlite3.connect(library)
    connection.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "--library", str(library), "import", str(mini_library_file))
    assert code == 1
    assert "newer Showshelf" in err


@pytest.fixture
def write_locked_library(tmp_path: Path) -> Iterator[Path]:
    library = tmp_path / "l.sqlite"
    create_library(library)
    holder = sqlite3.connect(library, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO source (key, title) VALUES ('held', 'held')")
    yield library
    holder.execute("ROLLBACK")
    holder.close()


def test_locked_library_import_fails_cleanly(write_locked_library: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             mini_library_file: Path) -> None:
    code, _, err = run(capsys, "--library", str(write_locked_library), "--wait", "0.2",
                       "import", str(mini_library_file))
    assert code == 1
    assert "locked by another program" in err


def test_locked_library_can_still_be_exported(write_locked_library: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    # WAL: a reader is not blocked by another connection's write transaction.
    code, _, err = run(capsys, "--library", str(write_locked_library), "--wait", "0.2",
                       "export", "library", "--out", str(tmp_path / "o.json"))
    assert code == 0, err


def test_check_reports_inconsistencies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "l.sqlite"
    assert run(capsys, "--library", str(library), "export", "library", "--out",
               str(tmp_path / "o.json"))[0] == 0
    assert run(capsys, "--library", str(library), "check")[0] == 0
    connection = sqlite3.connect(library)
    connection.execute("UPDATE series SET genres_label = 'Cooking'")
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "--library", str(library), "check")
    assert code == 1
    assert "genre label 'Cooking' is out of date" in out


def _run_without_permission_override(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child that file permissions really bind.

    Root (as in CI) ignores permission bits through capabilities; dropping those from the
    child's bounding set makes a 0444 file truly read-only for it.
    """
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without util-linux setpriv to drop privileges")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    return subprocess.run([*prefix, sys.executable, "-m", "desktop_app", *argv],
                          capture_output=True, text=True, cwd=REPO, timeout=60)


def test_read_only_library_import_fails_and_changes_nothing(mini_library_file: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="showshelf-ro-"))
    try:
        library = folder / "l.sqlite"
        create_library(library)
        document = folder / "mini.json"
        document.write_bytes(mini_library_file.read_bytes())
        library.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        document.chmod(0o644)
        folder.chmod(0o555)
        before = library.read_bytes()

        result = _run_without_permission_override(
            ["--library", str(library), "import", str(document)])

        assert result.returncode == 1, result.stderr
        assert "read-only" in result.stderr or "cannot open" in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert library.read_bytes() == before
    finally:
        folder.chmod(0o755)
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()
