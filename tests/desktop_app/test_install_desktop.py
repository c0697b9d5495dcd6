"""install_desktop puts a valid launcher and the icons under $XDG_DATA_HOME, and takes them away."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app import APP_ID
from desktop_app.install_desktop import (
    DESKTOP_TEMPLATE,
    InstallPlan,
    data_home,
    desktop_entry,
    install,
    main,
    showshelf_executable,
)


def _read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def _validate(path: Path) -> None:
    """desktop-file-validate when the machine has it; the parsed keys checked either way."""
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(path)], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    entry = _read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Showshelf"
    assert entry["Icon"] == APP_ID
    assert "AudioVideo" in entry["Categories"].split(";")


def test_the_template_is_a_valid_desktop_file() -> None:
    _validate(DESKTOP_TEMPLATE)


def test_install_writes_launcher_and_icons_under_xdg_data_home(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))

    assert main([]) == 0

    launcher = tmp_path / "share" / "applications" / "showshelf.desktop"
    _validate(launcher)
    executable = Path(_read_entry(launcher)["Exec"])
    assert executable.is_absolute()
    assert executable == showshelf_executable()
    assert os.access(executable, os.X_OK)
    hicolor = tmp_path / "share" / "icons" / "hicolor"
    for size in (16, 32, 48, 64, 128, 256):
        icon = hicolor / f"{size}x{size}" / "apps" / "showshelf.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "share/icons/hicolor/scalable/apps/showshelf.svg").exists()
    assert str(launcher) in capsys.readouterr().out


def test_uninstall_removes_only_what_install_wrote(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    neighbour = tmp_path / "applications" / "other.desktop"
    neighbour.parent.mkdir(parents=True)
    neighbour.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    assert main([]) == 0
    assert main([]) == 0  # installing twice just replaces the files

    assert main(["--uninstall"]) == 0

    assert not [path for path in InstallPlan(tmp_path).installed_files() if path.exists()]
    assert neighbour.exists()


def test_a_relative_xdg_data_home_is_ignored(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert data_home() == tmp_path / ".local" / "share"


def test_an_executable_path_with_spaces_is_quoted(tmp_path: Path) -> None:
    executable = tmp_path / "my apps" / "bin" / "showshelf"
    text = desktop_entry(executable, DESKTOP_TEMPLATE.read_text(encoding="utf-8"))
    launcher = tmp_path / "showshelf.desktop"
    launcher.write_text(text, encoding="utf-8")

    _validate(launcher)
    assert _read_entry(launcher)["Exec"] == f'"{executable}"'


def test_the_installed_launcher_starts_the_program(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    install(InstallPlan(tmp_path), showshelf_executable())
    command = _read_entry(tmp_path / "applications" / "showshelf.desktop")["Exec"]

    result = subprocess.run([command, "--version"], capture_output=True, text=True,
                            check=False, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("showshelf ")
