"""The application icon, from the PNG sizes in resources/icons (plus the SVG when Qt can draw it).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from desktop_app import APP_ID

ICONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256)


@cache
def app_icon() -> QIcon:
    """Showshelf's icon at every size we ship; the installed theme icon wins when present.

    Cached: QIcon is implicitly shared, and the files need reading only once.
    """
    icon = QIcon()
    for size in PNG_SIZES:
        icon.addFile(str(ICONS_DIR / f"{APP_ID}-{size}.png"), QSize(size, size))
    # The theme lookup lets a desktop that has our icon installed (make install-desktop)
    # or a themed variant use it, falling back to our own files.
    return QIcon.fromTheme(APP_ID, icon)
