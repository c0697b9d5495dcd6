"""What the series and person pages share: a read-only document view whose links we route.

The document is HTML made by detail_html.py with every library string escaped. The browser
never follows a link itself: internal links ("person:12", "series:3", "search:0") become
signals, and web links open in the system browser through QDesktopServices.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

INTERNAL_SCHEMES = ("person", "series", "search")
# Space around a page document's text, in pixels; tables beside the documents line up with it.
DOCUMENT_MARGIN = 14
FOCUS_BAR_WIDTH = 3  # pixels: the bar down a page's left edge while it has the focus
# The share of a narrow table that columns with a set width may take together; the last
# column (the one that stretches, a description) keeps the rest.
SET_COLUMNS_SHARE = 0.6


def open_external(url: str) -> bool:
    """Open a web link in the system browser; anything but http(s) is refused."""
    target = QUrl(url)
    if target.scheme() not in ("http", "https"):
        return False
    return QDesktopServices.openUrl(target)


class DetailView(QTextBrowser):
    """A page's document. Emits linkRequested(kind, number) for our own links."""

    linkRequested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.anchorClicked.connect(self._anchor_clicked)

    def muted_colour(self) -> str:
        """Secondary text colour from the current palette, so dark mode stays readable: the
        text colour taken 40% of the way to the background (the palette's PlaceholderText
        is often the text colour with alpha, which HTML colours cannot carry)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        mixed = QColor(*(round(t + (b - t) * 0.4) for t, b in
                         ((text.red(), base.red()), (text.green(), base.green()),
                          (text.blue(), base.blue()))))
        return mixed.name()

    def _anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        kind, _, number = text.partition(":")
        if kind in INTERNAL_SCHEMES:
            if number.isdigit():
                self.linkRequested.emit(kind, int(number))
            return
        open_external(text)


class DetailPage(QScrollArea):
    """A page that scrolls as a whole: its content widgets, then an empty `note_area` for the
    personal-note editor (the notes part of the window fills it)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName(f"{object_name}Body")
        # One background for the whole page: the documents' base colour, also behind the
        # tables' margins, the back button and the note editor.
        body.setBackgroundRole(QPalette.ColorRole.Base)
        body.setAutoFillBackground(True)
        self.setWidget(body)
        self.page_layout = QVBoxLayout(body)
        self.page_layout.setContentsMargins(0, 0, 0, 12)
        self.page_layout.setSpacing(0)
        self.note_area = QWidget(body)
        self.note_area.setObjectName(f"{object_name}NoteArea")
        self.note_area_layout = QVBoxLayout(self.note_area)
        self.note_area_layout.setContentsMargins(DOCUMENT_MARGIN, 8, DOCUMENT_MARGIN, 0)
        self.page_layout.addWidget(self.note_area)
        self.page_layout.addStretch(1)
        # A page's documents draw no focus frame, so after Enter opens a page nothing showed
        # where the keyboard was: a bar in the highlight colour down the page's left edge
        # shows while the focus is anywhere in the page. A child of the scroll area, not of
        # the body, so it stays put as the page scrolls.
        self.focus_bar = QWidget(self)
        self.focus_bar.setObjectName(f"{object_name}FocusBar")
        self.focus_bar.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.focus_bar.setAutoFillBackground(True)
        self.focus_bar.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def settle_layout(self) -> None:
        """Lay the new content out now, so the next paint is the only one.

        Left to the event loop, the page paints once with the old body height, then the scroll
        area resizes the body and everything is painted a second time.
        """
        # Each pass can post the next: inner layouts (note area), the body's, then the
        # scroll area's resize of the body, then a table's refit to its new width. A pass with
        # nothing posted costs nothing.
        tables = self.widget().findChildren(FittedTable)  # one walk of the page, not four
        for _ in range(4):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            for table in tables:
                table.fit_now()
        # The scroll bars follow the new height through a queued call; delivered now, it does
        # not come after the paint and repaint the page's edges.
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def has_focus_within(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def _follow_focus(self, _old: QWidget | None, _new: QWidget | None) -> None:
        inside = self.has_focus_within()
        if inside:
            self._place_focus_bar()
            self.focus_bar.raise_()
        self.focus_bar.setVisible(inside)

    def _place_focus_bar(self) -> None:
        self.focus_bar.setGeometry(0, 0, FOCUS_BAR_WIDTH, self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_focus_bar()

    def add_content(self, widget: QWidget) -> None:
        """Add a content widget after the ones before it, above the note area."""
        self.page_layout.insertWidget(self.page_layout.indexOf(self.note_area), widget)

    def views(self) -> list[DetailView]:
        return self.widget().findChildren(DetailView)

    def plain_text(self) -> str:
        return "\n".join(view.toPlainText() for view in self.views())


class FittedView(DetailView):
    """A document as tall as its text, for pages that scroll as a whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_page_html(self, text: str) -> None:
        self.setHtml(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # nothing to scroll in here: let the page scroll

    def _fit(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        self.setFixedHeight(math.ceil(document.size().height()) + 2 * self.frameWidth())


class FittedTable(QTableWidget):
    """A read-only table as tall as its rows (the page scrolls, not the table); text wraps."""

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
        # Row heights follow column widths, which settle only after layout: refit once the
        # header has resized its sections, one refit for a burst of signals.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit)
        header.sectionResized.connect(self._fit_timer.start)
        header.sectionResized.connect(self._note_user_width)
        self._column_widths: list[int] = []
        self._setting_widths = False
        self._user_sized = False  # a set column was resized by hand: its width stays

    def set_rows(self, rows: list[list[str]], column_widths: list[int]) -> None:
        """Show `rows`; the first columns get `column_widths` (less in a narrow table)."""
        self.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)  # items show text as text, never as HTML
                self.setItem(row, column, item)
        self._column_widths = column_widths
        self._user_sized = False
        self._set_column_widths()
        self._fit()
        self._fit_timer.stop()  # the refit the column widths asked for has just been done
        self.executeDelayedItemsLayout()  # now, not in a timer after the page's paint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._set_column_widths()
            self._fit_timer.start()

    def _set_column_widths(self) -> None:
        if self._user_sized:
            return
        wanted = sum(self._column_widths)
        room = int(self.viewport().width() * SET_COLUMNS_SHARE)
        scale = min(1.0, room / wanted) if wanted else 1.0
        self._setting_widths = True
        try:
            for column, width in enumerate(self._column_widths):
                self.setColumnWidth(column, int(width * scale))
        finally:
            self._setting_widths = False

    def _note_user_width(self, column: int, _old: int, _new: int) -> None:
        # The last column stretches with the table: only the set ones are the user's choice.
        if not self._setting_widths and column < len(self._column_widths):
            self._user_sized = True

    def fit_now(self) -> None:
        """Do a refit that is waiting for the event loop now (before a paint, not after it)."""
        if self._fit_timer.isActive():
            self._fit_timer.stop()
            self._fit()

    def _fit(self) -> None:
        # The row header's resize signals would make QTableView repaint the rows from a timer,
        # after the page's paint: a second paint for every page shown. The rows are laid out
        # and the viewport updated here instead, before that paint.
        rows = self.verticalHeader()
        rows.blockSignals(True)
        try:
            self.resizeRowsToContents()
        finally:
            rows.blockSignals(False)
        self.updateGeometries()
        self.viewport().update()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)
