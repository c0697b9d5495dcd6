"""What the search field's completer offers: field names, and values that exist in the library."""

from __future__ import annotations

from db.models import database_proxy
from db.search.tree import CHOICE_FIELDS, FIELDS

# Suggestions shown at once: a popup of more than this is scrolled, not read.
MAX_SUGGESTIONS = 12
# People are looked up from this many typed letters on: one letter would scan 150,000 names
# to offer twelve of them.
MIN_PERSON_PREFIX = 2

_PERSON_FIELDS = ("cast", "creator", "person")


def field_names(prefix: str) -> list[str]:
    """Fields whose name starts with `prefix` (case-insensitive), as 'name:'."""
    folded = prefix.lower()
    return [f"{name}:" for name in FIELDS if name.startswith(folded)]


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _names(sql: str, prefix: str) -> list[str]:
    rows = database_proxy.execute_sql(sql, (_like_prefix(prefix), MAX_SUGGESTIONS))
    return [str(row[0]) for row in rows]


# The networks the list shows (series.network), alphabetically, one index seek each: a few
# dozen names repeated over 100,000 series, which DISTINCT or a per-company check of 230,000
# company roles (up to 350 ms) would walk in full.
_NETWORKS = """
WITH RECURSIVE found(name) AS (
    SELECT (SELECT network FROM series WHERE network LIKE ?1 ESCAPE '\\'
            ORDER BY network COLLATE NOCASE LIMIT 1)
    UNION ALL
    SELECT (SELECT network FROM series WHERE network LIKE ?1 ESCAPE '\\'
            AND network > found.name COLLATE NOCASE ORDER BY network COLLATE NOCASE LIMIT 1)
    FROM found WHERE found.name IS NOT NULL)
SELECT name FROM found WHERE name IS NOT NULL LIMIT ?2"""


def field_values(field: str, prefix: str) -> list[str]:
    """Values of `field` that start with `prefix` and exist in the library (or are allowed)."""
    prefix = prefix.strip().strip('"')
    if field in CHOICE_FIELDS:
        return [value for value in CHOICE_FIELDS[field] if value.startswith(prefix.lower())]
    if field == "genre":
        return _names("SELECT name FROM genre WHERE name LIKE ? ESCAPE '\\' "
                      "ORDER BY name COLLATE NOCASE LIMIT ?", prefix)
    if field == "network":
        return _names(_NETWORKS, prefix)
    if field == "tag":
        return _names("SELECT name FROM tag WHERE name LIKE ? ESCAPE '\\' "
                      "ORDER BY name COLLATE NOCASE LIMIT ?", prefix)
    if field in _PERSON_FIELDS and len(prefix) >= MIN_PERSON_PREFIX:
        return _people(field, prefix)
    return []


def _people(field: str, prefix: str) -> list[str]:
    """Credited people whose first name or surname starts with `prefix`."""
    role = {"cast": "AND c.role = 'cast'", "creator": "AND c.role = 'creator'"}.get(field, "")
    # By `name` ("Regina King") for first names and by `sort_name` ("King, Regina") for
    # surnames: both walk a NOCASE index from the prefix on, in alphabetical order, and stop at
    # the first dozen credited people (no sort of 150,000 names, no scan).
    by_column = ("SELECT * FROM (SELECT p.name FROM person p WHERE p.{column} LIKE ? ESCAPE '\\' "
                 f"AND EXISTS (SELECT 1 FROM credit c WHERE c.person_id = p.id {role}) "
                 "LIMIT ?)")
    pattern = _like_prefix(prefix)
    rows = database_proxy.execute_sql(
        f"{by_column.format(column='name')} UNION {by_column.format(column='sort_name')}",
        (pattern, MAX_SUGGESTIONS, pattern, MAX_SUGGESTIONS))
    return sorted((str(row[0]) for row in rows), key=str.casefold)[:MAX_SUGGESTIONS]


def quoted_value(value: str) -> str:
    """A value as it must be typed after `field:` (quoted when it has spaces or quotes)."""
    if value and all(char.isalnum() or char in "-'.’" for char in value):
        return value
    return '"' + value.replace('"', "") + '"'
