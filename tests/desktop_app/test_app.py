"""desktop_app/app.py: the window's own options skip the full command line; anything else
goes to it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.app import main, window_options


def test_no_arguments_open_the_default_library_and_create_its_folder() -> None:
    options = window_options([])
    assert options is not None
    assert options.wait == 5.0
    assert options.library.name == "library.sqlite"
    assert options.library.parent.is_dir()
    assert str(options.library).startswith(os.environ["XDG_DATA_HOME"])


@pytest.mark.parametrize("argv", [
    ["--library", "/tmp/x.sqlite"], ["--library=/tmp/x.sqlite"],
    ["--wait", "0.5", "--library", "/tmp/x.sqlite"], ["--library=/tmp/x.sqlite", "--wait=0.5"],
])
def test_the_window_options_in_both_spellings(argv: list[str]) -> None:
    options = window_options(argv)
    assert options is not None and options.library == Path("/tmp/x.sqlite")
    assert options.wait == (0.5 if any("wait" in item for item in argv) else 5.0)


@pytest.mark.parametrize("argv", [
    ["search", "king"], ["--help"], ["--version"], ["--library"], ["--wait", "soon"],
    ["--lib", "/tmp/x.sqlite"], ["--library", "a", "--library", "b"], ["--library="],
    ["--library", "/tmp/x.sqlite", "check"],
])
def test_anything_else_goes_to_the_full_command_line(argv: list[str]) -> None:
    assert window_options(argv) is None


def test_the_full_command_line_still_explains_a_bad_value(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--wait", "soon"]) == 2
    assert "soon" in capsys.readouterr().err

