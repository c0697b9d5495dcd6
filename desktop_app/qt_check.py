"""Before `make run` opens the window: can Qt start here? If not, name the package to install.

Qt's own message for a missing system library is a page about platform plugins; users need
the one package name instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# Libraries the xcb platform plugin loads that minimal desktops lack, with Debian/Ubuntu and
# Fedora package names.
_XCB_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0", "xcb-util-cursor"),
    ("xkbcommon-x11", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("xcb-icccm", "libxcb-icccm4", "xcb-util-wm"),
    ("xcb-keysyms", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("xcb-image", "libxcb-image0", "xcb-util-image"),
    ("xcb-render-util", "libxcb-render-util0", "xcb-util-renderutil"),
    ("EGL", "libegl1", "mesa-libEGL"),
    ("GL", "libgl1", "mesa-libGL"),
    ("fontconfig", "libfontconfig1", "fontconfig"),
)


def missing_system_packages() -> list[str]:
    """Debian/Ubuntu package names (with Fedora's) of libraries Qt needs here but lacks."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    uses_xcb = platform.startswith("xcb") or (
        not platform and sys.platform.startswith("linux") and not os.environ.get(
            "WAYLAND_DISPLAY"))
    missing = []
    for library, debian, fedora in _XCB_LIBRARIES:
        if library.startswith(("xcb", "xkb")) and not uses_xcb:
            continue
        if ctypes.util.find_library(library) is None:
            missing.append(f"{debian} (Fedora: {fedora})")
    return missing


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    missing = missing_system_packages()
    if missing:
        names = " ".join(item.split(" ")[0] for item in missing)
        print("Showshelf's window needs system libraries that are not installed:\n  "
              + "\n  ".join(missing)
              + f"\nOn Debian/Ubuntu: sudo apt install {names}", file=sys.stderr)
        return 1
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        print("No display found (DISPLAY/WAYLAND_DISPLAY unset): run Showshelf from a desktop "
              "session, or set QT_QPA_PLATFORM=offscreen to try it headless.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
