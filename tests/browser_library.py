"""A small library for the browser's tests: a few series that sort differently on every column.

Built from the shared mini library document (tests/conftest.py) plus series whose titles,
years, episodes, networks, genres and notes differ, so each sort order is distinguishable.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from db.database import create_library
from db.importing.library_json import parse_library_text
from db.importing.library_writer import write_library

# (key, title, sort title, first aired, episodes, network, genre)
EXTRA_SERIES = (
    ("other-show", "Other Show", "Other Show", "2003", 20, "Beta TV", "Comedy"),
    ("zebra-hour", "The Zebra Hour", "Zebra Hour", "2011-03", 8, "Alpha Net", "Thriller"),
    ("alpha-line", "Alpha Line", "Alpha Line", "1999", 40, None, "Drama"),
    ("quiet-gamma", "Quiet Gamma", "Quiet Gamma", None, None, "Zed One", "Anthology"),
    ("<b>bold</b>", "<b>Bold</b> & Co", "Bold & Co", "2015", 12, "Beta TV", "Crime"),
)


def browser_document(mini: dict[str, Any]) -> dict[str, Any]:
    """The mini library plus EXTRA_SERIES; Ann Actor also plays in "Other Show", and "Test
    Show" is related to "Other Show" (in the library) and "Missing Film" (not in it)."""
    document = copy.deepcopy(mini)
    for key, title, sort_title, aired, episodes, network, genre in EXTRA_SERIES:
        document["series"].append({
            "key": key, "title": title, "sort_title": sort_title, "kind": "series",
            "first_aired": aired, "last_aired": None, "seasons": 1, "episodes": episodes,
            "status": None, "country": None, "language": None, "network": network,
            "setting": None, "synopsis": f"What happens in {title}.", "based_on": None,
            "sources": ["src-a"], "claims": [],
            "genres": [{"name": genre, "sources": ["src-a"]}], "companies": [],
            "characters": [{"key": "lead", "name": f"Lead of {title}", "description": None,
                            "sources": ["src-a"]}],
            "credits": [{"person": "ann-actor", "role": "cast", "character": "lead",
                         "sources": ["src-a"]}] if key == "other-show" else [],
            "reviews": [], "awards": [], "relations": [], "interviews": []})
    document["series"][0]["relations"].append(
        {"kind": "inspired_by", "title": "Missing Film", "year": 1990, "detail": None,
         "sources": ["src-a"]})
    document["notes"].append({
        "id": "fedcba9876543210fedcba9876543210",
        "target": {"kind": "series", "key": "alpha-line"},
        "body": "", "rating": 3, "status": "plan", "tags": [],
        "created": "2026-01-01T10:00:00+00:00", "updated": "2026-01-01T10:00:00+00:00",
        "revisions": []})
    return document


def create_browser_library(path: Path, mini: dict[str, Any]) -> Path:
    """Create the library file at `path` (not left bound)."""
    document = parse_library_text(json.dumps(browser_document(mini)), "browser.json")
    create_library(path, lambda _database: write_library(document, "browser.json"))
    return path
