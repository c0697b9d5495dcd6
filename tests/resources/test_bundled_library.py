"""The bundled Seven Seconds library holds every seed fact, each traced to its article."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop_app.app import main
from tests.conftest import SEEDS_DIR

GUIDE = "000_a5b83fba3e46175e.txt"
NEWS = "001_ad1f97e3f1549736.txt"
REVIEW = "002_acfef813ec2d9965.txt"


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    """The articles themselves live beside the checkout, not in it (we never copy them)."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR}")
    return {path.name: path.read_text(encoding="utf-8") for path in SEEDS_DIR.glob("*.txt")}


@pytest.fixture
def exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """What `export library` writes from an empty data directory (the first-run library)."""
    out = tmp_path / "x.json"
    assert main(["export", "library", "--format", "json", "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _series(document: dict[str, Any]) -> dict[str, Any]:
    (series,) = document["series"]
    return series


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"'))


def test_sources_are_the_three_seed_articles(exported: dict[str, Any]) -> None:
    assert sorted(source["key"] for source in exported["sources"]) == [GUIDE, NEWS, REVIEW]
    assert {source["kind"] for source in exported["sources"]} == {"article"}


def test_series_facts(exported: dict[str, Any]) -> None:
    series = _series(exported)
    assert (series["title"], series["kind"], series["seasons"], series["episodes"]) == (
        "Seven Seconds", "miniseries", 1, 10)
    assert (series["first_aired"], series["country"], series["language"]) == (
        "2018-02-23", "United States", "English")
    assert (series["network"], series["setting"]) == ("Netflix", "Jersey City")
    assert "The Major" in series["based_on"]
    assert [genre["name"] for genre in series["genres"]] == ["Crime drama", "Social thriller"]
    assert {(c["name"], c["role"]) for c in series["companies"]} == {
        ("Fox 21 Television Studios", "production"), ("Netflix", "production"),
        ("Netflix", "platform")}


def test_cast_and_crew_with_their_characters(exported: dict[str, Any]) -> None:
    series = _series(exported)
    names = {person["key"]: person["name"] for person in exported["people"]}
    characters = {c["key"]: c["name"] for c in series["characters"]}
    credits = {(names[c["person"]], c["role"], characters.get(c["character"]))
               for c in series["credits"]}
    assert credits == {
        ("Veena Sud", "creator", None), ("Veena Sud", "writer", None),
        ("Regina King", "cast", "Latrice Butler"),
        ("Russell Hornsby", "cast", "Isaiah Butler"),
        ("Clare-Hope Ashitey", "cast", "KJ Harper"),
        ("Beau Knapp", "cast", "Pete Jablonski"),
        ("Michael Mosley", "cast", "Fish Rinaldi"),
    }
    # The victim has no actor in any article, but he is in the library.
    assert "Brenton Butler" in characters.values()
    assert all(c["description"] for c in series["characters"])


def test_awards_related_titles_interviews_and_reviews(exported: dict[str, Any]) -> None:
    series = _series(exported)
    assert {(a["name"], a["category"], a["result"], a["person"]) for a in series["awards"]} == {
        ("Primetime Emmy Award", "Outstanding Lead Actress", "won", "regina-king"),
        ("Golden Globe", None, "won", "regina-king")}
    assert {(r["kind"], r["title"]) for r in series["relations"]} == {
        ("inspired_by", "The Major"), ("same_creator", "The Killing"),
        ("compared_with", "The Killing"), ("compared_with", "When They See Us"),
        ("compared_with", "American Crime"), ("casting", "Children of Men"),
        ("real_case", "Brenton Butler case")}
    real_case = next(r for r in series["relations"] if r["kind"] == "real_case")
    assert "$775,000" in real_case["detail"] and "Jacksonville" in real_case["detail"]
    assert {(i["person"], i["outlet"]) for i in series["interviews"]} == {
        ("clare-hope-ashitey", "Rolling Stone"), ("veena-sud", None)}
    verdicts = {review["source"]: review["verdict"] for review in series["reviews"]}
    assert verdicts == {GUIDE: "positive", NEWS: "positive", REVIEW: "mixed"}
    assert all(review["summary"] for review in series["reviews"])


def test_disagreements_keep_each_claim_with_its_source(exported: dict[str, Any]) -> None:
    claims: dict[str, dict[str, str]] = {}
    for claim in _series(exported)["claims"]:
        claims.setdefault(claim["field"], {})[claim["source"]] = claim["value"]
    assert set(claims["based_on"]) == {GUIDE, REVIEW}
    assert claims["based_on"][GUIDE] != claims["based_on"][REVIEW]
    assert "Golden Globe" in claims["awards"][GUIDE]
    assert claims["awards"][REVIEW] == "none mentioned"
    assert set(claims["officer"]) == {NEWS, REVIEW}


def _records_with_sources(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    records = [(f"people.{p['key']}", p) for p in document["people"]]
    for series in document["series"]:
        records.append((f"series.{series['key']}", series))
        for child in ("genres", "companies", "characters", "credits", "reviews", "awards",
                      "relations", "interviews"):
            records += [(f"series.{child}[{i}]", r) for i, r in enumerate(series[child])]
    return records


def test_every_record_names_its_source_article(exported: dict[str, Any]) -> None:
    for where, record in _records_with_sources(exported):
        assert record["sources"], f"{where} names no source"
        assert set(record["sources"]) <= {GUIDE, NEWS, REVIEW}, where


def test_every_name_appears_in_each_article_it_cites(exported: dict[str, Any],
                                                     seed_texts: dict[str, str]) -> None:
    """A cheap guard against invented facts: each person is named by every article cited."""
    for person in exported["people"]:
        for source in person["sources"]:
            assert person["name"] in _flat(seed_texts[source]), (person["name"], source)
    for character in _series(exported)["characters"]:
        surname = character["name"].split()[-1]
        assert any(surname in seed_texts[source] for source in character["sources"]), surname
    for relation in _series(exported)["relations"]:
        probe = relation["title"].removesuffix(" case")
        assert any(probe in seed_texts[s] for s in relation["sources"]), relation["title"]
