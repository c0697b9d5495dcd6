"""Baseline for the start-up and memory ratios: a bare PySide6 window, no Showshelf code.

A QMainWindow holding a QTableView over an empty QStandardItemModel with the series list's
columns, started and measured exactly as the app's probe is (see gui_probe.py). Run by
`harness.run_gui_probe(BARE_WINDOW)`; by hand: python tests/benchmarks/bare_window.py
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from tests.benchmarks.gui_probe import FirstPaintProbe

BARE_WINDOW = Path(__file__).resolve()
# The series list's columns, so the header the baseline paints is the same width of work.
COLUMNS = ("Title", "Years", "Seasons / episodes", "Network", "Genres", "My rating", "My status")


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(0, len(COLUMNS), window)
    model.setHorizontalHeaderLabels(list(COLUMNS))
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1200, 760)  # the size Showshelf's window opens at the first time
    FirstPaintProbe(table.viewport())
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
