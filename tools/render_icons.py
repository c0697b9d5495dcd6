"""Render resources/icons/showshelf.svg to the PNG sizes desktops ask for.

Run after changing the SVG: `.venv/bin/python tools/render_icons.py`; commit the PNGs (the
desktop file installer and window icon use them without needing Qt's SVG plugin).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "showshelf.svg"
# The hicolor sizes menus, task bars and window decorations look up.
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"showshelf-{size}.png"


def render(svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, QSaveFile, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = QSaveFile(str(png_path(size)))
        target.open(QSaveFile.OpenModeFlag.WriteOnly)
        if not image.save(target, "PNG") or not target.commit():
            raise SystemExit(f"{png_path(size)}: cannot write")
        written.append(png_path(size))
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ICONS.parent.parent))
    sys.exit(0)
