"""Shared fixtures: real SQLite library files in tmp_path, never a mocked database."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db.database import close_library
from db.seed import BUNDLED_LIBRARY, open_or_create_library

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

# A small library exercising every record kind, independent of the bundled content.
MINI_LIBRARY: dict[str, Any] = {
    "format": "showshelf-library",
    "version": 1,
    "sources": [{"key": "src-a", "title": "Source A", "kind": "article", "outlet": None,
                 "url": None}],
    "people": [
        {"key": "ann-actor", "name": "Ann Actor", "sort_name": "Actor, Ann", "about": "An actor",
         "sources": ["src-a"]},
        {"key": "cy-creator", "name": "Cy Creator", "sort_name": "Creator, Cy", "about": None,
         "sources": ["src-a"]},
    ],
    "series": [{
        "key": "test-show", "title": "Test Show", "sort_title": "Test Show",
        "kind": "miniseries", "first_aired": "2019-05-01", "last_aired": None, "seasons": 1,
        "episodes": 6, "status": None, "country": "Nowhere", "language": "English",
        "network": "Testflix", "setting": "Springfield", "synopsis": "A test synopsis.",
        "based_on": None, "sources": ["src-a"],
        "claims": [{"field": "episodes", "value": "6", "source": "src-a"}],
        "genres": [{"name": "Drama", "sources": ["src-a"]}],
        "companies": [{"name": "Test Studio", "role": "production", "sources": ["src-a"]}],
        "characters": [{"key": "hero", "name": "The Hero", "description": "Leads.",
                        "sources": ["src-a"]}],
        "credits": [
            {"person": "ann-actor", "role": "cast", "character": "hero", "sources": ["src-a"]},
            {"person": "cy-creator", "role": "creator", "character": None, "sources": ["src-a"]},
        ],
        "reviews": [{"source": "src-a", "outlet": None, "author": None, "published": None,
                     "verdict": "positive", "praised": "acting", "criticised": "length",
                     "summary": "Good.", "sources": ["src-a"]}],
        "awards": [{"name": "Some Award", "category": None, "year": 2020, "result": "won",
                    "person": "ann-actor", "sources": ["src-a"]}],
        "relations": [{"kind": "compared_with", "title": "Other Show", "year": None,
                       "detail": None, "sources": ["src-a"]}],
        "interviews": [{"person": "ann-actor", "outlet": "Paper", "topic": "Her role.",
                        "sources": ["src-a"]}],
    }],
    "notes": [{
        "id": "0123456789abcdef0123456789abcdef",
        "target": {"kind": "series", "key": "test-show"},
        "body": "Loved it, *mostly*.", "rating": 8, "status": "watched", "tags": ["crime"],
        "created": "2026-01-01T10:00:00+00:00", "updated": "2026-01-02T10:00:00+00:00",
        "revisions": [
            {"body": "Loved it.", "rating": None, "status": "watching", "tags": [],
             "saved": "2026-01-01T10:00:00+00:00"},
            {"body": "Loved it, *mostly*.", "rating": 8, "status": "watched", "tags": ["crime"],
             "saved": "2026-01-02T10:00:00+00:00"},
        ],
    }],
}


@pytest.fixture
def mini_library_document() -> dict[str, Any]:
    return copy.deepcopy(MINI_LIBRARY)


@pytest.fixture
def mini_library_file(tmp_path: Path, mini_library_document: dict[str, Any]) -> Path:
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(mini_library_document, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def bundled_library(tmp_path: Path) -> Iterator[Path]:
    """A library file created from resources/library.json, opened and bound."""
    path = tmp_path / "library.sqlite"
    open_or_create_library(path, busy_timeout=0.2)
    yield path
    close_library()


@pytest.fixture(autouse=True)
def _unbind_library() -> Iterator[None]:
    yield
    close_library()


@pytest.fixture
def bundled_document() -> dict[str, Any]:
    return json.loads(BUNDLED_LIBRARY.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's library or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("SHOWSHELF_LIBRARY", raising=False)
