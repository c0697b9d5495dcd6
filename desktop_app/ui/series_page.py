"""The detail page of one series: facts, synopsis, cast, reviews, awards, related titles, sources.

The page only renders a `SeriesDetail`; it asks for nothing itself. Navigation leaves it as
signals (personRequested, seriesRequested, searchRequested) for the main window to act on.
`note_area` is an empty container at the foot of the page for the personal-note editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.queries import (
    CastCredit,
    Disagreement,
    RelatedTitle,
    ReviewItem,
    SeriesDetail,
    SourceSupport,
)
from desktop_app.ui.detail_widgets import (
    PERSON_LINK,
    FittedTable,
    clear_layout,
    heading,
    internal_link,
    link_label,
    open_external,
    parse_internal_link,
    plain_label,
    separator,
    verdict_badge,
)
from desktop_app.ui.series_model import years_label

RELATION_LABELS = {"inspired_by": "Inspired by", "same_creator": "Same creator",
                   "compared_with": "Compared with", "real_case": "Real case",
                   "casting": "Casting"}
CREW_LABELS = {"creator": "Created by", "writer": "Written by", "producer": "Produced by",
               "director": "Directed by"}
RECORD_LABELS = {"series": "the series", "series_genre": "genres", "series_company": "companies",
                 "character": "characters", "credit": "credits", "review": "a review",
                 "award": "awards", "relation": "related titles", "interview": "interviews"}
# Form rows: (attribute of the page, label). The values are filled per series.
FACT_ROWS = (("genres", "Genres"), ("first_aired", "First aired"), ("status", "Status"),
             ("country", "Country"), ("language", "Language"), ("setting", "Setting"),
             ("companies", "Companies"), ("based_on", "Based on"))


def _length(seasons: int | None, episodes: int | None) -> str:
    parts = []
    if seasons is not None:
        parts.append(f"{seasons} season{'s' if seasons != 1 else ''}")
    if episodes is not None:
        parts.append(f"{episodes} episode{'s' if episodes != 1 else ''}")
    return ", ".join(parts)


def field_label(field: str) -> str:
    return field.replace("_", " ").capitalize()


class SeriesPage(QScrollArea):
    personRequested = Signal(int)
    seriesRequested = Signal(int)
    searchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seriesPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.series: SeriesDetail | None = None
        body = QWidget()
        body.setObjectName("seriesPageBody")
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(4)

        self.title_label = plain_label(object_name="seriesTitle")
        self.subtitle_label = plain_label(object_name="seriesSubtitle")
        self.subtitle_label.setEnabled(False)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)

        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.crew_rows = 0  # "Created by", "Written by"… rows at the top of the form
        self.fact_labels: dict[str, QLabel] = {}
        for name, text in FACT_ROWS:
            self.fact_labels[name] = plain_label()
            self.facts.addRow(f"{text}:", self.fact_labels[name])
        layout.addLayout(self.facts)

        self.synopsis_heading = heading("Synopsis")
        self.synopsis_label = plain_label(object_name="synopsis")
        layout.addWidget(self.synopsis_heading)
        layout.addWidget(self.synopsis_label)

        self.cast_heading = heading("Cast")
        self.cast_table = FittedTable(["Actor", "Character", "About the character"])
        self.cast_table.setObjectName("castTable")
        self.cast_table.activated.connect(self._cast_activated)
        self.cast_table.doubleClicked.connect(self._cast_activated)
        layout.addWidget(self.cast_heading)
        layout.addWidget(self.cast_table)

        self.reviews_heading = heading("Reviews")
        self.reviews_box = QVBoxLayout()
        self.awards_heading = heading("Awards")
        self.awards_label = plain_label(object_name="awards")
        self.related_heading = heading("Related titles")
        self.related_box = QVBoxLayout()
        self.interviews_heading = heading("Interviews")
        self.interviews_label = plain_label(object_name="interviews")
        self.sources_heading = heading("Sources")
        self.sources_box = QVBoxLayout()
        for widget_or_box in (self.reviews_heading, self.reviews_box, self.awards_heading,
                              self.awards_label, self.related_heading, self.related_box,
                              self.interviews_heading, self.interviews_label,
                              self.sources_heading, self.sources_box):
            if isinstance(widget_or_box, QWidget):
                layout.addWidget(widget_or_box)
            else:
                layout.addLayout(widget_or_box)

        layout.addSpacing(8)
        layout.addWidget(separator())
        # The notes issue puts the personal-note editor here (see the module docstring).
        self.note_area = QWidget()
        self.note_area.setObjectName("seriesNoteArea")
        self.note_area_layout = QVBoxLayout(self.note_area)
        self.note_area_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_area)
        layout.addStretch(1)
        self._apply_title_font()

    # --- rendering -------------------------------------------------------------------------

    def show_series(self, series: SeriesDetail) -> None:
        self.series = series
        self.title_label.setText(series.title)
        self.subtitle_label.setText(" · ".join(part for part in (
            series.kind.capitalize(), years_label(series.year_start, series.year_end),
            _length(series.seasons, series.episodes),
            series.network or "") if part))
        self._show_crew(series)
        companies: dict[str, list[str]] = {}
        for company in series.companies:
            companies.setdefault(company.name, []).append(company.role)
        values = {
            "genres": ", ".join(series.genres),
            "first_aired": series.first_aired or "",
            "status": series.status or "",
            "country": series.country or "",
            "language": series.language or "",
            "setting": series.setting or "",
            "companies": "; ".join(f"{name} ({', '.join(roles)})"
                                   for name, roles in companies.items()),
            "based_on": series.based_on or "",
        }
        for name, label in self.fact_labels.items():
            label.setText(values[name])
            self.facts.setRowVisible(label, bool(values[name]))
        self._show_text(self.synopsis_heading, self.synopsis_label, series.synopsis or "")
        self._show_cast(series.cast)
        self._show_reviews(series.reviews)
        self._show_text(self.awards_heading, self.awards_label, "\n".join(
            f"{'Won' if award.result == 'won' else 'Nominated'}: {award.name}"
            + (f", {award.category}" if award.category else "")
            + (f" ({award.year})" if award.year else "")
            + (f" — {award.person_name}" if award.person_name else "")
            for award in series.awards))
        self._show_related(series.relations)
        self._show_text(self.interviews_heading, self.interviews_label, "\n\n".join(
            f"{item.person_name}" + (f", in {item.outlet}" if item.outlet else "")
            + f": {item.topic}" for item in series.interviews))
        self._show_sources(series.sources, series.disagreements)
        self.verticalScrollBar().setValue(0)

    def _show_text(self, title: QLabel, label: QLabel, text: str) -> None:
        label.setText(text)
        title.setVisible(bool(text))
        label.setVisible(bool(text))

    def _show_crew(self, series: SeriesDetail) -> None:
        for _ in range(self.crew_rows):
            self.facts.removeRow(0)
        by_role: dict[str, list[tuple[str, str]]] = {}
        for credit in series.crew:
            by_role.setdefault(credit.role, []).append(
                (credit.name, internal_link(PERSON_LINK, credit.person_id)))
        for position, (role, links) in enumerate(by_role.items()):
            label = link_label(links)
            label.setObjectName(f"crew-{role}")
            label.linkActivated.connect(self._link_activated)
            self.facts.insertRow(position, f"{CREW_LABELS.get(role, role.capitalize())}:",
                                 label)
        self.crew_rows = len(by_role)

    def _show_cast(self, cast: tuple[CastCredit, ...]) -> None:
        self.cast_heading.setVisible(bool(cast))
        self.cast_table.setVisible(bool(cast))
        average = self.fontMetrics().averageCharWidth()
        self.cast_table.set_rows(
            [[credit.actor or "(no actor named)", credit.character or "",
              credit.description or ""] for credit in cast],
            [20 * average, 18 * average])

    def _show_reviews(self, reviews: tuple[ReviewItem, ...]) -> None:
        clear_layout(self.reviews_box)
        self.reviews_heading.setVisible(bool(reviews))
        for review in reviews:
            top = QHBoxLayout()
            top.addWidget(verdict_badge(review.verdict))
            by = [part for part in (review.outlet, review.author, review.published) if part]
            if review.source is not None:
                by.append(f"from “{review.source.title}”")
            source = plain_label(" · ".join(by))
            top.addWidget(source, 1)
            self.reviews_box.addLayout(top)
            for prefix, text in (("", review.summary), ("Praised: ", review.praised),
                                 ("Criticised: ", review.criticised)):
                if text:
                    label = plain_label(prefix + text)
                    label.setContentsMargins(12, 0, 0, 0)
                    self.reviews_box.addWidget(label)
            self.reviews_box.addSpacing(6)

    def _show_related(self, relations: tuple[RelatedTitle, ...]) -> None:
        clear_layout(self.related_box)
        self.related_heading.setVisible(bool(relations))
        for relation in relations:
            row = QHBoxLayout()
            title = relation.title + (f" ({relation.year})" if relation.year else "")
            text = f"{RELATION_LABELS.get(relation.kind, relation.kind)}: {title}"
            if relation.detail:
                text += f" — {relation.detail}"
            row.addWidget(plain_label(text), 1)
            if relation.series_id is not None:
                button = QPushButton("Open")
                button.setToolTip(f"Show {relation.title}, which is in your library")
                button.clicked.connect(
                    lambda _=False, series_id=relation.series_id:
                    self.seriesRequested.emit(series_id))
            else:
                button = QPushButton("Search for it")
                button.setToolTip(f"{relation.title} is not in your library; "
                                  "search the library for its title")
                button.clicked.connect(
                    lambda _=False, text=relation.title: self.searchRequested.emit(text))
            button.setObjectName("relatedAction")
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.related_box.addLayout(row)

    def _show_sources(self, support: tuple[SourceSupport, ...],
                      disagreements: tuple[Disagreement, ...]) -> None:
        clear_layout(self.sources_box)
        self.sources_heading.setVisible(bool(support or disagreements))
        for item in support:
            title = item.source.title + (f" ({item.source.outlet})" if item.source.outlet
                                         else "")
            records = ", ".join(RECORD_LABELS.get(kind, kind) + (f" ({count})" if count > 1
                                                                 else "")
                                for kind, count in item.records)
            lines = [f"“{title}”"]
            if records:
                lines.append(f"Supports: {records}.")
            if item.claimed_fields:
                lines.append("States: " + ", ".join(field_label(field).lower()
                                                    for field in item.claimed_fields) + ".")
            row = QHBoxLayout()
            label = plain_label("\n".join(lines))
            label.setObjectName("sourceSupport")
            row.addWidget(label, 1)
            if item.source.url:
                button = QPushButton("Open article")
                button.setToolTip(item.source.url)
                button.clicked.connect(lambda _=False, url=item.source.url: open_external(url))
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.sources_box.addLayout(row)
            self.sources_box.addSpacing(4)
        if disagreements:
            title = plain_label("Where the sources disagree", wrap=False)
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            self.sources_box.addWidget(title)
        for disagreement in disagreements:
            text = field_label(disagreement.field) + ":\n" + "\n".join(
                f"    “{claim.value}” — {claim.source.title}" for claim in disagreement.claims)
            label = plain_label(text)
            label.setObjectName("disagreement")
            self.sources_box.addWidget(label)

    # --- navigation ------------------------------------------------------------------------

    def _cast_activated(self) -> None:
        if self.series is None:
            return
        row = self.cast_table.currentRow()
        if 0 <= row < len(self.series.cast):
            person_id = self.series.cast[row].person_id
            if person_id is not None:
                self.personRequested.emit(person_id)

    def _link_activated(self, href: str) -> None:
        link = parse_internal_link(href)
        if link is None:
            open_external(href)
        elif link[0] == PERSON_LINK:
            self.personRequested.emit(link[1])
        else:
            self.seriesRequested.emit(link[1])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: the title keeps its proportion
            self._apply_title_font()

    def _apply_title_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.title_label.setFont(font)
