"""The window's view of a search: pages, capped counts and positions agree in every order."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from db.importing.library_json import parse_library_text
from db.importing.library_writer import write_library
from db.models import Series
from db.search import listing, prepare
from db.search.listing import TITLE_ORDER, ListOrder, capped_count, page_ids, position
from tests.conftest import MINI_LIBRARY

TITLES = ["Harbour Lights", "Quiet Harbour", "Harbour of Ash", "The Inland Sea", "Harbour Town",
          "Mountain Pass", "A Harbour Diary"]


@pytest.fixture
def library(bundled_library: Path) -> Path:
    document = copy.deepcopy(MINI_LIBRARY)
    document["notes"] = []
    template = document["series"][0]
    document["series"] = []
    for number, title in enumerate(TITLES):
        series = copy.deepcopy(template)
        for child in ("characters", "credits", "awards", "interviews"):
            series[child] = []
        series.update(key=f"s{number}", title=title, sort_title=title,
                      first_aired=f"{2010 + number}-01-01", synopsis="Boats.")
        document["series"].append(series)
    write_library(parse_library_text(json.dumps(document)), "many.json")
    return bundled_library


def _ids(text: str, order: ListOrder | None) -> list[int]:
    return page_ids(prepare(text), order, 0, 100)


@pytest.mark.parametrize("rank_limit", [1000, 2])  # ranked by bm25; listed in index order
@pytest.mark.parametrize("text", ["harbour", "harb", "-harbour", "boats year:2012..2015",
                                  "year:2013..", "harbour -town", "has:review"])
@pytest.mark.parametrize("order", [None, TITLE_ORDER, ListOrder("s.year_start", True)])
def test_positions_pages_and_counts_agree(library: Path, monkeypatch: pytest.MonkeyPatch,
                                          rank_limit: int, text: str,
                                          order: ListOrder | None) -> None:
    monkeypatch.setattr(listing, "RANK_LIMIT", rank_limit)
    listing.forget_counts()
    search = prepare(text)
    every = _ids(text, order)
    assert len(set(every)) == len(every)
    assert capped_count(search, 100) == (len(every), False)
    # Pages of two join up into the whole list.
    paged = [series_id for start in range(0, len(every) + 2, 2)
             for series_id in page_ids(search, order, start, 2)]
    assert paged == every
    for row, series_id in enumerate(every):
        assert position(search, order, series_id) == row
    for series in Series.select(Series.id):
        if series.id not in every:
            assert position(search, order, series.id) is None


def test_relevance_puts_title_matches_first_and_large_sets_in_index_order(
        library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ranked = [Series.get_by_id(i).title for i in _ids("harbour", None)]
    assert set(ranked[:5]) == {title for title in TITLES if "Harbour" in title}
    monkeypatch.setattr(listing, "RANK_LIMIT", 2)
    listing.forget_counts()
    listed = _ids("harbour", None)
    assert listed == sorted(listed)


def test_counts_stop_one_past_the_cap(library: Path) -> None:
    assert capped_count(prepare("harbour"), 3) == (3, True)
    assert capped_count(prepare("harbour"), 5) == (5, False)
    assert listing.match_count(prepare("harbour"), 2) == 3
