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
    if bytes(first.constBits()) == bytes(second.constBits()):
        return 0
    width = first.width()
    count = 0
    for y in range(first.height()):
        for x in range(width):
            if first.pixel(x, y) != second.pixel(x, y):
                count += 1
    return count


def assert_same_as_qt(table: SeriesTable, tmp_path: Path) -> None:
    """Pixel for pixel: both paintings go through the same font engine and rasteriser, so
    any pixel that differs is a real difference (text a pixel off, elided at another width,
    a colour from another palette group), some of which change only ~90 pixels."""
    by_qt = painted(table, fast=False)
    ours = painted(table, fast=True)
    differing = differing_pixels(by_qt, ours)
    if differing:
        by_qt.save(str(tmp_path / "qt.png"))
        ours.save(str(tmp_path / "ours.png"))
        pytest.fail(f"{differing} pixels differ from Qt's painting (see {tmp_path})")


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


def unfocused_with_distinct_inactive_colours(table: SeriesTable) -> None:
    palette = table.palette()
    for role, colour in ((QPalette.ColorRole.Text, "#7a1f1f"),
                         (QPalette.ColorRole.AlternateBase, "#dde8f5")):
        palette.setColor(QPalette.ColorGroup.Inactive, role, QColor(colour))
    table.setPalette(palette)
    table.select_row(1)
    table.clearFocus()  # the window is active, the list is not: Qt paints it inactive


SETUPS = {
    "selected row with focus": select(2),
    "narrow, hidden and moved columns": narrow_hidden_and_moved_columns,
    "scrolled by pixels": scrolled_by_pixels,
    "current row not selected": current_row_not_selected,
    "disabled": disabled,
    "no grid, bigger text": no_grid_and_bigger_text,
    "dark palette": dark_palette,
    "unfocused, distinct inactive colours": unfocused_with_distinct_inactive_colours,
}


@pytest.mark.parametrize("style", ["Fusion", "Windows"])
@pytest.mark.parametrize("setup", SETUPS.values(), ids=SETUPS.keys())
def test_rows_look_as_qt_paints_them(table: SeriesTable, painter_results: list[bool],
                                     tmp_path: Path, setup: Callable[[SeriesTable], None],
                                     style: str) -> None:
    table.setStyle(QStyleFactory.create(style))
    setup(table)
    assert_same_as_qt(table, tmp_path)
    assert painter_results and all(painter_results)  # it painted each time, not Qt


@pytest.mark.parametrize("scale", [0.9, 1.1, 1.3, 1.5, 1.6, 2.0])
def test_text_sits_where_qt_puts_it_at_every_zoom(table: SeriesTable,
                                                  painter_results: list[bool],
                                                  tmp_path: Path, scale: float) -> None:
    # Row heights follow the font (SeriesTable._follow_font); the text's vertical place
    # comes from fractional metrics, which round differently from size to size.
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    table.setFont(font)
    table.select_row(2)
    assert_same_as_qt(table, tmp_path)
    assert painter_results and all(painter_results)


def test_titles_are_elided_at_the_same_widths_as_qt_elides_them(
        table: SeriesTable, painter_results: list[bool], tmp_path: Path) -> None:
    # Qt elides on exact text widths: a title a fraction of a pixel too wide is elided.
    for width in range(40, 130):
        table.setColumnWidth(SeriesColumn.TITLE, width)
        assert_same_as_qt(table, tmp_path)


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
