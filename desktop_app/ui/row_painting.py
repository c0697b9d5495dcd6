"""The series list's plain rows painted in one Python pass per repaint, as Qt's table paints them.

Why: QTableView paints every cell through its delegate and style, which costs seven data()
calls into Python and a QTextLayout (with elision) per cell: about 30 µs a cell here. A
scroll step or a jump repaints some 150 cells, so that was ~5 ms of every such frame. The list's
cells are single lines of plain text at a fixed row height, so `RowPainter` draws what the style
would draw for them with one QPainter: the alternate row colour, the text elided to the same
rectangle and centred the same way, and the grid. Rows that are selected or current still go
through Qt's own delegate, a cell at a time, so the selection and the focus frame look exactly
as the style makes them. tests/desktop_app/ui/test_row_painting.py compares the two pixel by
pixel.

Only left-to-right layouts in the styles it is tested against take this path; a right-to-left
layout or another style (one a platform theme brings, which may draw hovered rows or round
selections) is left to Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView, QWidget

# A row's cell texts by column, or None while the row cannot be read.
RowTexts = Callable[[int], Sequence[str] | None]
# Elided texts remembered per (text, width): scrolling a row at a time redraws the same cells.
MAX_CACHED_TEXTS = 4096
GRID_SIZE = 1  # QTableView's grid line is one pixel, right of and below each cell
# Styles (QStyle.name()) whose item-view painting this reproduces, pixel for pixel.
PAINTED_STYLES = ("fusion", "windows")


class RowPainter:
    """Paints a QTableView's viewport: plain rows itself, selected and current rows through Qt."""

    def __init__(self, view: QTableView, texts: RowTexts) -> None:
        self._view = view
        self._texts = texts
        self._elided: dict[tuple[str, int], str] = {}
        self._font_key = view.font().key()
        self._metrics = QFontMetricsF(view.font(), view.viewport())

    def paint(self, event: QPaintEvent) -> bool:
        """Paint the dirty part of the viewport; False (nothing painted) when Qt should."""
        view = self._view
        style = view.style()
        if view.layoutDirection() != Qt.LayoutDirection.LeftToRight \
                or style.name() not in PAINTED_STYLES:
            return False
        viewport = view.viewport()
        dirty = event.rect()
        rows = view.verticalHeader()
        first = rows.visualIndexAt(dirty.top())
        if first < 0:
            return True  # below the last row: the viewport's own background is all there is
        last = rows.visualIndexAt(dirty.bottom())
        if last < 0:
            last = rows.count() - 1
        columns = self._columns(dirty)
        font = view.font()
        if font.key() != self._font_key:
            self._font_key = font.key()
            self._elided.clear()
            self._metrics = QFontMetricsF(font, viewport)
        metrics = self._metrics
        ascent = metrics.ascent()
        margin = text_margin(view)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)  # type: ignore[attr-defined]  # protected in C++
        palette = view.palette()
        group = _colour_group(option)
        alternate = palette.brush(group, QPalette.ColorRole.AlternateBase)
        text_colour = palette.color(group, QPalette.ColorRole.Text)
        show_grid = view.showGrid()
        grid = GRID_SIZE if show_grid else 0
        alternating = view.alternatingRowColors()
        special = self._special_rows()
        # Where the table's cells end: the grid is not drawn past the last row or column.
        table_right = view.horizontalHeader().length() - view.horizontalHeader().offset() - 1
        table_bottom = rows.length() - rows.offset() - 1
        painter = QPainter(viewport)
        try:
            painter.setPen(text_colour)
            for row in range(first, last + 1):
                top = rows.sectionViewportPosition(row)
                height = rows.sectionSize(row) - grid
                if row in special:
                    self._paint_through_qt(painter, option, row, top, height, columns, grid,
                                           alternate_row=alternating and row % 2 == 1)
                    painter.setPen(text_colour)
                    continue
                if alternating and row % 2:
                    for left, width, _ in columns:
                        painter.fillRect(left, top, width - grid, height, alternate)
                texts = self._texts(row)
                if texts is None:
                    continue
                baseline = text_line_top(metrics, top, height) + ascent
                for left, width, column in columns:
                    text = texts[column]
                    if text:
                        room = width - grid - 2 * margin
                        painter.drawText(QPointF(left + margin, baseline),
                                         self._fitted(text, room))
            if show_grid:
                painter.setPen(self._grid_pen(option))
                right = min(dirty.right(), table_right)
                bottom = min(dirty.bottom(), table_bottom)
                for row in range(first, last + 1):
                    y = rows.sectionViewportPosition(row) + rows.sectionSize(row) - grid
                    painter.drawLine(dirty.left(), y, right, y)
                for left, width, _ in columns:
                    painter.drawLine(left + width - grid, dirty.top(), left + width - grid, bottom)
        finally:
            painter.end()
        return True

    def _columns(self, dirty: QRect) -> list[tuple[int, int, int]]:
        """(viewport x, width, logical column) of each shown column that meets `dirty`."""
        header = self._view.horizontalHeader()
        found = []
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            left, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if left + width > dirty.left() and left <= dirty.right():
                found.append((left, width, column))
        return found

    def _special_rows(self) -> set[int]:
        """Rows Qt paints: the selected ones and the current one."""
        view = self._view
        rows = {index.row() for index in view.selectionModel().selectedIndexes()}
        current = view.currentIndex()
        if current.isValid():
            rows.add(current.row())
        return rows

    def _paint_through_qt(self, painter: QPainter, option: QStyleOptionViewItem, row: int,
                          top: int, height: int, columns: list[tuple[int, int, int]],
                          grid: int, *, alternate_row: bool) -> None:
        """One row cell by cell as QTableView does (QTableViewPrivate::drawCell)."""
        view = self._view
        model, selection, style = view.model(), view.selectionModel(), view.style()
        current = view.currentIndex()
        has_focus = view.hasFocus() or view.viewport().hasFocus()
        delegate = view.itemDelegate()
        for left, width, column in columns:
            index = model.index(row, column)
            cell = QStyleOptionViewItem(option)
            cell.rect = QRect(left, top, width - grid, height)
            if alternate_row:
                cell.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
            if selection.isSelected(index):
                cell.state |= QStyle.StateFlag.State_Selected
            if has_focus and index == current:
                cell.state |= QStyle.StateFlag.State_HasFocus
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, cell, painter, view)
            delegate.paint(painter, cell, index)

    def _fitted(self, text: str, room: int) -> str:
        """`text` as the style shows it in `room` pixels: elided on the right if it is longer."""
        key = (text, room)
        shown = self._elided.get(key)
        if shown is None:
            metrics = self._metrics  # exact widths: a rounded one elides too late or too soon
            shown = text
            if metrics.horizontalAdvance(text) > room:
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            if len(self._elided) >= MAX_CACHED_TEXTS:
                self._elided.clear()
            self._elided[key] = shown
        return shown

    def _grid_pen(self, option: QStyleOptionViewItem) -> QPen:
        view = self._view
        hint = view.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
        return QPen(QColor.fromRgba(hint & 0xFFFFFFFF), 1, view.gridStyle())


def text_margin(view: QWidget) -> int:
    """Pixels the style leaves between an item view cell's edge and its text, on each side."""
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def text_line_top(metrics: QFontMetricsF, cell_top: int, cell_height: int) -> int:
    """Where a cell's line of text begins, as the style places it: exact (fractional)
    metrics, the line's height rounded up, and the centring of QStyle::alignedRect (two
    integer halves)."""
    return cell_top + cell_height // 2 - math.ceil(metrics.height()) // 2


def _colour_group(option: QStyleOptionViewItem) -> QPalette.ColorGroup:
    """The palette group the style paints an item view's cells in (QCommonStyle). A view's
    option is not State_Active while the view lacks the focus (initViewItemOption), so an
    unfocused list is painted in the inactive colours even in the active window."""
    if not option.state & QStyle.StateFlag.State_Enabled:
        return QPalette.ColorGroup.Disabled
    if not option.state & QStyle.StateFlag.State_Active:
        return QPalette.ColorGroup.Inactive
    return QPalette.ColorGroup.Active
