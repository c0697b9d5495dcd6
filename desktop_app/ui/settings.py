"""The window's remembered state in QSettings: one place that names every key.

`QSettings()` with no arguments uses the organisation and application names set on
QApplication (desktop_app/gui.py), i.e. ~/.config/Showshelf/Showshelf.conf on Linux. Tests pass
their own QSettings on a file in tmp_path, so no test reads or writes the user's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop_app.ui.history import Target

GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
SPLITTER = "window/splitter"
HEADER = "list/header"
SORT_COLUMN = "list/sort_column"
SORT_DESCENDING = "list/sort_descending"
LAST_TARGET = "browser/last_target"
ZOOM = "view/zoom"


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_int(settings: QSettings, key: str, default: int) -> int:
    try:
        return int(settings.value(key, default))  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a hand-edited or damaged value: fall back, don't crash
        return default


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):  # INI files store booleans as text
        return value.lower() == "true"
    return bool(value)


def read_target(settings: QSettings) -> Target | None:
    """The last series or person shown, stored as "series:12"."""
    value = settings.value(LAST_TARGET)
    if not isinstance(value, str):
        return None
    kind, _, number = value.partition(":")
    if kind not in ("series", "person") or not number.isdigit():
        return None
    return Target(kind, int(number))


def write_target(settings: QSettings, target: Target | None) -> None:
    if target is None:
        settings.remove(LAST_TARGET)
    else:
        settings.setValue(LAST_TARGET, f"{target.kind}:{target.id}")
