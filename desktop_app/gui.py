"""Start the Qt application on a library; when the library cannot be opened, ask what to do."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import APP_ID, APP_NAME, ORGANISATION, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow


def configure_application() -> QApplication:
    """The QApplication with our names and icon, set before anything reads settings."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.icons import app_icon

    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    # Wayland finds our icon and launcher through this name (resources/showshelf.desktop).
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance() or QApplication([APP_ID])
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def open_library_window(library: Path, *, busy_timeout: float) -> MainWindow | None:
    """Open `library` and build the main window on it.

    When the library cannot be opened (damaged, locked, too new, read-only, no folder), a
    dialog says why and offers another file or quitting; nothing is written to the failed
    file. Returns None when the user quits.
    """
    from db import early_library
    from desktop_app.ui.main_window import MainWindow

    # The usual case: a current library that needs only reading to show the list. The store
    # (peewee, models) is bound after the first paint; see db/early_library.py.
    if early_library.open_early(library, busy_timeout=busy_timeout):
        try:
            return MainWindow(library)
        except sqlite3.Error:
            early_library.close_early()  # the usual path below says what is wrong

    from db.database import close_library, open_library
    from db.errors import ShowshelfError, library_errors

    while True:
        try:
            with library_errors(library):
                if library.exists():
                    open_library(library, busy_timeout=busy_timeout)
                else:  # first run: the importer builds it from the bundled library
                    from db.seed import open_or_create_library

                    open_or_create_library(library, busy_timeout=busy_timeout)
                return MainWindow(library)
        except ShowshelfError as error:
            close_library()
            from desktop_app.ui.open_failure import OpenFailureDialog, choose_library_file

            dialog = OpenFailureDialog(library, error)
            dialog.exec()
            choice = dialog.choice()
            if choice == "quit":
                return None
            if choice == "open-another":
                start_in = library.parent if library.parent.is_dir() else Path.home()
                library = choose_library_file(start_in) or library
            # A retry, or a cancelled file dialog, tries the same library again.


def prepare_window(library: Path, *, busy_timeout: float) -> MainWindow | None:
    """Everything before the window shows: the Qt check, the application, the library and
    the window on it (None when Qt cannot start or the user quits). The benchmark's probe
    starts the app through this too."""
    from desktop_app.qt_check import startup_problem

    problem = startup_problem()  # before Qt, which would abort with its own plugin error
    if problem:
        print(problem, file=sys.stderr)
        return None
    configure_application()
    return open_library_window(library, busy_timeout=busy_timeout)


def run_gui(library: Path, *, busy_timeout: float) -> int:
    window = prepare_window(library, busy_timeout=busy_timeout)
    if window is None:
        return 1
    window.show()
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().exec()  # type: ignore[union-attr]
