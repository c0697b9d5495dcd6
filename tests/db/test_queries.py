"""db/queries.py: list pages in every order, positions, counts and the detail pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db import queries
from db.database import open_library
from db.queries import SeriesListView, SortColumn
from tests.browser_library import create_browser_library


@pytest.fixture
def library(tmp_path: Path, mini_library_document: dict[str, Any]) -> Path:
    path = create_browser_library(tmp_path / "browser.sqlite", mini_library_document)
    open_library(path)
    return path


def titles(view: SeriesListView) -> list[str]:
    return [row.title for row in queries.series_page(view, 0, 100)]


def test_default_order_is_by_sort_title_ignoring_case(library: Path) -> None:
    assert titles(SeriesListView()) == ["Alpha Line", "<b>Bold</b> & Co", "Other Show",
                                        "Quiet Gamma", "Test Show", "The Zebra Hour"]


@pytest.mark.parametrize(("sort", "expected_first", "expected_last"), [
    (SortColumn.YEARS, "Quiet Gamma", "Test Show"),  # no year sorts first
    (SortColumn.EPISODES, "Quiet Gamma", "Alpha Line"),
    (SortColumn.NETWORK, "Alpha Line", "Quiet Gamma"),
    (SortColumn.GENRES, "Quiet Gamma", "The Zebra Hour"),
    (SortColumn.MY_RATING, "Other Show", "Test Show"),  # unrated by id; Alpha 3, Test 8
])
def test_each_column_sorts_in_sql_both_ways(library: Path, sort: SortColumn,
                                           expected_first: str, expected_last: str) -> None:
    ascending = titles(SeriesListView(sort=sort))
    descending = titles(SeriesListView(sort=sort, descending=True))
    assert (ascending[0], ascending[-1]) == (expected_first, expected_last)
    assert descending == list(reversed(ascending))


def test_pages_are_slices_of_the_whole_order(library: Path) -> None:
    view = SeriesListView(sort=SortColumn.NETWORK, descending=True)
    whole = [row.id for row in queries.series_page(view, 0, 100)]
    assert [row.id for row in queries.series_page(view, 2, 3)] == whole[2:5]
    assert queries.series_page(view, 6, 10) == []


@pytest.mark.parametrize("sort", list(SortColumn))
@pytest.mark.parametrize("descending", [False, True])
def test_a_page_read_from_an_earlier_page_start_is_the_same_page(
        library: Path, sort: SortColumn, descending: bool) -> None:
    view = SeriesListView(sort=sort, descending=descending)
    whole = [row.id for row in queries.series_page(view, 0, 100)]
    for first in range(len(whole)):
        _, start = queries.series_page_from(view, first, 2)
        assert start is not None and (start.offset, start.series_id) == (first, whole[first])
        for offset in range(first, len(whole) + 1):
            rows, _ = queries.series_page_from(view, offset, 2, near=start)
            assert [row.id for row in rows] == whole[offset:offset + 2]


@pytest.mark.parametrize("sort", list(SortColumn))
@pytest.mark.parametrize("descending", [False, True])
def test_position_of_every_row_matches_its_page(library: Path, sort: SortColumn,
                                                descending: bool) -> None:
    view = SeriesListView(sort=sort, descending=descending)
    rows = queries.series_page(view, 0, 100)
    assert [queries.series_position(view, row.id) for row in rows] == list(range(len(rows)))


def test_search_filters_titles_case_insensitively(library: Path) -> None:
    view = SeriesListView(search="SHOW")
    assert titles(view) == ["Other Show", "Test Show"]
    assert queries.series_count(view) == 2
    zebra = queries.series_page(SeriesListView(search="zebra"), 0, 1)[0]
    assert queries.series_position(view, zebra.id) is None


def test_search_text_with_sql_wildcards_and_markup_is_just_text(library: Path) -> None:
    # Punctuation is not searched: a lone wildcard asks for nothing, so the list stays whole.
    assert titles(SeriesListView(search="%")) == titles(SeriesListView())
    assert titles(SeriesListView(search="bold & co%")) == ["<b>Bold</b> & Co"]
    assert titles(SeriesListView(search="<b>bold</b>")) == ["<b>Bold</b> & Co"]


def test_my_rating_and_status_come_from_the_note(library: Path) -> None:
    rows = {row.title: row for row in queries.series_page(SeriesListView(), 0, 100)}
    assert (rows["Test Show"].my_rating, rows["Test Show"].my_status) == (8, "watched")
    assert (rows["Alpha Line"].my_rating, rows["Alpha Line"].my_status) == (3, "plan")
    assert rows["Quiet Gamma"].my_rating is None


def test_type_ahead_finds_the_first_title_with_a_prefix(library: Path) -> None:
    view = SeriesListView()
    assert queries.first_title_match(view, "qui") == 3
    assert queries.first_title_match(view, "nothing") is None


def test_series_detail_has_every_section(library: Path) -> None:
    test_show = queries.series_page(SeriesListView(search="Test Show"), 0, 1)[0]
    detail = queries.series_detail(test_show.id)
    assert detail is not None
    assert detail.genres == ("Drama",)
    assert [(c.actor, c.character) for c in detail.cast] == [("Ann Actor", "The Hero")]
    assert [c.name for c in detail.crew] == ["Cy Creator"]
    assert detail.reviews[0].verdict == "positive"
    assert detail.reviews[0].source is not None and detail.reviews[0].source.title == "Source A"
    assert [a.person_name for a in detail.awards] == ["Ann Actor"]
    other = queries.series_page(SeriesListView(search="Other Show"), 0, 1)[0]
    assert [(r.title, r.series_id) for r in detail.relations] == [
        ("Other Show", other.id), ("Missing Film", None)]
    (support,) = detail.sources
    assert dict(support.records)["credit"] == 2 and support.claimed_fields == ("episodes",)
    assert detail.disagreements == ()


def test_disagreeing_claims_are_reported_with_their_sources(
        tmp_path: Path, mini_library_document: dict[str, Any]) -> None:
    mini_library_document["sources"].append(
        {"key": "src-b", "title": "Source B", "kind": "article", "outlet": None, "url": None})
    mini_library_document["series"][0]["claims"].append(
        {"field": "episodes", "value": "8", "source": "src-b"})
    open_library(create_browser_library(tmp_path / "b.sqlite", mini_library_document))
    test_show = queries.series_page(SeriesListView(search="Test Show"), 0, 1)[0]
    detail = queries.series_detail(test_show.id)
    assert detail is not None
    (disagreement,) = detail.disagreements
    assert [(c.value, c.source.title) for c in disagreement.claims] == [
        ("6", "Source A"), ("8", "Source B")]


def test_person_detail_lists_roles_across_the_library(library: Path) -> None:
    test_show = queries.series_detail(
        queries.series_page(SeriesListView(search="Test Show"), 0, 1)[0].id)
    assert test_show is not None
    ann = queries.person_detail(test_show.cast[0].person_id or 0)
    assert ann is not None and ann.name == "Ann Actor"
    assert [(r.series_title, r.character) for r in ann.roles] == [
        ("Other Show", "Lead of Other Show"), ("Test Show", "The Hero")]
    assert [a.name for a in ann.awards] == ["Some Award"]
    assert queries.person_detail(10_000) is None
    assert queries.series_detail(10_000) is None


def test_library_counts(library: Path) -> None:
    assert queries.library_counts() == queries.LibraryCounts(6, 2, 1, 2)


@pytest.mark.parametrize("sort", [SortColumn.TITLE, SortColumn.YEARS, SortColumn.EPISODES,
                                  SortColumn.NETWORK, SortColumn.GENRES])
@pytest.mark.parametrize("descending", [False, True])
def test_series_columns_page_through_an_index_not_a_sort(library: Path, sort: SortColumn,
                                                         descending: bool) -> None:
    """A page of a 100,000-series list must not sort the whole table (see migration 6)."""
    from db.models import database_proxy

    connection = database_proxy.connection()
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    try:
        queries.series_page(SeriesListView(sort=sort, descending=descending), 2, 3)
    finally:
        connection.set_trace_callback(None)
    (paging,) = [sql for sql in statements if "LIMIT" in sql and "ORDER BY" in sql]
    plan = " ".join(row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {paging}"))
    assert "TEMP B-TREE" not in plan, plan
