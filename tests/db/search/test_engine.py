"""search_series on real libraries: what the issue promises users, ranking and match reasons."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from db.importing.library_json import parse_library_text
from db.importing.library_writer import write_library
from db.models import Character, Series
from db.notes import NoteState, NoteTarget, save_note
from db.search import MatchReason, search_series
from tests.conftest import MINI_LIBRARY

SEVEN_SECONDS = "Seven Seconds"


def titles(query: str) -> list[str]:
    return [row.title for row in search_series(query).rows]


def reasons(query: str) -> dict[str, MatchReason]:
    rows = search_series(query).rows
    assert len(rows) == 1, [row.title for row in rows]
    return {reason.field: reason for reason in rows[0].reasons}


def marked(reason: MatchReason) -> list[str]:
    return [reason.text[start:end] for start, end in reason.spans]


# --- the bundled library: what the "done when" lists --------------------------------

@pytest.mark.parametrize("query", [
    "regina", "Régina", "REGINA", "cast:king", "character:harper", "clare-hope", "clare hope",
    "clarehope", "Clare-Hope Ashitey", "kj", "KJ", "K.J.", "jersey", "creator:sud", "year:2018",
    "verdict:mixed", "review:pacing", "seven sec", '"seven seconds"', "title:seven",
    "genre:crime", "network:netflix", "person:sud", "year:>=2010", "year:2010..2019",
    "has:review", "has:award", "regina -comedy", "not comedy", "comedy or jersey",
    "(regina or nobody) year:2018", "actor:king", "-cast:sud", "status:watched or regina",
])
def test_these_find_seven_seconds(bundled_library: Path, query: str) -> None:
    assert titles(query) == [SEVEN_SECONDS]


@pytest.mark.parametrize("query", [
    "year:<2000", "-netflix", "cast:sud", "creator:king", "title:jersey", "verdict:negative",
    "has:note", "regina -king", "year:2019..", "genre:comedy", '"king regina"', "zzzz",
    "status:ended", "tag:anything", "note:anything", "rating:>=1",
])
def test_these_find_nothing(bundled_library: Path, query: str) -> None:
    assert titles(query) == []


def test_a_name_matched_in_the_cast_is_reported_with_its_span(bundled_library: Path) -> None:
    cast = reasons("regina")["cast"]
    assert cast.text.startswith("Regina King")
    assert marked(cast) == ["Regina"]


def test_a_field_query_reports_only_that_field(bundled_library: Path) -> None:
    found = reasons("cast:king")
    assert set(found) == {"cast"}
    assert marked(found["cast"]) == ["King"]


def test_punctuated_names_are_marked_whole(bundled_library: Path) -> None:
    assert marked(reasons("clarehope")["cast"]) == ["Clare-Hope"]
    assert marked(reasons("clare-hope")["cast"]) == ["Clare-Hope"]
    assert marked(reasons("kj")["character"]) == ["KJ"]
    assert marked(reasons("K.J.")["character"]) == ["KJ"]


def test_accents_are_marked_in_the_text_as_written(bundled_library: Path) -> None:
    assert marked(reasons("Régina")["cast"]) == ["Regina"]


def test_non_word_reasons(bundled_library: Path) -> None:
    year = reasons("year:2018")["year"]
    assert (year.text, year.spans) == ("2018", ((0, 4),))
    assert reasons("verdict:mixed")["verdict"].text == "mixed"
    assert "has" in reasons("has:award")


def test_excluded_words_are_not_reasons(bundled_library: Path) -> None:
    found = reasons("jersey -comedy")
    assert all("comedy" not in "".join(marked(reason)).lower() for reason in found.values())
    assert marked(found["details"])[0] == "Jersey"


def test_my_notes_tags_status_and_rating_are_searchable(bundled_library: Path) -> None:
    seven = Series.get(Series.title == SEVEN_SECONDS).id
    save_note(NoteTarget("series", seven),
              NoteState("The courtroom episodes hit hardest.", 9, "watched", ("rewatch",)))
    for query in ["note:courtroom", "courtroom", "tag:rewatch", "rewatch", "status:watched",
                  "status:watch", "rating:9", "rating:>=8", "rating:8..10", "has:note",
                  "courtroom -tag:dull"]:
        assert titles(query) == [SEVEN_SECONDS], query
    for query in ["note:pacing", "tag:courtroom", "status:dropped", "rating:<9", "-has:note",
                  "-rating:>=8"]:
        assert titles(query) == [], query
    note = reasons("note:courtroom")["my note"]
    assert marked(note) == ["courtroom"]
    assert marked(reasons("tag:rew")["tag"]) == ["rewatch"]


def test_a_character_note_is_found_through_its_series(bundled_library: Path) -> None:
    harper = Character.get(Character.name == "KJ Harper").id
    save_note(NoteTarget("character", harper), NoteState("Quiet, then explosive."))
    assert titles("note:explosive") == [SEVEN_SECONDS]
    assert titles("has:note") == []  # has:note is about the series' own note


def test_an_edit_is_searchable_at_once(bundled_library: Path) -> None:
    seven = Series.get(Series.title == SEVEN_SECONDS).id
    save_note(NoteTarget("series", seven), NoteState("first draft"))
    assert titles("note:draft") == [SEVEN_SECONDS]
    save_note(NoteTarget("series", seven), NoteState("second thoughts"))
    assert titles("note:draft") == []
    assert titles("note:thoughts") == [SEVEN_SECONDS]


def test_hints_come_with_best_effort_results(bundled_library: Path) -> None:
    result = search_series("jersey yaer:2018")
    assert result.hints == ("unknown field 'yaer' — did you mean 'year'?",)
    assert [row.title for row in result.rows] == []  # "2018" is searched as a word
    result = search_series("jersey year:abc")
    assert [row.title for row in result.rows] == [SEVEN_SECONDS]
    assert result.hints == ("year:abc is not a number; try year:2018, >=2010 or 2010..2019",)
    result = search_series('"regina king')
    assert [row.title for row in result.rows] == [SEVEN_SECONDS]
    assert result.hints == ("a quote is not closed; searching up to the end",)


def test_an_empty_search_lists_every_series(bundled_library: Path) -> None:
    result = search_series("   ")
    assert [row.title for row in result.rows] == [SEVEN_SECONDS]
    assert result.describe_total() == "1 match"


# --- ranking and counting across several series ---------------------------------------------

def _series(key: str, title: str, synopsis: str) -> dict[str, object]:
    series = copy.deepcopy(MINI_LIBRARY["series"][0])
    for child in ("characters", "credits", "awards", "interviews"):
        series[child] = []
    series.update(key=key, title=title, sort_title=title, synopsis=synopsis)
    return series


@pytest.fixture
def harbour_library(bundled_library: Path) -> Path:
    """Series where "harbour" is in a title, in a synopsis, or nowhere."""
    document = copy.deepcopy(MINI_LIBRARY)
    document["notes"] = []
    document["series"] = [
        _series("quiet-town", "Quiet Town", "Boats come into the harbour at dawn."),
        _series("harbour-lights", "Harbour Lights", "A lighthouse keeper's year."),
        _series("inland", "Inland", "Far from any water."),
    ]
    write_library(parse_library_text(json.dumps(document)), "harbour.json")
    return bundled_library


def test_title_matches_rank_first(harbour_library: Path) -> None:
    assert titles("harbour") == ["Harbour Lights", "Quiet Town"]
    assert titles("harb") == ["Harbour Lights", "Quiet Town"]


def test_counts_stop_at_the_cap(harbour_library: Path) -> None:
    every = search_series("testflix", count_cap=2)
    assert (every.total, every.total_is_capped) == (2, True)
    assert every.describe_total() == "2+ matches"
    exact = search_series("testflix", count_cap=10)
    assert (exact.total, exact.total_is_capped) == (3, False)
    assert exact.describe_total() == "3 matches"


def test_pages(harbour_library: Path) -> None:
    first = search_series("testflix", limit=2)
    rest = search_series("testflix", limit=2, offset=2)
    assert len(first.rows) == 2 and len(rest.rows) == 1
    assert {row.title for row in first.rows + rest.rows} == {"Quiet Town", "Harbour Lights",
                                                            "Inland"}


def test_exclusions_alone_list_the_rest(harbour_library: Path) -> None:
    assert sorted(titles("-harbour")) == ["Inland", SEVEN_SECONDS]
    assert sorted(titles("not harbour -netflix")) == ["Inland"]


def test_exclusions_inside_or(harbour_library: Path) -> None:
    assert sorted(titles("not harbour or lights")) == ["Harbour Lights", "Inland", SEVEN_SECONDS]
    assert sorted(titles("-harbour or -inland")) == sorted(titles("-(harbour inland)"))
    assert sorted(titles("year:2018 or -testflix")) == [SEVEN_SECONDS]
    assert titles("not harbour or not inland or not testflix") != []
    assert sorted(titles("(not harbour or lights) -netflix")) == ["Harbour Lights", "Inland"]
