"""The person page, "where have I seen them?": every role across the library, awards, interviews.

Renders a `PersonDetail`; activating a role asks the main window to open that series.
`note_area` is an empty container for the personal-note editor (the notes issue fills it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.queries import PersonDetail
from desktop_app.ui.detail_widgets import FittedTable, heading, plain_label, separator

ROLE_LABELS = {"cast": "Actor", "creator": "Creator", "writer": "Writer", "producer": "Producer",
               "director": "Director"}


class PersonPage(QScrollArea):
    seriesRequested = Signal(int)
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.person: PersonDetail | None = None
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(4)

        top = QHBoxLayout()
        self.name_label = plain_label(object_name="personName")
        top.addWidget(self.name_label, 1)
        self.back_button = QPushButton("← Back")
        self.back_button.setObjectName("personBack")
        self.back_button.setToolTip("Go back to the page you came from (Alt+Left)")
        self.back_button.clicked.connect(self.backRequested)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        self.summary_label = plain_label(object_name="personSummary")
        self.summary_label.setEnabled(False)
        layout.addWidget(self.summary_label)
        self.about_label = plain_label(object_name="personAbout")
        layout.addWidget(self.about_label)

        self.roles_heading = heading("Roles in your library")
        self.roles_table = FittedTable(["Series", "Year", "Role", "Character",
                                        "About the character"])
        self.roles_table.setObjectName("rolesTable")
        self.roles_table.activated.connect(self._role_activated)
        self.roles_table.doubleClicked.connect(self._role_activated)
        layout.addWidget(self.roles_heading)
        layout.addWidget(self.roles_table)
        self.awards_heading = heading("Awards")
        self.awards_label = plain_label(object_name="personAwards")
        layout.addWidget(self.awards_heading)
        layout.addWidget(self.awards_label)
        self.interviews_heading = heading("Interviews")
        self.interviews_label = plain_label(object_name="personInterviews")
        layout.addWidget(self.interviews_heading)
        layout.addWidget(self.interviews_label)

        layout.addSpacing(8)
        layout.addWidget(separator())
        # The notes issue puts the personal-note editor here.
        self.note_area = QWidget()
        self.note_area.setObjectName("personNoteArea")
        self.note_area_layout = QVBoxLayout(self.note_area)
        self.note_area_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_area)
        layout.addStretch(1)
        self._apply_title_font()

    def show_person(self, person: PersonDetail) -> None:
        self.person = person
        self.name_label.setText(person.name)
        series_count = len({role.series_id for role in person.roles})
        self.summary_label.setText(
            f"{len(person.roles)} role{'s' if len(person.roles) != 1 else ''} in "
            f"{series_count} series of your library")
        self.about_label.setText(person.about or "")
        self.about_label.setVisible(bool(person.about))
        average = self.fontMetrics().averageCharWidth()
        self.roles_table.set_rows(
            [[role.series_title, str(role.year_start or ""), ROLE_LABELS.get(role.role, role.role),
              role.character or "", role.character_description or ""] for role in person.roles],
            [24 * average, 8 * average, 10 * average, 18 * average])
        self.roles_heading.setVisible(bool(person.roles))
        self.roles_table.setVisible(bool(person.roles))
        awards = "\n".join(
            f"{'Won' if award.result == 'won' else 'Nominated'}: {award.name}"
            + (f", {award.category}" if award.category else "")
            + (f" ({award.year})" if award.year else "") + f" — for {award.series_title}"
            for award in person.awards)
        self.awards_label.setText(awards)
        self.awards_heading.setVisible(bool(awards))
        self.awards_label.setVisible(bool(awards))
        interviews = "\n\n".join(
            f"About {title}" + (f", in {outlet}" if outlet else "") + f": {topic}"
            for _series_id, title, outlet, topic in person.interviews)
        self.interviews_label.setText(interviews)
        self.interviews_heading.setVisible(bool(interviews))
        self.interviews_label.setVisible(bool(interviews))
        self.verticalScrollBar().setValue(0)

    def _role_activated(self) -> None:
        if self.person is None:
            return
        row = self.roles_table.currentRow()
        if 0 <= row < len(self.person.roles):
            self.seriesRequested.emit(self.person.roles[row].series_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_title_font()

    def _apply_title_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.name_label.setFont(font)
