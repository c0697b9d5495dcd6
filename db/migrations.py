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


# Version 3: the search index. One FTS5 row per series (rowid = series.id) gathers everything a
# search may look at, so "every word must match somewhere" is one FTS5 AND and bm25 can weigh
# a title hit above a review hit. The view `series_search_document` is the one definition of
# what a row holds; triggers on every table it reads keep the index in step inside the writer's
# own transaction, and `showshelf check` compares index and view.
# Titles and names also carry a joined form when they have inner punctuation ("Clare-Hope" →
# "clarehope", "K.J." → "kj"), so typing them without the punctuation still finds them; these
# follow a " ¦ " marker so the UI can show a column's text without them.
# A bulk writer (the importer) may set search_index_batch.active = 1: the triggers then only
# list the series in search_index_dirty, and the writer reindexes each of them once before it
# commits (db.search.index.batch_reindexing), instead of once per credit or review written.
# The helpers below expand into the frozen SQL text; like the text, never change them.

_V3_INDEX_COLUMNS = ("title, cast, character, creator, crew, genre, network, review, note, tag, "
                     "other")


def _v3_joined(name: str) -> str:
    """SQL for `name` with its inner punctuation removed, or NULL when it has none."""
    stripped = name
    for mark in ("-", "‐", ".", "''", "’"):
        stripped = f"replace({stripped}, '{mark}', '')"
    return f"(CASE WHEN {name} GLOB '*[-‐.''’]*' THEN {stripped} END)"


def _v3_with_extra(shown: str, extra: str) -> str:
    """SQL for `shown`, then " ¦ " and `extra` (forms only for searching) when there are any.

    The UI cuts a column's text at " ¦ " to show why a series matched; the tokenizer reads
    "¦" as a space.
    """
    return f"{shown} || ifnull(' ¦ ' || {extra}, '')"


def _v3_text(*parts: str) -> str:
    """SQL joining the non-NULL `parts` with spaces (SQLite 3.40 has no concat_ws)."""
    return "trim(" + " || ' ' || ".join(f"ifnull({part}, '')" for part in parts) + ")"


def _v3_names(role_condition: str) -> str:
    names = _v3_with_extra("group_concat(p.name, ' ')",
                           f"group_concat({_v3_joined('p.name')}, ' ')")
    return (f"(SELECT {names} FROM credit c JOIN person p ON p.id = c.person_id "
            f"WHERE c.series_id = s.id AND {role_condition})")


# A word every series' row holds, so "everything except…" (`-drama`) is an FTS5 query too:
# "<this word>" NOT "drama" runs inside the index instead of testing 100,000 rows in SQL.
# It is spelled with a letter nobody types (U+A66E), so no prefix a user types reaches it.
_V3_EVERY_SERIES = "ꙮeveryseriesꙮ"

_V3_BATCH_ACTIVE = "(SELECT active FROM search_index_batch)"


def _v3_reindex(series_ids: str) -> str:
    """Trigger statements that reindex the series whose ids the SELECT `series_ids` yields."""
    return f"""
    DELETE FROM series_search WHERE rowid IN ({series_ids}) AND NOT {_V3_BATCH_ACTIVE};
    INSERT INTO series_search (rowid, {_V3_INDEX_COLUMNS})
        SELECT * FROM series_search_document
        WHERE id IN ({series_ids}) AND NOT {_V3_BATCH_ACTIVE};
    INSERT OR IGNORE INTO search_index_dirty (series_id)
        SELECT id FROM series WHERE id IN ({series_ids}) AND {_V3_BATCH_ACTIVE};"""


def _v3_trigger(name: str, event: str, table: str, series_ids: str, when: str = "") -> str:
    condition = f" WHEN {when}" if when else ""
    return (f"CREATE TRIGGER {name} AFTER {event} ON {table}{condition} BEGIN"
            f"{_v3_reindex(series_ids)}\nEND;\n")


def _v3_row_triggers(table: str, series_of: str, when_changed: str = "") -> str:
    """Insert, update and delete triggers for a table whose rows belong to one series each.

    `series_of` is a SQL expression over the row alias ROW giving its series id.
    """
    new, old = series_of.replace("ROW", "NEW"), series_of.replace("ROW", "OLD")
    when = when_changed.replace("ROW", "NEW") if when_changed else ""
    return (_v3_trigger(f"{table}_search_insert", "INSERT", table, f"SELECT {new}")
            + _v3_trigger(f"{table}_search_update", "UPDATE", table,
                          f"SELECT {old} UNION SELECT {new}", when)
            + _v3_trigger(f"{table}_search_delete", "DELETE", table, f"SELECT {old}"))


_V3_NOTE_SERIES = ("coalesce(ROW.series_id, (SELECT series_id FROM character "
                   "WHERE id = ROW.character_id))")

_V3_SEARCH = f"""
CREATE VIRTUAL TABLE series_search USING fts5 (
    {_V3_INDEX_COLUMNS},
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
-- bm25 weights, column by column: a title hit outranks every other, names come next, prose last.
INSERT INTO series_search (series_search, rank)
    VALUES ('rank', 'bm25(20.0, 4.0, 4.0, 4.0, 2.0, 2.0, 2.0, 1.0, 1.0, 2.0, 0.5)');
CREATE TABLE search_index_batch (active INTEGER NOT NULL DEFAULT 0);
INSERT INTO search_index_batch (active) VALUES (0);
CREATE TABLE search_index_dirty (series_id INTEGER PRIMARY KEY);
CREATE VIEW series_search_document AS
SELECT s.id AS id,
    {_v3_with_extra("s.title", "nullif(trim(ifnull(nullif(s.sort_title, s.title), '') || ' ' "
                    f"|| ifnull({_v3_joined('s.title')}, '')), '')")} AS title,
    {_v3_names("c.role = 'cast'")} AS cast,
    (SELECT {_v3_with_extra("group_concat(ch.name, ' ')",
                            f"group_concat({_v3_joined('ch.name')}, ' ')")}
        FROM character ch WHERE ch.series_id = s.id) AS character,
    {_v3_names("c.role = 'creator'")} AS creator,
    {_v3_names("c.role NOT IN ('cast', 'creator')")} AS crew,
    (SELECT group_concat(g.name, ' ') FROM series_genre sg JOIN genre g ON g.id = sg.genre_id
        WHERE sg.series_id = s.id) AS genre,
    {_v3_text("s.network", '''(SELECT group_concat(co.name, ' ') FROM series_company sc
        JOIN company co ON co.id = sc.company_id
        WHERE sc.series_id = s.id AND sc.role IN ('network', 'platform'))''')} AS network,
    (SELECT group_concat({_v3_text("r.outlet", "r.author", "r.praised", "r.criticised",
                                   "r.summary")}, ' ')
        FROM review r WHERE r.series_id = s.id) AS review,
    (SELECT group_concat(n.body, ' ') FROM note n
        LEFT JOIN character nc ON nc.id = n.character_id
        WHERE n.series_id = s.id OR nc.series_id = s.id) AS note,
    (SELECT group_concat(t.name, ' ') FROM note n
        LEFT JOIN character nc ON nc.id = n.character_id
        JOIN note_tag nt ON nt.note_id = n.id JOIN tag t ON t.id = nt.tag_id
        WHERE n.series_id = s.id OR nc.series_id = s.id) AS tag,
    {_v3_text("s.setting", "s.synopsis", "s.based_on", "s.country", "s.language",
              "(SELECT group_concat(ch.description, ' ') FROM character ch "
              "WHERE ch.series_id = s.id)",
              "(SELECT group_concat(co.name, ' ') FROM series_company sc "
              "JOIN company co ON co.id = sc.company_id WHERE sc.series_id = s.id "
              "AND sc.role NOT IN ('network', 'platform'))")}
        || ' ¦ {_V3_EVERY_SERIES}' AS other
FROM series s;
INSERT INTO series_search (rowid, {_V3_INDEX_COLUMNS}) SELECT * FROM series_search_document;
{_v3_trigger("series_search_insert", "INSERT", "series", "SELECT NEW.id")}
{_v3_trigger("series_search_update", "UPDATE", "series", "SELECT OLD.id UNION SELECT NEW.id")}
CREATE TRIGGER series_search_delete AFTER DELETE ON series BEGIN
    DELETE FROM series_search WHERE rowid = OLD.id;
END;
{_v3_row_triggers("credit", "ROW.series_id")}
{_v3_row_triggers("character", "ROW.series_id")}
{_v3_row_triggers("series_genre", "ROW.series_id")}
{_v3_row_triggers("series_company", "ROW.series_id")}
{_v3_row_triggers("review", "ROW.series_id")}
{_v3_row_triggers("note", _V3_NOTE_SERIES,
                  "OLD.body IS NOT NEW.body OR OLD.series_id IS NOT NEW.series_id "
                  "OR OLD.character_id IS NOT NEW.character_id")}
{_v3_row_triggers("note_tag", "(SELECT " + _V3_NOTE_SERIES.replace("ROW.", "n.")
                  + " FROM note n WHERE n.id = ROW.note_id)")}
{_v3_trigger("person_search_rename", "UPDATE", "person",
             "SELECT series_id FROM credit WHERE person_id = NEW.id",
             "OLD.name IS NOT NEW.name")}
{_v3_trigger("genre_search_rename", "UPDATE", "genre",
             "SELECT series_id FROM series_genre WHERE genre_id = NEW.id",
             "OLD.name IS NOT NEW.name")}
{_v3_trigger("company_search_rename", "UPDATE", "company",
             "SELECT series_id FROM series_company WHERE company_id = NEW.id",
             "OLD.name IS NOT NEW.name")}
{_v3_trigger("tag_search_rename", "UPDATE", "tag",
             "SELECT " + _V3_NOTE_SERIES.replace("ROW.", "n.") + " FROM note_tag nt "
             "JOIN note n ON n.id = nt.note_id WHERE nt.tag_id = NEW.id",
             "OLD.name IS NOT NEW.name")}
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


# Version 4: one definition of the search document for every library at version 3.
# Migration 3's view was refined on the day it was written (joined name forms moved behind the
# " ¦ " marker; the every-series word that lets "-drama" run inside FTS5 was added, then
# respelled with a letter nobody types) while libraries were already being made with it. Those
# libraries are at version 3 with an older view, and in them an exclusion-only search finds
# nothing. This step puts the final view in place and rebuilds the index from it, and does
# nothing where the view is already the final one (every library made from now on).
_V4_SEARCH_VIEW = next(statement for statement in _split_statements(_V3_SEARCH)
                       if statement.startswith("CREATE VIEW series_search_document"))


def _v4_search_document(connection: sqlite3.Connection) -> None:
    row = connection.execute("SELECT sql FROM sqlite_master WHERE type = 'view' "
                             "AND name = 'series_search_document'").fetchone()
    # SQLite keeps a statement's text without its final semicolon.
    if row is not None and row[0] == _V4_SEARCH_VIEW.removesuffix(";"):
        return
    connection.execute("DROP VIEW IF EXISTS series_search_document")
    connection.execute(_V4_SEARCH_VIEW)
    connection.execute("DELETE FROM series_search")
    connection.execute("DELETE FROM search_index_dirty")
    connection.execute("UPDATE search_index_batch SET active = 0")
    connection.execute(f"INSERT INTO series_search (rowid, {_V3_INDEX_COLUMNS}) "
                       "SELECT * FROM series_search_document")
    connection.execute("INSERT INTO series_search (series_search) VALUES ('optimize')")


# Version 5: people found by the start of their name, as the search field's completer asks
# after `cast:`; without it each keystroke scanned every person (15 ms at 150,000 people).
_V5_PERSON_NAME = """
CREATE INDEX person_name ON person (name COLLATE NOCASE);
"""

# Version 6: the list sorted by Genres or Episodes walks an index like the other columns do;
# without one every page sorted the whole table (27-126 ms a page at 100,000 series, < 3 ms
# with it). My rating and status sort through the note join and stay unindexed.
_V6_LIST_SORTS = """
CREATE INDEX series_genres_label ON series (genres_label COLLATE NOCASE, id);
CREATE INDEX series_episodes ON series (episodes, id);
"""

# MIGRATIONS[n] upgrades a schema at version n to version n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1_CATALOGUE),
    _script(_V2_NOTES),
    _script(_V3_SEARCH),
    _v4_search_document,
    _script(_V5_PERSON_NAME),
    _script(_V6_LIST_SORTS),
]


def latest_version() -> int:
    return len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, from_version: int) -> int:
    """Apply every step after `from_version` inside the caller's transaction; return new version."""
    for version in range(from_version, latest_version()):
        MIGRATIONS[version](connection)
    connection.execute(f"PRAGMA user_version = {latest_version():d}")
    return latest_version()
