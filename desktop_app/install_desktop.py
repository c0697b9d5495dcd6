"""Add Showshelf to the desktop's application menu for the current user (or take it away).

`make install-desktop` (python -m desktop_app.install_desktop [--uninstall]) copies
resources/showshelf.desktop into $XDG_DATA_HOME/applications with Exec pointing at the absolute
path of this environment's `showshelf`, and the icons into the hicolor theme there. Imports no
Qt, so it works before Qt can start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db.errors import ShowshelfError
from db.fileio import write_file_atomically
from desktop_app import APP_ID

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DESKTOP_TEMPLATE = RESOURCES / "showshelf.desktop"
ICONS = RESOURCES / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
# Characters the Desktop Entry spec says must be quoted inside an Exec argument.
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class InstallPlan:
    """Where each installed file goes, under one data home."""

    data_home: Path

    @property
    def desktop_file(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def icon_theme(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    def icons(self) -> list[tuple[Path, Path]]:
        """(source, destination) for every icon file."""
        pairs = [(ICONS / f"{APP_ID}-{size}.png",
                  self.icon_theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
                 for size in PNG_SIZES]
        pairs.append((ICONS / f"{APP_ID}.svg",
                      self.icon_theme / "scalable" / "apps" / f"{APP_ID}.svg"))
        return pairs

    def installed_files(self) -> list[Path]:
        return [self.desktop_file, *(destination for _, destination in self.icons())]


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the spec says)."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def showshelf_executable() -> Path:
    """The `showshelf` launcher installed next to this Python (the venv's bin folder)."""
    beside = Path(sys.executable).parent / APP_ID
    if beside.is_file():
        return beside.absolute()  # not resolve(): the venv's python may be a symlink
    found = shutil.which(APP_ID)
    if found:
        return Path(found).absolute()
    raise ShowshelfError(f"cannot find the '{APP_ID}' launcher next to {sys.executable}; "
                         "install Showshelf into this environment first (make install-desktop "
                         "does it)")


def quote_exec_argument(argument: str) -> str:
    """One Exec argument quoted per the Desktop Entry spec (then escaped as a string value)."""
    if any(character in _EXEC_RESERVED for character in argument):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in argument)
        argument = f'"{inner}"'
    # Desktop file string values escape the backslash once more.
    return argument.replace("\\", "\\\\")


def desktop_entry(executable: Path, template: str) -> str:
    """The launcher text: the template with Exec and TryExec pointing at `executable`."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quote_exec_argument(str(executable))}"
        elif line.startswith("TryExec="):
            line = f"TryExec={str(executable).replace(chr(92), chr(92) * 2)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _refresh_caches(plan: InstallPlan) -> list[str]:
    """Run the desktop's cache tools when present; say what ran."""
    done = []
    commands = [["update-desktop-database", "-q", str(plan.desktop_file.parent)]]
    if (plan.icon_theme / "index.theme").exists():  # the tool refuses a theme without one
        commands.append(["gtk-update-icon-cache", "-q", "-t", str(plan.icon_theme)])
    for command in commands:
        if shutil.which(command[0]) is None:
            continue
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        status = "ok" if result.returncode == 0 else f"failed: {result.stderr.strip()}"
        done.append(f"ran {command[0]} ({status})")
    return done


def install(plan: InstallPlan, executable: Path) -> list[str]:
    """Write the launcher and icons; return one line per thing done."""
    done = []
    for source, destination in plan.icons():
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomically(destination, source.read_bytes())
        done.append(f"icon      {destination}")
    plan.desktop_file.parent.mkdir(parents=True, exist_ok=True)
    text = desktop_entry(executable, DESKTOP_TEMPLATE.read_text(encoding="utf-8"))
    write_file_atomically(plan.desktop_file, text.encode("utf-8"))
    done.append(f"launcher  {plan.desktop_file} (runs {executable})")
    return done + _refresh_caches(plan)


def uninstall(plan: InstallPlan) -> list[str]:
    done = []
    for path in plan.installed_files():
        if path.exists():
            path.unlink()
            done.append(f"removed   {path}")
    if not done:
        return ["nothing to remove: Showshelf was not installed in " + str(plan.data_home)]
    return done + _refresh_caches(plan)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.install_desktop",
        description="Add Showshelf to your desktop's application menu (current user only).")
    parser.add_argument("--uninstall", action="store_true",
                        help="remove the launcher and icons again")
    args = parser.parse_args(argv)
    plan = InstallPlan(data_home())
    try:
        lines = uninstall(plan) if args.uninstall else install(plan, showshelf_executable())
    except (ShowshelfError, OSError) as error:
        print(f"install-desktop: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    if not args.uninstall:
        print("Showshelf is in your application menu (log out and in if it does not show yet).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
