"""What the search field's completer offers after `field:`."""

from __future__ import annotations

import json
from pathlib import Path

from db.importing.library_json import parse_library_text
from db.importing.library_writer import write_library
from db.models import Series, database_proxy
from db.notes import NoteState, NoteTarget, save_note
from db.search.values import MAX_SUGGESTIONS, field_names, field_values, quoted_value
from tests.conftest import MINI_LIBRARY


def test_field_names() -> None:
    assert field_names("c") == ["cast:", "character:", "creator:"]
    assert field_names("YE") == ["year:"]
    assert field_names("zz") == []


def test_people_by_first_name_or_surname(bundled_library: Path) -> None:
    assert "Regina King" in field_values("cast", "reg")
    assert "Regina King" in field_values("cast", "KING")
    assert field_values("creator", "sud") == ["Veena Sud"]
    assert field_values("creator", "king") == []  # she is cast, not a creator
    assert "Veena Sud" in field_values("person", "vee")
    assert field_values("cast", "r") == []  # one letter is not enough to look people up


def test_like_wildcards_are_plain_characters(bundled_library: Path) -> None:
    assert field_values("cast", "%%") == []
    assert field_values("cast", "__") == []
    assert field_values("genre", "%") == []


def test_genres_networks_tags_and_choices(bundled_library: Path) -> None:
    assert field_values("genre", "cr") == ["Crime drama"]
    assert field_values("network", "net") == ["Netflix"]
    assert field_values("tag", "") == []
    seven = Series.get(Series.title == "Seven Seconds").id
    save_note(NoteTarget("series", seven), NoteState("x", tags=("rewatch", "Recommend")))
    assert field_values("tag", "re") == ["Recommend", "rewatch"]
    assert field_values("verdict", "") == ["positive", "mixed", "negative"]
    assert field_values("status", "W") == ["watching", "watched"]
    assert field_values("year", "20") == []


def test_people_are_looked_up_through_indexes(bundled_library: Path) -> None:
    """The completer asks on every keystroke: it must never scan 150,000 people."""
    plans = []
    for column in ("name", "sort_name"):
        plan = database_proxy.execute_sql(
            f"EXPLAIN QUERY PLAN SELECT p.name FROM person p WHERE p.{column} LIKE ? "
            "ESCAPE '\\' LIMIT ?", ("sm%", MAX_SUGGESTIONS)).fetchall()
        plans.append(" ".join(str(step[-1]) for step in plan))
    assert "INDEX person_name (name>? AND name<?)" in plans[0]
    assert "INDEX person_sort_name (sort_name>? AND sort_name<?)" in plans[1]


def test_quoted_value() -> None:
    assert quoted_value("Netflix") == "Netflix"
    assert quoted_value("Clare-Hope") == "Clare-Hope"
    assert quoted_value("Crime drama") == '"Crime drama"'
    assert quoted_value('say "hi"') == '"say hi"'


def test_networks_are_listed_once_each_in_order(bundled_library: Path) -> None:
    document = json.loads(json.dumps(MINI_LIBRARY))
    for number, network in enumerate(["testflix", "Aardvark TV", "Testflix", "Netflix"]):
        series = json.loads(json.dumps(MINI_LIBRARY["series"][0]))
        series.update(key=f"n{number}", network=network, characters=[], credits=[],
                      awards=[], interviews=[])
        document["series"].append(series)
    document["notes"] = []
    write_library(parse_library_text(json.dumps(document)), "networks.json")
    assert [name.lower() for name in field_values("network", "")] == [
        "aardvark tv", "netflix", "testflix"]
    assert [name.lower() for name in field_values("network", "T")] == ["testflix"]
