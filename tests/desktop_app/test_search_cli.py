"""`showshelf search`, `check` and `rebuild-index` on a real library file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.app import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library file made from the bundled library (the first command creates it)."""
    return tmp_path / "library.sqlite"


def run(capsys: pytest.CaptureFixture[str], library: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_matches_are_printed_with_why_and_exit_0(capsys: pytest.CaptureFixture[str],
                                                  library: Path) -> None:
    code, out, err = run(capsys, library, "search", "cast:king")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Seven Seconds (2018)"
    assert "    cast: Regina [King] Clare-Hope Ashitey" in out
    assert err.strip() == "1 match"


def test_several_arguments_are_one_query(capsys: pytest.CaptureFixture[str],
                                         library: Path) -> None:
    code, out, _ = run(capsys, library, "search", "regina", "year:2018")
    assert code == 0
    assert "year: [2018]" in out


def test_nothing_found_exits_1(capsys: pytest.CaptureFixture[str], library: Path) -> None:
    code, out, err = run(capsys, library, "search", "year:<2000")
    assert code == 1
    assert out == ""
    assert err.strip() == "0 matches"


def test_hints_go_to_stderr(capsys: pytest.CaptureFixture[str], library: Path) -> None:
    code, _, err = run(capsys, library, "search", "yaer:2018")
    assert code == 1
    assert "hint: unknown field 'yaer' — did you mean 'year'?" in err


@pytest.mark.parametrize("argv", [["search"], ["search", "  "], ["search", "x", "--limit", "0"],
                                  ["search", "x", "--limit", "many"], ["search", "--jsn", "x"]])
def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], library: Path,
                                           argv: list[str]) -> None:
    code, out, err = run(capsys, library, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("showshelf: ")


def test_json_shape(capsys: pytest.CaptureFixture[str], library: Path) -> None:
    code, out, _ = run(capsys, library, "search", "--json", "clare-hope", "jersey")
    assert code == 0
    document = json.loads(out)
    assert set(document) == {"query", "total", "total_is_capped", "hints", "results"}
    assert document["query"] == "clare-hope jersey"
    assert (document["total"], document["total_is_capped"], document["hints"]) == (1, False, [])
    [result] = document["results"]
    assert {key: result[key] for key in ("title", "year_start", "year_end", "network")} == {
        "title": "Seven Seconds", "year_start": 2018, "year_end": None, "network": "Netflix"}
    assert isinstance(result["id"], int)
    cast = next(reason for reason in result["matched"] if reason["field"] == "cast")
    assert [cast["text"][start:end] for start, end in cast["spans"]] == ["Clare-Hope"]


def test_json_with_nothing_found(capsys: pytest.CaptureFixture[str], library: Path) -> None:
    code, out, _ = run(capsys, library, "search", "--json", "verdict:great")
    document = json.loads(out)
    assert document["hints"] == ["verdict: can be positive, mixed, negative"]
    # Nothing searchable is left, so every series is listed, as the window's list does.
    assert code == 0 and document["total"] == 1


def test_limit_and_a_leading_negation(capsys: pytest.CaptureFixture[str],
                                      library: Path) -> None:
    code, out, _ = run(capsys, library, "search", "--json", "--limit", "1", "--", "-zzzz")
    assert code == 0
    assert len(json.loads(out)["results"]) == 1


@pytest.mark.parametrize("argv", [["search", "-netflix"], ["search", "regina", "-netflix"],
                                  ["search", "--json", "-netflix"],
                                  ["search", "-netflix", "--json"]])
def test_a_query_may_start_with_a_negation(capsys: pytest.CaptureFixture[str], library: Path,
                                           argv: list[str]) -> None:
    # The bundled library's one series is on Netflix: excluding Netflix leaves nothing.
    code, out, err = run(capsys, library, *argv)
    assert code == 1
    assert "unrecognized" not in err
    if "--json" in argv:
        document = json.loads(out)
        assert document["query"] == " ".join(word for word in argv[1:] if word != "--json")
        assert document["results"] == []
    else:
        assert out == ""


def test_negations_options_and_words_mix_in_any_order(capsys: pytest.CaptureFixture[str],
                                                      library: Path) -> None:
    # -hbo is a negation, not -h (help) with "bo"; --limit and --json still work after words.
    code, out, _ = run(capsys, library, "search", "-hbo", "regina", "--limit", "5", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["query"] == "-hbo regina"
    assert [row["title"] for row in document["results"]] == ["Seven Seconds"]


def test_after_a_double_dash_every_word_is_the_query(capsys: pytest.CaptureFixture[str],
                                                     library: Path) -> None:
    code, out, _ = run(capsys, library, "search", "--json", "--", "regina", "--limit")
    document = json.loads(out)
    assert document["query"] == "regina --limit"
    assert code == (0 if document["results"] else 1)


def test_the_library_option_before_the_command_still_applies(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    code = main(["--lib", str(other), "search", "-netflix"])
    capsys.readouterr()
    assert code == 1
    assert other.exists()


@pytest.mark.parametrize("argv", [["search", "-netflix", "--limit"],
                                  ["search", "regina", "--lmit", "3"]])
def test_a_misused_option_after_the_query_is_still_a_usage_error(
        capsys: pytest.CaptureFixture[str], library: Path, argv: list[str]) -> None:
    code, out, err = run(capsys, library, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("query", ['"', "(((", ")", "NEAR(a b)", "'; DROP TABLE series; --",
                                   "title:*", "a AND OR NOT", "\x00\x1b[2J", "😀 שלום", "^x",
                                   "year:99999", "x" * 10_000])
def test_hostile_queries_never_raise(capsys: pytest.CaptureFixture[str], library: Path,
                                     query: str) -> None:
    code, _, err = run(capsys, library, "search", "--json", query)
    assert code in (0, 1)
    assert "Traceback" not in err
    assert run(capsys, library, "check")[0] == 0  # and the library is sound afterwards


def test_undecodable_arguments_in_a_real_process(library: Path) -> None:
    """Bytes that are not UTF-8 arrive as lone surrogates, which SQLite cannot take."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for argv in ([b"search", b"regina\xff"], [b"search", b"--json", b"\xfe\xff cast:king"]):
        completed = subprocess.run(
            [sys.executable.encode(), b"-m", b"desktop_app", b"--library", bytes(library),
             *argv], cwd=REPO, env=env, capture_output=True, timeout=60, check=False)
        assert completed.returncode == 0, completed.stderr
        assert b"Traceback" not in completed.stderr
        assert b"Seven Seconds" in completed.stdout
        if b"--json" in argv:
            assert json.loads(completed.stdout)["query"] == "\ufffd\ufffd cast:king"


def test_check_sees_an_index_out_of_step_and_rebuild_index_fixes_it(
        capsys: pytest.CaptureFixture[str], library: Path) -> None:
    assert run(capsys, library, "search", "regina")[0] == 0
    with sqlite3.connect(library) as connection:  # damage the index by hand
        connection.execute("DELETE FROM series_search WHERE rowid = "
                           "(SELECT id FROM series WHERE title = 'Seven Seconds')")
    connection.close()
    assert run(capsys, library, "search", "regina")[0] == 1  # what the user would notice
    code, out, _ = run(capsys, library, "check")
    assert code == 1
    assert "search index: 1 series are missing or out of date (run 'showshelf rebuild-index')" \
        in out
    code, out, _ = run(capsys, library, "rebuild-index")
    assert code == 0
    assert out.strip() == f"{library}: search index rebuilt (1 series)"
    assert run(capsys, library, "check")[0] == 0
    assert run(capsys, library, "search", "regina")[0] == 0


def test_rebuild_index_of_a_missing_library_is_one_line(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    code, out, err = run(capsys, tmp_path / "nowhere.sqlite", "rebuild-index")
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "nowhere.sqlite" in err


def test_a_library_that_cannot_be_opened_exits_2_not_1(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    """1 means "nothing matched"; like grep, a search that could not run says 2."""
    code, out, err = run(capsys, tmp_path / "no folder" / "library.sqlite", "search", "regina")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "no folder" in err


def test_a_reader_that_stops_early_is_no_error(library: Path) -> None:
    """`showshelf search … | head -1`: the pipe closes under us; no traceback, exit 141."""
    assert main(["--library", str(library), "search", "regina"]) == 0  # create it first
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before we print
    completed = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--library", str(library), "search", "regina"],
        cwd=REPO, stdout=writer, stderr=subprocess.PIPE, timeout=60, check=False)
    os.close(writer)
    assert b"Traceback" not in completed.stderr, completed.stderr
    assert b"Exception ignored" not in completed.stderr
    assert completed.returncode == 141
