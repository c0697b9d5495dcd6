"""The person page, "where have I seen them?": every role across the library, awards, interviews.

Renders a `PersonDetail` as one document (detail_html.py, every library string escaped);
following a series link asks the main window to open it, and the Back button goes back in the
history. `note_area` (see DetailPage) waits for the note editor.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from db.details import PersonDetail
from desktop_app.ui.detail_html import person_html
from desktop_app.ui.detail_widgets import DetailPage, FittedView


class PersonPage(DetailPage):
    seriesRequested = Signal(int)
    personRequested = Signal(int)
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("personPage", parent)
        self.person: PersonDetail | None = None
        bar_widget = QWidget()
        bar = QHBoxLayout(bar_widget)
        bar.setContentsMargins(10, 8, 10, 0)
        self.back_button = QPushButton("← Back")
        self.back_button.setObjectName("personBack")
        self.back_button.setToolTip("Go back to the page you came from (Alt+Left)")
        self.back_button.clicked.connect(self.backRequested)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        self.view = FittedView()
        self.view.setObjectName("personView")
        self.view.linkRequested.connect(self._follow)
        self.add_content(bar_widget)
        self.add_content(self.view)
        self.setFocusProxy(self.view)

    def show_person(self, person: PersonDetail) -> None:
        self.person = person
        self.view.set_page_html(person_html(person, self.view.muted_colour()))
        self.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        return self.view.toPlainText()

    def _follow(self, kind: str, number: int) -> None:
        if kind == "series":
            self.seriesRequested.emit(number)
        elif kind == "person":
            self.personRequested.emit(number)
