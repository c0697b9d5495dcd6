"""The detail pages' read side: a series or a person, as plain frozen dataclasses.

`series_detail` and `person_detail` are a handful of indexed queries each (see
tests/db/test_queries.py for the plans). They run through db.queries' connection, so a page
opened before the store is bound reads like the list does.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.queries import read_rows


@dataclass(frozen=True)
class SourceRef:
    id: int
    key: str
    title: str
    outlet: str | None
    url: str | None


@dataclass(frozen=True)
class CastCredit:
    """A character of the series and who plays them (person_id is None when nobody is credited)."""

    person_id: int | None
    actor: str | None
    character_id: int | None
    character: str | None
    description: str | None


@dataclass(frozen=True)
class CrewCredit:
    person_id: int
    name: str
    role: str  # creator | writer | producer | director


@dataclass(frozen=True)
class CompanyCredit:
    name: str
    role: str  # production | platform | network | distributor


@dataclass(frozen=True)
class ReviewItem:
    id: int
    source: SourceRef | None
    outlet: str | None
    author: str | None
    published: str | None
    verdict: str  # positive | mixed | negative
    praised: str | None
    criticised: str | None
    summary: str | None


@dataclass(frozen=True)
class AwardItem:
    name: str
    category: str | None
    year: int | None
    result: str  # won | nominated
    series_id: int
    series_title: str
    person_id: int | None
    person_name: str | None


@dataclass(frozen=True)
class RelatedTitle:
    kind: str  # inspired_by | same_creator | compared_with | real_case | casting
    title: str
    year: int | None
    detail: str | None
    series_id: int | None  # set when the title is in the library


@dataclass(frozen=True)
class InterviewItem:
    person_id: int
    person_name: str
    outlet: str | None
    topic: str


@dataclass(frozen=True)
class Claim:
    """One source's value for one field of a series."""

    field: str
    value: str
    source: SourceRef


@dataclass(frozen=True)
class SourceSupport:
    """A source and what it supports on this page: record counts by kind and claimed fields."""

    source: SourceRef
    records: tuple[tuple[str, int], ...]  # ("credit", 7), ("review", 1), …
    claimed_fields: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    """A field the sources give different values for; every claim is kept."""

    field: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class SeriesDetail:
    id: int
    key: str
    title: str
    kind: str
    first_aired: str | None
    last_aired: str | None
    year_start: int | None
    year_end: int | None
    seasons: int | None
    episodes: int | None
    status: str | None
    country: str | None
    language: str | None
    network: str | None
    setting: str | None
    synopsis: str | None
    based_on: str | None
    genres: tuple[str, ...]
    companies: tuple[CompanyCredit, ...]
    crew: tuple[CrewCredit, ...]
    cast: tuple[CastCredit, ...]
    reviews: tuple[ReviewItem, ...]
    awards: tuple[AwardItem, ...]
    relations: tuple[RelatedTitle, ...]
    interviews: tuple[InterviewItem, ...]
    sources: tuple[SourceSupport, ...]
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True)
class PersonRole:
    series_id: int
    series_title: str
    year_start: int | None
    role: str
    character: str | None
    character_description: str | None


@dataclass(frozen=True)
class PersonDetail:
    id: int
    key: str
    name: str
    about: str | None
    roles: tuple[PersonRole, ...]
    awards: tuple[AwardItem, ...]
    interviews: tuple[tuple[int, str, str | None, str], ...]  # (series id, title, outlet, topic)


_SERIES_COLUMNS = ("id, key, title, kind, first_aired, last_aired, year_start, year_end, "
                   "seasons, episodes, status, country, language, network, setting, synopsis, "
                   "based_on")

# Child rows of a series that carry citations, for the sources section.
_CITED_CHILDREN = ("series_genre", "series_company", "character", "credit", "review", "award",
                   "relation", "interview")


def series_detail(series_id: int) -> SeriesDetail | None:
    """Everything the series page shows, or None when the series is not in the library."""
    rows = read_rows(f"SELECT {_SERIES_COLUMNS} FROM series WHERE id = ?", [series_id])
    if not rows:
        return None
    sources = _sources_by_id()
    genres = tuple(name for (name,) in read_rows(
        "SELECT g.name FROM series_genre sg JOIN genre g ON g.id = sg.genre_id "
        "WHERE sg.series_id = ? ORDER BY sg.position", [series_id]))
    companies = tuple(CompanyCredit(*row) for row in read_rows(
        "SELECT c.name, sc.role FROM series_company sc JOIN company c ON c.id = sc.company_id "
        "WHERE sc.series_id = ? ORDER BY sc.position", [series_id]))
    crew = tuple(CrewCredit(*row) for row in read_rows(
        "SELECT p.id, p.name, cr.role FROM credit cr JOIN person p ON p.id = cr.person_id "
        "WHERE cr.series_id = ? AND cr.role != 'cast' ORDER BY cr.billing", [series_id]))
    reviews = tuple(
        ReviewItem(row[0], sources.get(row[1]), *row[2:]) for row in read_rows(
            "SELECT id, source_id, outlet, author, published, verdict, praised, criticised, "
            "summary FROM review WHERE series_id = ? ORDER BY id", [series_id]))
    relations = tuple(RelatedTitle(*row) for row in read_rows(
        "SELECT kind, title, year, detail, other_series_id FROM relation WHERE series_id = ? "
        "ORDER BY id", [series_id]))
    interviews = tuple(InterviewItem(*row) for row in read_rows(
        "SELECT p.id, p.name, i.outlet, i.topic FROM interview i "
        "JOIN person p ON p.id = i.person_id WHERE i.series_id = ? ORDER BY i.id", [series_id]))
    support, disagreements = _provenance(series_id, sources)
    return SeriesDetail(
        *rows[0], genres=genres, companies=companies, crew=crew, cast=_cast(series_id),
        reviews=reviews, awards=_awards("a.series_id = ?", series_id), relations=relations,
        interviews=interviews, sources=support, disagreements=disagreements)


def _cast(series_id: int) -> tuple[CastCredit, ...]:
    """Credited cast in billing order, then characters nobody is credited for."""
    credited = [CastCredit(*row) for row in read_rows(
        "SELECT p.id, p.name, ch.id, ch.name, ch.description FROM credit cr "
        "JOIN person p ON p.id = cr.person_id LEFT JOIN character ch ON ch.id = cr.character_id "
        "WHERE cr.series_id = ? AND cr.role = 'cast' ORDER BY cr.billing", [series_id])]
    uncredited = [CastCredit(None, None, *row) for row in read_rows(
        "SELECT ch.id, ch.name, ch.description FROM character ch WHERE ch.series_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM credit cr WHERE cr.character_id = ch.id) ORDER BY ch.id",
        [series_id])]
    return tuple(credited + uncredited)


def _awards(where: str, subject_id: int) -> tuple[AwardItem, ...]:
    return tuple(AwardItem(*row) for row in read_rows(
        "SELECT a.name, a.category, a.year, a.result, s.id, s.title, p.id, p.name FROM award a "
        "JOIN series s ON s.id = a.series_id LEFT JOIN person p ON p.id = a.person_id "
        f"WHERE {where} ORDER BY a.year IS NULL, a.year, a.id", [subject_id]))


def _sources_by_id() -> dict[int, SourceRef]:
    # Sources are few (articles and import files), unlike series: reading them all is cheap.
    return {row[0]: SourceRef(*row) for row in read_rows(
        "SELECT id, key, title, outlet, url FROM source", [])}


def _provenance(series_id: int, sources: dict[int, SourceRef]
                ) -> tuple[tuple[SourceSupport, ...], tuple[Disagreement, ...]]:
    """Which source supports which records and claims of the series, and where they disagree."""
    parts = ["SELECT source_id, 'series', field, value FROM citation "
             "WHERE subject = 'series' AND subject_id = ?"]
    parts += [f"SELECT c.source_id, '{table}', NULL, NULL FROM citation c JOIN {table} t "
              f"ON c.subject = '{table}' AND c.subject_id = t.id WHERE t.series_id = ?"
              for table in _CITED_CHILDREN]
    rows = read_rows(" UNION ALL ".join(parts), [series_id] * len(parts))
    records: dict[int, dict[str, int]] = {}
    claimed: dict[int, list[str]] = {}
    claims_by_field: dict[str, list[Claim]] = {}
    for source_id, subject, field, value in rows:
        if source_id not in sources:
            continue
        if field is None:
            counts = records.setdefault(source_id, {})
            counts[subject] = counts.get(subject, 0) + 1
            continue
        if field not in claimed.setdefault(source_id, []):
            claimed[source_id].append(field)
        claims_by_field.setdefault(field, []).append(Claim(field, value, sources[source_id]))
    support = tuple(
        SourceSupport(sources[source_id], tuple(records.get(source_id, {}).items()),
                      tuple(claimed.get(source_id, ())))
        for source_id in sorted(set(records) | set(claimed)))
    disagreements = tuple(
        Disagreement(field, tuple(claims)) for field, claims in claims_by_field.items()
        if len({claim.value.strip().casefold() for claim in claims}) > 1)
    return support, disagreements


def person_detail(person_id: int) -> PersonDetail | None:
    """Everything the person page shows, or None when the person is not in the library."""
    rows = read_rows("SELECT id, key, name, about FROM person WHERE id = ?", [person_id])
    if not rows:
        return None
    roles = tuple(PersonRole(*row) for row in read_rows(
        "SELECT s.id, s.title, s.year_start, cr.role, ch.name, ch.description FROM credit cr "
        "JOIN series s ON s.id = cr.series_id LEFT JOIN character ch ON ch.id = cr.character_id "
        "WHERE cr.person_id = ? ORDER BY s.year_start IS NULL, s.year_start, "
        "s.sort_title COLLATE NOCASE, cr.billing", [person_id]))
    interviews = tuple(tuple(row) for row in read_rows(
        "SELECT s.id, s.title, i.outlet, i.topic FROM interview i "
        "JOIN series s ON s.id = i.series_id WHERE i.person_id = ? ORDER BY i.id", [person_id]))
    return PersonDetail(*rows[0], roles=roles, awards=_awards("a.person_id = ?", person_id),
                        interviews=interviews)  # type: ignore[arg-type]
