"""Can Qt open a window here? If not, name the system package to install.

When a system library of Qt's xcb (X11) or wayland platform plugin is missing, Qt aborts with a
page about platform plugins. We try loading the plugin ourselves first (Qt would load the same
file a moment later, so this costs almost nothing) and, when that fails, list every missing
library with `ldd` and map it to its Debian/Ubuntu (and Fedora) package.

`make run` runs this module before the window (`python -m desktop_app.qt_check`); the app
calls `startup_problem()` before it creates the QApplication. Imports no Qt.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# Every system library the PySide6 6.x xcb and wayland platform plugins link (from `ldd` on
# libqxcb.so, libQt6XcbQpa.so.6, libqwayland.so and libQt6Gui.so.6), with the Debian/Ubuntu
# and Fedora packages that ship it. Minimal desktops and containers usually lack the
# xcb-util family at the top.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
# Platforms whose plugins need a display server and the libraries above.
DISPLAY_PLATFORMS = ("xcb", "wayland")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
# dlerror() names only the first library it could not find.
_DLOPEN_MISSING = re.compile(r"([^\s:/]+\.so[.\d]*): cannot open shared object file")


def platforms_to_try(environ: Mapping[str, str]) -> list[str]:
    """The display platform plugins Qt will try, in order, as Qt 6 chooses them on Linux."""
    explicit = environ.get("QT_QPA_PLATFORM", "")
    if explicit:
        names = [entry.split(":", 1)[0].strip() for entry in explicit.split(";")]
        # A list ending in a non-display platform (e.g. "xcb;offscreen") always starts.
        if names and names[-1] not in DISPLAY_PLATFORMS:
            return []
        return [name for name in names if name in DISPLAY_PLATFORMS]
    if environ.get("XDG_SESSION_TYPE") == "wayland" or (
            environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY")):
        return ["wayland", "xcb"]  # Qt 6 prefers wayland in a wayland session, then xcb
    return ["xcb"]


def plugin_path(platform: str) -> Path | None:
    """The platform plugin inside the installed PySide6, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    return path if path.exists() else None


def missing_libraries(plugin: Path, load_error: str = "") -> list[str]:
    """Sonames the plugin needs but the system lacks: every one via ldd, else the first."""
    import shutil  # only when something is missing: not on every start
    import subprocess

    if shutil.which("ldd"):
        result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                                check=False)
        missing = list(dict.fromkeys(_NOT_FOUND.findall(result.stdout)))
        if missing:
            return missing
    first = _DLOPEN_MISSING.search(load_error)
    return [first.group(1)] if first else []


def install_advice(platform: str, missing: Sequence[str]) -> str:
    """The message for a user: what is missing and the command that installs it."""
    debian = list(dict.fromkeys(PACKAGES[name][0] for name in missing if name in PACKAGES))
    fedora = list(dict.fromkeys(PACKAGES[name][1] for name in missing if name in PACKAGES))
    unknown = [name for name in missing if name not in PACKAGES]
    lines = [f"Showshelf cannot open its window: Qt's {platform} platform plugin needs system "
             f"libraries that are not installed: {', '.join(missing)}."]
    if debian:
        lines.append(f"On Debian or Ubuntu: sudo apt install {' '.join(debian)}")
        lines.append(f"On Fedora: sudo dnf install {' '.join(fedora)}")
    if unknown:
        lines.append(f"Install the packages that provide: {', '.join(unknown)}")
    return "\n".join(lines)


def _load_error(plugin: Path) -> str | None:
    import ctypes  # imported here: the check runs on every start, ctypes is not free

    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as error:
        return str(error)
    return None


def startup_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why Qt could not open a window here, in words with the fix, or None when it can."""
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    failures = []
    for platform in platforms_to_try(environ):
        plugin = plugin_path(platform)
        if plugin is None:
            continue
        error = _load_error(plugin)
        if error is None:
            return None  # Qt falls back along the list; one loadable plugin is enough
        failures.append(install_advice(platform, missing_libraries(plugin, error) or [error]))
    return failures[-1] if failures else None


def main() -> int:
    problem = startup_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        print("No display found (DISPLAY and WAYLAND_DISPLAY are unset): run Showshelf from a "
              "desktop session, or set QT_QPA_PLATFORM=offscreen to try it headless.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
