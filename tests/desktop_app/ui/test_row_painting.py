"""RowPainter paints the series list exactly as Qt's own table painting does, pixel for pixel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QCommonStyle, QStyleFactory
from pytestqt.qtbot import QtBot

from db.database import close_library, open_library
from db.queries import SeriesListView
from desktop_app.ui import row_painting
from desktop_app.ui.series_list import SeriesTable
from desktop_app.ui.series_model import SeriesColumn, SeriesTableModel
from tests.browser_library import create_browser_library

# Glyph edges may round differently on some font set-ups; a shifted row or a wrong colour
# changes thousands of pixels, far more than this share of the viewport.
MAX_DIFFERING_SHARE = 0.001


@pytest.fixture
def table(qtbot: QtBot, tmp_path: Path, mini_library_document: dict[str, Any]
          ) -> Iterator[SeriesTable]:
    open_library(create_browser_library(tmp_path / "browser.sqlite", mini_library_document))
    view = SeriesTable(SeriesTableModel(SeriesListView()))
    qtbot.addWidget(view)
    view.resize(460, 150)  # six rows do not fit: the last one is cut off
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.close()
    close_library()


@pytest.fixture
def painter_results(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What each RowPainter.paint returned (True: it painted, False: it left it to Qt)."""
    results: list[bool] = []
    paint = row_painting.RowPainter.paint

    def recorded(self: row_painting.RowPainter, event: Any) -> bool:
        results.append(paint(self, event))
        return results[-1]

    monkeypatch.setattr(row_painting.RowPainter, "paint", recorded)
    return results


def painted(table: SeriesTable, *, fast: bool) -> QImage:
    table.set_fast_painting(fast)
    return table.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def differing_pixels(first: QImage, second: QImage) -> int:
    assert first.size() == second.size()
    width = first.width()
    count = 0
    for y in range(first.height()):
        for x in range(width):
            if first.pixel(x, y) != second.pixel(x, y):
                count += 1
    return count


def select(row: int) -> Callable[[SeriesTable], None]:
    def setup(table: SeriesTable) -> None:
        table.select_row(row)
        table.setFocus()
    return setup


def narrow_hidden_and_moved_columns(table: SeriesTable) -> None:
    table.select_row(1)
    table.setColumnWidth(SeriesColumn.TITLE, 70)  # titles elided
    table.setColumnHidden(SeriesColumn.YEARS, True)
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(SeriesColumn.NETWORK), 0)
    table.horizontalScrollBar().setValue(23)


def scrolled_by_pixels(table: SeriesTable) -> None:
    table.select_row(0)
    table.verticalScrollBar().setValue(9)  # the top row is cut off too


def current_row_not_selected(table: SeriesTable) -> None:
    table.select_row(3)
    table.selectionModel().select(table.currentIndex(),
                                  QItemSelectionModel.SelectionFlag.Clear)
    table.setFocus()


def disabled(table: SeriesTable) -> None:
    table.select_row(2)
    table.setEnabled(False)


def no_grid_and_bigger_text(table: SeriesTable) -> None:
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    table.setFont(font)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setShowGrid(False)
    table.setAlternatingRowColors(False)
    table.select_row(4)


def dark_palette(table: SeriesTable) -> None:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
                         (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.Window, "#303030"),
                         (QPalette.ColorRole.Highlight, "#3d6fb0")):
        palette.setColor(role, QColor(colour))
    table.setPalette(palette)
    table.select_row(1)


SETUPS = {
    "selected row with focus": select(2),
    "narrow, hidden and moved columns": narrow_hidden_and_moved_columns,
    "scrolled by pixels": scrolled_by_pixels,
    "current row not selected": current_row_not_selected,
    "disabled": disabled,
    "no grid, bigger text": no_grid_and_bigger_text,
    "dark palette": dark_palette,
}


@pytest.mark.parametrize("style", ["Fusion", "Windows"])
@pytest.mark.parametrize("setup", SETUPS.values(), ids=SETUPS.keys())
def test_rows_look_as_qt_paints_them(table: SeriesTable, painter_results: list[bool],
                                     tmp_path: Path, setup: Callable[[SeriesTable], None],
                                     style: str) -> None:
    table.setStyle(QStyleFactory.create(style))
    setup(table)
    by_qt = painted(table, fast=False)
    assert painter_results == []
    ours = painted(table, fast=True)
    assert painter_results and all(painter_results)  # it painted, Qt did not
    differing = differing_pixels(by_qt, ours)
    if differing > MAX_DIFFERING_SHARE * by_qt.width() * by_qt.height():
        by_qt.save(str(tmp_path / "qt.png"))
        ours.save(str(tmp_path / "ours.png"))
        pytest.fail(f"{differing} pixels differ from Qt's painting (see {tmp_path})")


def right_to_left(table: SeriesTable) -> None:
    table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)


def another_style(table: SeriesTable) -> None:
    table.setStyle(QCommonStyle())  # a style it was not checked against (nameless here)


@pytest.mark.parametrize("setup", [right_to_left, another_style])
def test_what_it_does_not_know_is_left_to_qt(table: SeriesTable, painter_results: list[bool],
                                            setup: Callable[[SeriesTable], None]) -> None:
    setup(table)
    table.select_row(1)
    by_qt = painted(table, fast=False)
    ours = painted(table, fast=True)
    assert painter_results and not any(painter_results)
    assert differing_pixels(by_qt, ours) == 0


def test_the_list_paints_its_own_rows_once_the_window_is_up(table: SeriesTable,
                                                          painter_results: list[bool],
                                                          qtbot: QtBot) -> None:
    table.set_fast_painting(False)
    table.finish_setup()
    table.viewport().repaint()
    assert painter_results == [True]
