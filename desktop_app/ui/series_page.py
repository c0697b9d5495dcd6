"""The detail page of one series: facts, synopsis, cast, reviews, awards, related titles, sources.

It renders a `SeriesDetail` and asks for nothing itself. The text parts are documents made by
detail_html.py (every library string escaped); the cast is a table so a keyboard user can move
through it and press Enter to open an actor. Following a link becomes a signal for the main
window: personRequested, seriesRequested, searchRequested (the title of a related series that
is not in the library). `note_area` (see DetailPage) waits for the note editor.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from db.details import SeriesDetail
from desktop_app.ui.detail_html import series_head_html, series_rest_html
from desktop_app.ui.detail_widgets import DOCUMENT_MARGIN, DetailPage, FittedTable, FittedView

NO_ACTOR = "(no actor named)"


class SeriesPage(DetailPage):
    personRequested = Signal(int)
    seriesRequested = Signal(int)
    searchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("seriesPage", parent)
        self.series: SeriesDetail | None = None
        self.head_view = FittedView()
        self.head_view.setObjectName("seriesHead")
        self.cast_table = FittedTable(["Actor", "Character", "About the character"])
        self.cast_table.setObjectName("castTable")
        self.cast_table.setToolTip("Enter opens the actor's page")
        self.cast_table.activated.connect(self._cast_activated)
        self.rest_view = FittedView()
        self.rest_view.setObjectName("seriesRest")
        # The table lines up with the documents' text, which starts DOCUMENT_MARGIN in.
        cast_box = QWidget()
        cast_layout = QHBoxLayout(cast_box)
        cast_layout.setContentsMargins(DOCUMENT_MARGIN, 0, DOCUMENT_MARGIN, 0)
        cast_layout.addWidget(self.cast_table)
        for widget in (self.head_view, cast_box, self.rest_view):
            self.add_content(widget)
        for view in (self.head_view, self.rest_view):
            view.linkRequested.connect(self._follow)
        self.setFocusProxy(self.head_view)

    def show_series(self, series: SeriesDetail) -> None:
        self.series = series
        muted = self.head_view.muted_colour()
        cast_heading = "<h3>Cast</h3>" if series.cast else ""
        self.head_view.set_page_html(series_head_html(series, muted) + cast_heading)
        average = self.fontMetrics().averageCharWidth()
        self.cast_table.set_rows(
            [[credit.actor or NO_ACTOR, credit.character or "", credit.description or ""]
             for credit in series.cast], [20 * average, 20 * average])
        self.cast_table.setVisible(bool(series.cast))
        self.rest_view.set_page_html(series_rest_html(series, muted))
        self.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        cast = "\n".join("\t".join(self.cast_table.item(row, column).text()
                                   for column in range(self.cast_table.columnCount()))
                         for row in range(self.cast_table.rowCount()))
        return "\n".join((self.head_view.toPlainText(), cast, self.rest_view.toPlainText()))

    def _cast_activated(self) -> None:
        row = self.cast_table.currentRow()
        if self.series is not None and 0 <= row < len(self.series.cast):
            person_id = self.series.cast[row].person_id
            if person_id is not None:
                self.personRequested.emit(person_id)

    def _follow(self, kind: str, number: int) -> None:
        if kind == "person":
            self.personRequested.emit(number)
        elif kind == "series":
            self.seriesRequested.emit(number)
        elif kind == "search" and self.series is not None \
                and 0 <= number < len(self.series.relations):
            self.searchRequested.emit(self.series.relations[number].title)
