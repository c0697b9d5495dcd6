"""Where the library lives: --library PATH, else $SHOWSHELF_LIBRARY, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app import APP_ID, ORGANISATION

LIBRARY_ENV = "SHOWSHELF_LIBRARY"
LIBRARY_FILE_NAME = "library.sqlite"


def default_library_path() -> Path:
    from platformdirs import user_data_path  # imported late: only needed without --library

    return user_data_path(APP_ID, ORGANISATION) / LIBRARY_FILE_NAME


def resolve_library_path(option: str | None) -> tuple[Path, bool]:
    """The library path and whether it is the default one (whose folder we may create)."""
    if option:
        return Path(option).expanduser(), False
    if os.environ.get(LIBRARY_ENV):
        return Path(os.environ[LIBRARY_ENV]).expanduser(), False
    return default_library_path(), True
