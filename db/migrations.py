"""Numbered schema migrations, tracked in `PRAGMA user_version`.

A new library runs every step from 0, an older one runs the steps it lacks: one code path, so
the upgrade path is exercised by every fresh library. Steps are frozen SQL; never edit a step
that has shipped, add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Version 1: the catalogue (series, people, credits, reviews…) with provenance.
_V1_CATALOGUE = """
CREATE TABLE source (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'import', 'user')),
    outlet TEXT,
    url TEXT
);
CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sort_title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'series' CHECK (kind IN ('series', 'miniseries')),
    first_aired TEXT,
    last_aired TEXT,
    year_start INTEGER,
    year_end INTEGER,
    seasons INTEGER,
    episodes INTEGER,
    status TEXT,
    country TEXT,
    language TEXT,
    network TEXT,
    setting TEXT,
    synopsis TEXT,
    based_on TEXT,
    genres_label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX series_sort_title ON series (sort_title COLLATE NOCASE, id);
CREATE INDEX series_year_start ON series (year_start, id);
CREATE INDEX series_network ON series (network COLLATE NOCASE, id);
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    about TEXT
);
CREATE INDEX person_sort_name ON person (sort_name COLLATE NOCASE);
CREATE TABLE character (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    UNIQUE (series_id, key)
);
CREATE TABLE credit (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role TEXT NOT NULL
        CHECK (role IN ('cast', 'creator', 'writer', 'producer', 'director')),
    character_id INTEGER REFERENCES character (id) ON DELETE SET NULL,
    billing INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX credit_series ON credit (series_id, billing);
CREATE INDEX credit_person ON credit (person_id);
CREATE INDEX credit_character ON credit (character_id);
CREATE TABLE genre (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE series_genre (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    genre_id INTEGER NOT NULL REFERENCES genre (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (series_id, genre_id)
);
CREATE INDEX series_genre_genre ON series_genre (genre_id);
CREATE TABLE company (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE series_company (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    company_id INTEGER NOT NULL REFERENCES company (id) ON DELETE CASCADE,
    role TEXT NOT NULL
        CHECK (role IN ('production', 'platform', 'network', 'distributor')),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX series_company_series ON series_company (series_id);
CREATE INDEX series_company_company ON series_company (company_id);
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    source_id INTEGER REFERENCES source (id) ON DELETE SET NULL,
    outlet TEXT,
    author TEXT,
    published TEXT,
    verdict TEXT NOT NULL CHECK (verdict IN ('positive', 'mixed', 'negative')),
    praised TEXT,
    criticised TEXT,
    summary TEXT
);
CREATE INDEX review_series ON review (series_id);
CREATE INDEX review_source ON review (source_id);
CREATE TABLE award (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    category TEXT,
    year INTEGER,
    result TEXT NOT NULL CHECK (result IN ('won', 'nominated'))
);
CREATE INDEX award_series ON award (series_id);
CREATE INDEX award_person ON award (person_id);
CREATE TABLE relation (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    kind TEXT NOT NULL
        CHECK (kind IN ('inspired_by', 'same_creator', 'compared_with', 'real_case', 'casting')),
    title TEXT NOT NULL,
    year INTEGER,
    detail TEXT,
    other_series_id INTEGER REFERENCES series (id) ON DELETE SET NULL
);
CREATE INDEX relation_series ON relation (series_id);
CREATE INDEX relation_other_series ON relation (other_series_id);
CREATE TABLE interview (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    outlet TEXT,
    topic TEXT NOT NULL
);
CREATE INDEX interview_series ON interview (series_id);
CREATE INDEX interview_person ON interview (person_id);
CREATE TABLE citation (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    field TEXT,
    value TEXT
);
CREATE INDEX citation_subject ON citation (subject, subject_id);
CREATE INDEX citation_source ON citation (source_id);
"""

# Version 2: personal notes with tags and a revision for every save.
_V2_NOTES = """
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    series_id INTEGER REFERENCES series (id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,
    character_id INTEGER REFERENCES character (id) ON DELETE CASCADE,
    body TEXT NOT NULL DEFAULT '',
    rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 10),
    status TEXT CHECK (status IS NULL OR status IN ('plan', 'watching', 'watched', 'dropped')),
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    CHECK ((series_id IS NOT NULL) + (person_id IS NOT NULL) + (character_id IS NOT NULL) = 1)
);
-- One note per target: the editor on a detail page edits "the" note of that item.
CREATE UNIQUE INDEX note_series ON note (series_id) WHERE series_id IS NOT NULL;
CREATE UNIQUE INDEX note_person ON note (person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX note_character ON note (character_id) WHERE character_id IS NOT NULL;
CREATE INDEX note_updated ON note (updated);
CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE note_tag (
    note_id INTEGER NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX note_tag_tag ON note_tag (tag_id);
CREATE TABLE note_revision (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    rating INTEGER,
    status TEXT,
    tags TEXT NOT NULL DEFAULT '',
    saved TEXT NOT NULL
);
CREATE INDEX note_revision_note ON note_revision (note_id, id);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def step(connection: sqlite3.Connection) -> None:
        # executescript() would COMMIT our transaction first; run statement by statement.
        for statement in _split_statements(sql):
            connection.execute(statement)

    return step


def _split_statements(sql: str) -> list[str]:
    """Split a frozen migration script into complete statements (triggers included)."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete statement in migration: {pending.strip()[:60]}")
    return statements


# MIGRATIONS[n] upgrades a schema at version n to version n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1_CATALOGUE),
    _script(_V2_NOTES),
]


def latest_version() -> int:
    return len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, from_version: int) -> int:
    """Apply every step after `from_version` inside the caller's transaction; return new version."""
    for version in range(from_version, latest_version()):
        MIGRATIONS[version](connection)
    connection.execute(f"PRAGMA user_version = {latest_version():d}")
    return latest_version()
