"""Matched words of the current search painted as marks: in list cells and in page documents.

Which words matched comes from db.search.highlight (`spans_in`: the search's positive terms
found in a text, folded the way the index folds it); this module only paints them.
- `HighlightDelegate` paints the spans behind the text of chosen columns of an item view.
- `DocumentHighlighter` marks them in a QTextDocument (the detail pages' HTML, escaped when
  it was built: formats are applied to the laid-out text, never to markup).
Both do nothing (and cost nothing) while there are no terms.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.search import Term, spans_in

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


class HighlightDelegate(QStyledItemDelegate):
    """Paints the current search's matches in some columns of a view.

    `columns` maps a view column to the index column its text belongs to ("title",
    "network", "genre"…, or None for any term), so `cast:king` does not mark "King" in a title.
    """

    def __init__(self, columns: dict[int, str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._terms: list[Term] = []
        self._spans: dict[tuple[int, str], Spans] = {}

    def set_terms(self, terms: Sequence[Term]) -> None:
        self._terms = list(terms)
        self._spans.clear()

    def terms(self) -> list[Term]:
        return list(self._terms)

    def spans(self, column: int, text: str) -> Spans:
        """The marked spans of `text` shown in view column `column`."""
        if not self._terms or column not in self.columns or not text:
            return ()
        key = (column, text)
        found = self._spans.get(key)
        if found is None:
            if len(self._spans) >= MAX_CACHED_CELLS:
                self._spans.clear()
            found = self._spans[key] = spans_in(text, self._terms, self.columns[column])
        return found

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
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        self._paint_marked_text(painter, item, rect, full_text, spans)

    def _paint_marked_text(self, painter: QPainter, item: QStyleOptionViewItem, rect: QRect,
                           text: str, spans: Spans) -> None:
        metrics = item.fontMetrics
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        # Eliding keeps a prefix of the text (plus "…"): marks past the cut are not drawn.
        kept = len(shown) - 1 if shown != text and shown.endswith("…") else len(shown)
        painter.save()
        painter.setClipRect(rect)
        painter.setFont(item.font)
        top, height = rect.top() + (rect.height() - metrics.height()) // 2, metrics.height()
        for start, end in spans:
            if start >= kept:
                break
            left = rect.left() + metrics.horizontalAdvance(shown[:start])
            width = metrics.horizontalAdvance(shown[start:min(end, kept)])
            painter.fillRect(QRect(left, top, width, height), MARK_COLOUR)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        group = (QPalette.ColorGroup.Normal if item.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        painter.setPen(item.palette.color(group, role))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         shown)
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
        for start, end in spans_in(text, self._terms):
            self.setFormat(start, end - start, self._format)
