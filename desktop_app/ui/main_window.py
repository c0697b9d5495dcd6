"""The main window (first cut: the list of series; the browser issue builds it out)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidget, QMainWindow

from db import queries


class MainWindow(QMainWindow):
    def __init__(self, library: Path) -> None:
        super().__init__()
        self.setWindowTitle(f"Showshelf — {library.name}")
        self.series_list = QListWidget(self)
        for _series_id, title in queries.series_titles(limit=500):
            self.series_list.addItem(title)
        self.setCentralWidget(self.series_list)
        counts = queries.library_counts()
        self.statusBar().showMessage(
            f"{counts.series} series · {counts.people} people · {counts.reviews} reviews · "
            f"{counts.notes} notes")
        self.resize(900, 600)
