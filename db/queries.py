"""The read side: everything the window shows, as plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import Note, Person, Review, Series


@dataclass(frozen=True)
class LibraryCounts:
    series: int
    people: int
    reviews: int
    notes: int


def library_counts() -> LibraryCounts:
    return LibraryCounts(Series.select().count(), Person.select().count(),
                         Review.select().count(), Note.select().count())


def series_titles(limit: int) -> list[tuple[int, str]]:
    """The first `limit` series ids and titles in title order."""
    query = (Series.select(Series.id, Series.title)
             .order_by(Series.sort_title.collate("NOCASE"), Series.id).limit(limit))
    return list(query.tuples())
