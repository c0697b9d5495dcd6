"""Small building blocks shared by the series and person pages.

Every string from the library reaches the screen as plain text: labels are created with
Qt.PlainText (Qt's auto-detection would treat a title starting with a tag as HTML), and the
few rich-text labels (links) escape every piece of data with html.escape first.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

# Verdict badge colours: saturated enough to read white text on, in light and dark palettes.
VERDICT_COLOURS = {"positive": "#2e7d32", "mixed": "#a15c00", "negative": "#c62828"}
# Internal link schemes used by link labels: "person:12", "series:3".
PERSON_LINK = "person"
SERIES_LINK = "series"


def plain_label(text: str = "", *, wrap: bool = True, object_name: str | None = None) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if object_name:
        label.setObjectName(object_name)
    return label


def link_label(links: Iterable[tuple[str, str]], separator: str = ", ") -> QLabel:
    """A label of links [(text, href)]; the texts are escaped, the hrefs are ours."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)  # every link goes through the page's own handler
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.setText(separator.join(f'<a href="{html.escape(href)}">{html.escape(text)}</a>'
                                 for text, href in links))
    return label


def internal_link(kind: str, item_id: int) -> str:
    return f"{kind}:{item_id}"


def parse_internal_link(href: str) -> tuple[str, int] | None:
    kind, _, number = href.partition(":")
    if kind in (PERSON_LINK, SERIES_LINK) and number.isdigit():
        return kind, int(number)
    return None


def open_external(url: str) -> bool:
    """Open a web link in the system browser; anything but http(s) is refused."""
    target = QUrl(url)
    if target.scheme() not in ("http", "https"):
        return False
    return QDesktopServices.openUrl(target)


def heading(text: str) -> QLabel:
    label = plain_label(text, wrap=False)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


def verdict_badge(verdict: str) -> QLabel:
    badge = plain_label(verdict.capitalize(), wrap=False, object_name=f"verdict-{verdict}")
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    badge.setStyleSheet(f"QLabel {{ background: {VERDICT_COLOURS.get(verdict, '#555')}; "
                        "color: white; border-radius: 4px; padding: 1px 8px; "
                        "font-weight: bold; }")
    badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return badge


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout in `layout`."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class FittedTable(QTableWidget):
    """A read-only table as tall as its rows (the page scrolls, not the table); rows wrap."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Row heights depend on column widths, which settle only after layout: refit once the
        # header has resized its sections, coalescing the burst of signals into one refit.
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit)
        header.sectionResized.connect(lambda *_: self._fit_timer.start())

    def set_rows(self, rows: list[list[str]], column_widths: list[int]) -> None:
        self.clearContents()
        self.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)  # items show text as text, never as HTML
                item.setToolTip(value)
                self.setItem(row, column, item)
        for column, width in enumerate(column_widths):
            self.setColumnWidth(column, width)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def _fit(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)
