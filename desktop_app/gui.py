"""Start the Qt application on a library."""

from __future__ import annotations

from pathlib import Path

from desktop_app import APP_ID, APP_NAME, ORGANISATION, __version__


def run_gui(library: Path, *, busy_timeout: float) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db.errors import ShowshelfError
    from db.seed import open_or_create_library
    from desktop_app.ui.main_window import MainWindow

    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance() or QApplication([APP_ID])
    try:
        open_or_create_library(library, busy_timeout=busy_timeout)
    except ShowshelfError as error:
        QMessageBox.critical(None, APP_NAME, f"Showshelf cannot open the library.\n\n{error}")
        return 1
    window = MainWindow(library)
    window.show()
    return app.exec()
