"""The read side: everything the window shows, as plain frozen dataclasses.

The series list is read a page at a time (`series_page`) in an order SQLite gives from an index
where one exists, so a list of 100,000 series never sits in Python. Detail pages
(`series_detail`, `person_detail`) are a handful of indexed queries each.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db import early_library

# Nothing here imports peewee or the models at module level: the window's first screen (an
# unfiltered list page and its count) runs as plain SQL, on the early connection when the
# library was opened before the store (db/early_library.py). db.search (parser, compiler,
# FTS5 listing) is imported on the first search.
if TYPE_CHECKING:
    from peewee import Expression

    from db.search.listing import ListOrder
    from db.search.prepared import PreparedSearch

# --- library totals ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryCounts:
    series: int
    people: int
    reviews: int
    notes: int


def library_counts() -> LibraryCounts:
    (counts,) = _execute(
        "SELECT (SELECT count(*) FROM series), (SELECT count(*) FROM person), "
        "(SELECT count(*) FROM review), (SELECT count(*) FROM note)", [])
    return LibraryCounts(*counts)


def series_titles(limit: int) -> list[tuple[int, str]]:
    """The first `limit` series ids and titles in title order."""
    return [(row[0], row[1]) for row in _execute(
        "SELECT id, title FROM series ORDER BY sort_title COLLATE NOCASE, id LIMIT ?", [limit])]


# --- the series list --------------------------------------------------------------------------


class SortColumn(enum.Enum):
    """What the series list can be ordered by; every order ends with the id so pages are stable."""

    TITLE = "title"
    YEARS = "years"
    EPISODES = "episodes"
    NETWORK = "network"
    GENRES = "genres"
    MY_RATING = "my_rating"
    MY_STATUS = "my_status"


@dataclass(frozen=True)
class SeriesListView:
    """Which series the list shows and in what order."""

    search: str = ""
    sort: SortColumn = SortColumn.TITLE
    descending: bool = False
    # While a search is active: best matches first (db.search.listing) rather than `sort`.
    # Clicking a column header turns it off; clearing the search turns it back on.
    relevance: bool = True


@dataclass(frozen=True)
class SeriesRow:
    """One line of the series list; my_rating/my_status come from the series' note, if any."""

    id: int
    title: str
    kind: str
    year_start: int | None
    year_end: int | None
    seasons: int | None
    episodes: int | None
    network: str | None
    genres: str
    my_rating: int | None
    my_status: str | None


def series_filter(search: str) -> Expression | None:
    """THE SEARCH SEAM: the condition on `Series` that the list's search text stands for.

    The query language of db.search (fields, phrases, negation…); None means "every series".
    Counting, paging and positions of a search go through db.search.listing (`_search`
    below), which picks the cheap way for each search; this condition serves the rest.
    """
    search = _search(search)
    if search is None:
        return None
    from peewee import SQL

    from db.models import Series
    from db.search.listing import matching_series_sql

    sql, params = matching_series_sql(search)
    return Series.id.in_(SQL(sql, params))


def _search(text: str) -> PreparedSearch | None:
    """The parsed search, or None when the text asks for nothing (every series)."""
    if not text.strip():
        return None
    from db.search.prepared import prepare

    search = prepare(text)
    return None if search.is_empty else search


# What each column orders by, over `s` = series and `n` = its note (the list's SQL and the
# search listing's alike).
_ORDER_KEYS = {
    SortColumn.TITLE: "s.sort_title COLLATE NOCASE",
    SortColumn.YEARS: "s.year_start",
    SortColumn.EPISODES: "s.episodes",
    SortColumn.NETWORK: "s.network COLLATE NOCASE",
    SortColumn.GENRES: "s.genres_label COLLATE NOCASE",
    SortColumn.MY_RATING: "n.rating",
    SortColumn.MY_STATUS: "n.status",
}
# The note's columns are reached through a LEFT JOIN on the one note a series can have.
_NOTE_SORTS = (SortColumn.MY_RATING, SortColumn.MY_STATUS)
_WITH_NOTE = "series s LEFT JOIN note n ON n.series_id = s.id"


def _search_order(view: SeriesListView) -> ListOrder | None:
    """None: relevance order; else the column order the user chose."""
    if view.relevance:
        return None
    from db.search.listing import ListOrder

    return ListOrder(_ORDER_KEYS[view.sort], view.descending)


def series_count_upto(view: SeriesListView, cap: int) -> tuple[int, bool]:
    """(rows, more): how many series the view shows, counting a search's matches only up to
    `cap` (more is then True: the list grows as it is scrolled)."""
    search = _search(view.search)
    if search is None:
        return series_count(view), False
    from db.search.listing import capped_count

    return capped_count(search, cap)


def _source(view: SeriesListView) -> str:
    """The FROM clause of the unfiltered list: the note joined only when it is sorted on."""
    return _WITH_NOTE if view.sort in _NOTE_SORTS else "series s"


def _order_by(view: SeriesListView) -> str:
    direction = "DESC" if view.descending else "ASC"
    return f"{_ORDER_KEYS[view.sort]} {direction}, s.id {direction}"


def series_count(view: SeriesListView) -> int:
    """How many series the view shows (a search's matches all counted: see series_count_upto)."""
    search = _search(view.search)
    if search is not None:
        from db.search.listing import match_count

        return match_count(search)
    return int(_execute("SELECT count(*) FROM series", [])[0][0])


_ROW_COLUMNS = ("s.id, s.title, s.kind, s.year_start, s.year_end, s.seasons, s.episodes, "
                "s.network, s.genres_label, n.rating, n.status")


def series_page(view: SeriesListView, offset: int, limit: int) -> list[SeriesRow]:
    """`limit` rows of the view from row `offset` on, in the view's order."""
    search = _search(view.search)
    if search is not None:
        from db.search.listing import page_ids as search_page_ids

        ids = search_page_ids(search, _search_order(view), offset, limit)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = {row[0]: row for row in _execute(
            f"SELECT {_ROW_COLUMNS} FROM {_WITH_NOTE} WHERE s.id IN ({marks})", ids)}
        return [SeriesRow(*rows[series_id]) for series_id in ids if series_id in rows]
    # Pick the page's ids first and fetch their columns after: the inner query can then walk a
    # covering index (sort_title, id) past `offset` entries without touching 100,000 table rows.
    order = _order_by(view)
    return [SeriesRow(*row) for row in _execute(
        f"SELECT {_ROW_COLUMNS} FROM {_WITH_NOTE} WHERE s.id IN "
        f"(SELECT s.id FROM {_source(view)} ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}",
        [limit, offset])]


def series_position(view: SeriesListView, series_id: int) -> int | None:
    """The row of `series_id` in the view, or None when the view does not show it."""
    search = _search(view.search)
    if search is not None:
        from db.search.listing import position as search_position

        return search_position(search, _search_order(view), series_id)
    key = _ORDER_KEYS[view.sort]
    target = _execute(f"SELECT {key} FROM {_WITH_NOTE} WHERE s.id = ?", [series_id])
    if not target:
        return None
    condition, params = _before(view, target[0][0], series_id)
    return int(_execute(f"SELECT count(*) FROM {_source(view)} WHERE {condition}", params)[0][0])


def _before(view: SeriesListView, value: Any, series_id: int) -> tuple[str, list[Any]]:
    """Rows that come before the row (value, series_id) in the view's order, as SQL.

    SQLite sorts NULL before every value, and after every value when descending.
    """
    key = _ORDER_KEYS[view.sort]
    if not view.descending:
        if value is None:
            return f"{key} IS NULL AND s.id < ?", [series_id]
        return (f"({key} IS NULL OR {key} < ? OR ({key} = ? AND s.id < ?))",
                [value, value, series_id])
    if value is None:
        return f"({key} IS NOT NULL OR ({key} IS NULL AND s.id > ?))", [series_id]
    return f"({key} > ? OR ({key} = ? AND s.id > ?))", [value, value, series_id]


def first_title_match(view: SeriesListView, prefix: str) -> int | None:
    """The row of the first series in the view whose title starts with `prefix` (type-ahead)."""
    if not prefix:
        return None
    search = _search(view.search)
    if search is None:
        pattern = _escape_like(prefix) + "%"
        match = _execute(f"SELECT s.id FROM {_source(view)} WHERE s.title LIKE ? ESCAPE '\\' "
                         f"ORDER BY {_order_by(view)} LIMIT 1", [pattern])
    else:
        from db.search.listing import matching_series_sql

        sql, params = matching_series_sql(search)
        pattern = _escape_like(prefix) + "%"
        match = _execute(f"SELECT s.id FROM {_source(view)} WHERE s.id IN ({sql}) AND "
                         f"s.title LIKE ? ESCAPE '\\' ORDER BY {_order_by(view)} LIMIT 1",
                         [*params, pattern])
    return None if not match else series_position(view, match[0][0])


def _escape_like(text: str) -> str:
    """`text` matched literally by LIKE … ESCAPE '\\' (its own % and _ are no wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _execute(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of one read query, on the early connection while the store is not bound yet."""
    early = early_library.connection()
    if early is not None:
        return early.execute(sql, params).fetchall()
    from db.models import database_proxy

    return list(database_proxy.execute_sql(sql, params).fetchall())


# --- detail pages -----------------------------------------------------------------------------


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
    rows = _execute(f"SELECT {_SERIES_COLUMNS} FROM series WHERE id = ?", [series_id])
    if not rows:
        return None
    sources = _sources_by_id()
    genres = tuple(name for (name,) in _execute(
        "SELECT g.name FROM series_genre sg JOIN genre g ON g.id = sg.genre_id "
        "WHERE sg.series_id = ? ORDER BY sg.position", [series_id]))
    companies = tuple(CompanyCredit(*row) for row in _execute(
        "SELECT c.name, sc.role FROM series_company sc JOIN company c ON c.id = sc.company_id "
        "WHERE sc.series_id = ? ORDER BY sc.position", [series_id]))
    crew = tuple(CrewCredit(*row) for row in _execute(
        "SELECT p.id, p.name, cr.role FROM credit cr JOIN person p ON p.id = cr.person_id "
        "WHERE cr.series_id = ? AND cr.role != 'cast' ORDER BY cr.billing", [series_id]))
    reviews = tuple(
        ReviewItem(row[0], sources.get(row[1]), *row[2:]) for row in _execute(
            "SELECT id, source_id, outlet, author, published, verdict, praised, criticised, "
            "summary FROM review WHERE series_id = ? ORDER BY id", [series_id]))
    relations = tuple(RelatedTitle(*row) for row in _execute(
        "SELECT kind, title, year, detail, other_series_id FROM relation WHERE series_id = ? "
        "ORDER BY id", [series_id]))
    interviews = tuple(InterviewItem(*row) for row in _execute(
        "SELECT p.id, p.name, i.outlet, i.topic FROM interview i "
        "JOIN person p ON p.id = i.person_id WHERE i.series_id = ? ORDER BY i.id", [series_id]))
    support, disagreements = _provenance(series_id, sources)
    return SeriesDetail(
        *rows[0], genres=genres, companies=companies, crew=crew, cast=_cast(series_id),
        reviews=reviews, awards=_awards("a.series_id = ?", series_id), relations=relations,
        interviews=interviews, sources=support, disagreements=disagreements)


def _cast(series_id: int) -> tuple[CastCredit, ...]:
    """Credited cast in billing order, then characters nobody is credited for."""
    credited = [CastCredit(*row) for row in _execute(
        "SELECT p.id, p.name, ch.id, ch.name, ch.description FROM credit cr "
        "JOIN person p ON p.id = cr.person_id LEFT JOIN character ch ON ch.id = cr.character_id "
        "WHERE cr.series_id = ? AND cr.role = 'cast' ORDER BY cr.billing", [series_id])]
    uncredited = [CastCredit(None, None, *row) for row in _execute(
        "SELECT ch.id, ch.name, ch.description FROM character ch WHERE ch.series_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM credit cr WHERE cr.character_id = ch.id) ORDER BY ch.id",
        [series_id])]
    return tuple(credited + uncredited)


def _awards(where: str, subject_id: int) -> tuple[AwardItem, ...]:
    return tuple(AwardItem(*row) for row in _execute(
        "SELECT a.name, a.category, a.year, a.result, s.id, s.title, p.id, p.name FROM award a "
        "JOIN series s ON s.id = a.series_id LEFT JOIN person p ON p.id = a.person_id "
        f"WHERE {where} ORDER BY a.year IS NULL, a.year, a.id", [subject_id]))


def _sources_by_id() -> dict[int, SourceRef]:
    # Sources are few (articles and import files), unlike series: reading them all is cheap.
    return {row[0]: SourceRef(*row) for row in _execute(
        "SELECT id, key, title, outlet, url FROM source", [])}


def _provenance(series_id: int, sources: dict[int, SourceRef]
                ) -> tuple[tuple[SourceSupport, ...], tuple[Disagreement, ...]]:
    """Which source supports which records and claims of the series, and where they disagree."""
    parts = ["SELECT source_id, 'series', field, value FROM citation "
             "WHERE subject = 'series' AND subject_id = ?"]
    parts += [f"SELECT c.source_id, '{table}', NULL, NULL FROM citation c JOIN {table} t "
              f"ON c.subject = '{table}' AND c.subject_id = t.id WHERE t.series_id = ?"
              for table in _CITED_CHILDREN]
    rows = _execute(" UNION ALL ".join(parts), [series_id] * len(parts))
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
    rows = _execute("SELECT id, key, name, about FROM person WHERE id = ?", [person_id])
    if not rows:
        return None
    roles = tuple(PersonRole(*row) for row in _execute(
        "SELECT s.id, s.title, s.year_start, cr.role, ch.name, ch.description FROM credit cr "
        "JOIN series s ON s.id = cr.series_id LEFT JOIN character ch ON ch.id = cr.character_id "
        "WHERE cr.person_id = ? ORDER BY s.year_start IS NULL, s.year_start, "
        "s.sort_title COLLATE NOCASE, cr.billing", [person_id]))
    interviews = tuple(tuple(row) for row in _execute(
        "SELECT s.id, s.title, i.outlet, i.topic FROM interview i "
        "JOIN series s ON s.id = i.series_id WHERE i.person_id = ? ORDER BY i.id", [person_id]))
    return PersonDetail(*rows[0], roles=roles, awards=_awards("a.person_id = ?", person_id),
                        interviews=interviews)  # type: ignore[arg-type]
