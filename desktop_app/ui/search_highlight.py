"""Matched words of the current search painted as marks: in list cells and in page documents.

Which words matched comes from db.search.highlight (`spans_in`: the search's positive terms
found in a text, folded the way the index folds it); this module only paints them.
- `ListMarks` paints them over the series list's cells once the view has painted (a
  highlighter pen's translucent strokes): one Python pass per paint instead of a Python
  delegate call per cell, which cost the list's repaint ~10 ms (≈80 µs a cell).
- `HighlightDelegate` paints the spans behind the text of a small table (the cast table),
  wrapping it as the table would.
- `DocumentHighlighter` marks them in a QTextDocument (the detail pages' HTML, escaped when
  it was built: formats are applied to the laid-out text, never to markup), leaving the
  page's own wording alone: headings, table headers, "Genres:"-style labels.
Both do nothing (and cost nothing) while there are no terms.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFragment,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from db.search import Term, spans_in
from desktop_app.ui.row_painting import text_line_top, text_margin

Spans = tuple[tuple[int, int], ...]

# A warm translucent mark: readable over light and dark bases and over a selection colour.
MARK_COLOUR = QColor(255, 196, 0, 120)
# Spans remembered per (column, text): a repaint asks for the same cells again and again; the
# cache is dropped with every new search and bounded so scrolling far cannot grow it forever.
MAX_CACHED_CELLS = 2000


def mark_format() -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setBackground(MARK_COLOUR)
    return text_format


class SpanCache:
    """The spans of the current terms in cell texts, per (column, text)."""

    def __init__(self, columns: dict[int, str | None]) -> None:
        self.columns = columns
        self.terms: list[Term] = []
        self._spans: dict[tuple[int, str], Spans] = {}

    def set_terms(self, terms: Sequence[Term]) -> None:
        self.terms = list(terms)
        self._spans.clear()

    def spans(self, column: int, text: str) -> Spans:
        if not self.terms or column not in self.columns or not text:
            return ()
        key = (column, text)
        found = self._spans.get(key)
        if found is None:
            if len(self._spans) >= MAX_CACHED_CELLS:
                self._spans.clear()
            found = self._spans[key] = spans_in(text, self.terms, self.columns[column])
        return found


class ListMarks(QObject):
    """Marks the current search's words in some columns of a table, over what it painted.

    `columns` maps a view column to the index column its text belongs to ("title",
    "network", "genre"…), so `cast:king` does not mark "King" in a title. Watches the
    viewport's paint events only while there are terms.
    """

    def __init__(self, view: QTableView, columns: dict[int, str | None],
                 cell_text: Callable[[int, int], str | None] | None = None) -> None:
        """`cell_text(row, column)` reads a cell's text faster than the model's data() can;
        by default the model is asked."""
        super().__init__(view)
        self.view = view
        self._cache = SpanCache(columns)
        self._cell_text = cell_text or self._model_text
        # Mark rectangles (x offset, width) per (column, text, cell width, font): repaints
        # ask for the same cells again and again.
        self._geometry: dict[tuple[int, str, int, str], list[tuple[float, float]]] = {}
        self._watching = False

    def set_terms(self, terms: Sequence[Term]) -> None:
        self._cache.set_terms(terms)
        self._geometry.clear()
        watch = bool(self._cache.terms)
        if watch != self._watching:
            self._watching = watch
            viewport = self.view.viewport()
            if watch:
                viewport.installEventFilter(self)
            else:
                viewport.removeEventFilter(self)
        self.view.viewport().update()

    def terms(self) -> list[Term]:
        return list(self._cache.terms)

    def spans(self, column: int, text: str) -> Spans:
        """The marked spans of `text` shown in view column `column`."""
        return self._cache.spans(column, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or watched is not self.view.viewport():
            return False
        self.view.viewportEvent(event)  # the table paints itself first, as it would have
        self._paint_marks()
        return True

    def _model_text(self, row: int, column: int) -> str | None:
        text = self.view.model().index(row, column).data()
        return text if isinstance(text, str) else None

    def _paint_marks(self) -> None:
        view = self.view
        viewport = view.viewport()
        first = view.rowAt(0)
        if first < 0:
            return
        last = view.rowAt(viewport.height() - 1)
        last = view.model().rowCount() - 1 if last < 0 else last
        # Exact metrics and the list's own text placement (row_painting): marks sit on the
        # text, elided where the text is elided, at every font size.
        metrics = QFontMetricsF(view.font(), viewport)
        font_key = view.font().key()
        margin = text_margin(view)
        height = math.ceil(metrics.height())
        grid = 1 if view.showGrid() else 0
        painter = QPainter(viewport)
        try:
            for column in self._cache.columns:
                if view.isColumnHidden(column):
                    continue
                # The text rectangle a table item's text is drawn (and elided) in: the cell
                # less its grid line, less the style's text margins.
                left = view.columnViewportPosition(column) + margin
                width = view.columnWidth(column) - grid - 2 * margin
                for row in range(first, last + 1):
                    text = self._cell_text(row, column)
                    if not text:
                        continue
                    spans = self._cache.spans(column, text)
                    if not spans:
                        continue
                    key = (column, text, width, font_key)
                    marks = self._geometry.get(key)
                    if marks is None:
                        if len(self._geometry) >= MAX_CACHED_CELLS:
                            self._geometry.clear()
                        marks = self._geometry[key] = _mark_offsets(metrics, width, text, spans)
                    top = text_line_top(metrics, view.rowViewportPosition(row),
                                        view.rowHeight(row) - grid)
                    for offset, mark_width in marks:
                        painter.fillRect(QRectF(left + offset, top, mark_width, height),
                                         MARK_COLOUR)
        finally:
            painter.end()


def _mark_offsets(metrics: QFontMetricsF, width: int, text: str, spans: Spans
                  ) -> list[tuple[float, float]]:
    """(x offset, width) of each span of `text` as a view draws it `width` wide (elided)."""
    shown = text
    if metrics.horizontalAdvance(text) > width:
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    # Eliding keeps a prefix of the text (plus "…"): marks past the cut are not drawn.
    kept = len(shown) - 1 if shown != text and shown.endswith("…") else len(shown)
    marks = []
    for start, end in spans:
        if start >= kept:
            break
        offset = metrics.horizontalAdvance(shown[:start])
        mark_width = min(metrics.horizontalAdvance(shown[start:min(end, kept)]), width - offset)
        if mark_width > 0:
            marks.append((offset, mark_width))
    return marks


class HighlightDelegate(QStyledItemDelegate):
    """Paints the current search's matches in some columns of a view.

    `columns` maps a view column to the index column its text belongs to ("title",
    "network", "genre"…, or None for any term), so `cast:king` does not mark "King" in a title.
    """

    def __init__(self, columns: dict[int, str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache = SpanCache(columns)

    def set_terms(self, terms: Sequence[Term]) -> None:
        self._cache.set_terms(terms)

    def terms(self) -> list[Term]:
        return list(self._cache.terms)

    def spans(self, column: int, text: str) -> Spans:
        """The marked spans of `text` shown in view column `column`."""
        return self._cache.spans(column, text)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        spans = self.spans(index.column(), text) if isinstance(text, str) else ()
        if not spans:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        full_text = item.text
        item.text = ""  # the style paints background, focus and selection; we paint the text
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        margin = text_margin(widget)
        rect = rect.adjusted(margin, 0, -margin, 0)
        self._paint_marked_text(painter, item, rect, full_text, spans)

    def _paint_marked_text(self, painter: QPainter, item: QStyleOptionViewItem, rect: QRect,
                           text: str, spans: Spans) -> None:
        """The text as the view would draw it (wrapped when the view wraps), marks behind."""
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(item.font)
        wraps = bool(item.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
        shown = text if wraps else item.fontMetrics.elidedText(
            text, Qt.TextElideMode.ElideRight, rect.width())
        document.setPlainText(shown)
        if wraps:
            document.setTextWidth(rect.width())
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        group = (QPalette.ColorGroup.Normal if item.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        colour = QTextCharFormat()
        colour.setForeground(item.palette.color(group, role))
        cursor.mergeCharFormat(colour)
        # Eliding keeps a prefix of the text (plus "…"): marks past the cut are not drawn.
        kept = len(shown) - 1 if shown != text and shown.endswith("…") else len(shown)
        mark = mark_format()
        for start, end in spans:
            if start >= kept:
                break
            cursor.setPosition(start)
            cursor.setPosition(min(end, kept), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)
        painter.save()
        top = rect.top() + max(0, (rect.height() - round(document.size().height())) // 2)
        painter.translate(rect.left(), top)
        painter.setClipRect(QRect(0, 0, rect.width(), rect.bottom() - top + 1))
        document.drawContents(painter)
        painter.restore()


class DocumentHighlighter(QSyntaxHighlighter):
    """Marks the current search's words in one document; detached while there are none."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document.parent() if document.parent() is not None else document)
        self._target = document
        self._terms: list[Term] = []
        self._format = mark_format()

    def set_terms(self, terms: Sequence[Term]) -> None:
        terms = list(terms)
        if terms == self._terms:
            return
        self._terms = terms
        if not terms:
            self.setDocument(None)  # clears the marks; pages then lay out with no highlighter
        elif self.document() is None:
            self.setDocument(self._target)  # highlights the whole document
        else:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        if is_page_heading(block):
            return
        wording = page_wording_ranges(block)
        for start, end in spans_in(text, self._terms):
            if not any(start < wording_end and wording_start < end
                       for wording_start, wording_end in wording):
                self.setFormat(start, end - start, self._format)


# Labels after which the rest of the line is the page's own wording too: the kinds of
# record a source supports and the names of the fields it states.
LABELS_OF_WORDING = ("Supports:", "States:")
LINE_BREAK = "\u2028"  # a <br> inside a paragraph


def is_page_heading(block: QTextBlock) -> bool:
    """A block that is all the page's own wording: a section heading ("Cast", "Synopsis"),
    a table's header row, or the field name opening a row ("Fact" column). Level 1 is kept:
    it is the series' or person's name."""
    if block.blockFormat().headingLevel() >= 2:
        return True
    if not block.document().rootFrame().childFrames():
        return False  # no tables: the common page, checked cheaply
    table = QTextCursor(block).currentTable()
    if table is None:
        return False
    cell = table.cellAt(block.position())
    if cell.row() == 0:
        return True
    # A first column that is not links names what the row is about (a field label);
    # the cast's first column links to people and stays markable.
    return cell.column() == 0 and not _has_link(block)


def _has_link(block: QTextBlock) -> bool:
    return any(fragment.charFormat().isAnchor() for fragment in _fragments(block))


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragments.append(iterator.fragment())
        iterator += 1
    return fragments


def page_wording_ranges(block: QTextBlock) -> list[tuple[int, int]]:
    """Ranges (in the block) of the labels the pages put before values: "Genres:",
    "Praised:", "Won:", "Casting:"…

    detail_html.py starts a line with a label written in its own format (muted, bold or
    plain before a bold title) ending at a colon; library values there are plain text or
    links. So a line's first fragment is a label when it is not a link and the colon ends it
    or starts the next fragment: found from the formats, without the page builder marking
    its labels. A value that merely contains a colon ("Note: …" in a synopsis) is one
    fragment with the colon inside, and stays markable.
    """
    fragments = _fragments(block)
    base = block.position()
    ranges: list[tuple[int, int]] = []
    line_start = True
    for index, fragment in enumerate(fragments):
        text = fragment.text()
        if line_start and not fragment.charFormat().isAnchor():
            following = fragments[index + 1].text() if index + 1 < len(fragments) else ""
            if text.rstrip().endswith(":") or (following.startswith(":")
                                               and LINE_BREAK not in text):
                start = fragment.position() - base
                end = start + fragment.length()
                if text.strip() in LABELS_OF_WORDING:
                    line_end = _line_end(fragments, index + 1)
                    end = (line_end - base) if line_end is not None else block.length()
                ranges.append((start, end))
        line_start = text.endswith(LINE_BREAK)
    return ranges


def _line_end(fragments: list[QTextFragment], first: int) -> int | None:
    """The document position of the line break ending the line, from fragment `first` on."""
    for fragment in fragments[first:]:
        position = fragment.text().find(LINE_BREAK)
        if position >= 0:
            return fragment.position() + position
    return None
