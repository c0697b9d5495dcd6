"""The list model: pages read from page starts laid down in the background are the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from db.database import close_library, open_library
from db.queries import SeriesListView, SortColumn, series_page
from desktop_app.ui import series_model
from desktop_app.ui.series_model import SeriesTableModel
from tests.browser_library import create_browser_library


@pytest.fixture
def library(tmp_path: Path, mini_library_document: dict[str, Any]) -> Iterator[Path]:
    path = create_browser_library(tmp_path / "browser.sqlite", mini_library_document)
    open_library(path)
    yield path
    close_library()


def titles(model: SeriesTableModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.parametrize("descending", [False, True])
def test_seeded_page_starts_give_the_same_rows_in_every_view(
        qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch, descending: bool) -> None:
    monkeypatch.setattr(series_model, "SEED_STEP", 2)
    monkeypatch.setattr(series_model, "SEEDS_PER_TURN", 1)
    monkeypatch.setattr(series_model, "PAGE_SIZE", 2)
    view = SeriesListView(sort=SortColumn.NETWORK, descending=descending)
    expected = titles(SeriesTableModel(view))
    model = SeriesTableModel(view)
    model.seed_page_starts()
    qtbot.waitUntil(lambda: [start.offset for start in model._starts] == [2, 4])
    assert titles(model) == expected

    model.set_search("show")  # a search lays down nothing
    qtbot.wait(20)
    assert model._starts == []
    model.set_search("")  # back to the whole list: seeded again
    qtbot.waitUntil(lambda: [start.offset for start in model._starts] == [2, 4])
    assert titles(model) == expected


def test_a_list_started_from_a_bound_settles_to_the_exact_rows(
        qtbot: QtBot, library: Path) -> None:
    from db.database import write_transaction
    from db.models import Series

    with write_transaction():  # the first series gone: the largest id is above the count
        Series.delete().where(Series.id == Series.select(Series.id).order_by(
            Series.id).limit(1).scalar()).execute()
    expected = titles(SeriesTableModel(SeriesListView()))
    model = SeriesTableModel(SeriesListView(), quick_count=True)
    assert model.rowCount() == len(expected) + 1
    with qtbot.waitSignal(model.modelReset):
        model.settle_count()
    assert titles(model) == expected


def test_a_rows_texts_and_series_are_what_the_queries_and_data_give(
        qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(series_model, "PAGE_SIZE", 4)  # rows from two pages, the last short
    view = SeriesListView(sort=SortColumn.YEARS)
    model = SeriesTableModel(view)
    expected = series_page(view, 0, 100)
    assert [model.series_row(row) for row in range(model.rowCount())] == expected
    assert [model.series_id(row) for row in range(model.rowCount())] == [
        series.id for series in expected]
    for row in range(model.rowCount()):
        assert model.row_texts(row) == tuple(
            model.index(row, column).data() for column in range(model.columnCount()))
    assert model.row_texts(model.rowCount()) is None
    assert model.series_row(-1) is None
