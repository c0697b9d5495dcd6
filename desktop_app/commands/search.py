"""`search QUERY [--json]`: the series matching a search, with why each matched.

Exit 0 when something matched, 1 when nothing did, 2 on a usage error or a failure (a
library that cannot be opened…), as grep does: a script can tell "no match" from "no answer".

Everything after `search` is the query, in order, so `showshelf search -netflix` excludes
Netflix instead of being read as an option: `arrange_arguments` picks out the command's own
options (`--json`, `--limit N`, `-h`/`--help`) wherever they are and hands argparse the rest
after a `--`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from db.errors import library_errors
from db.search import SearchResult
from db.search.highlight import snippet
from db.seed import open_or_create_library

EXIT_FOUND, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
EXIT_FAILED = 2  # grep's code for an error; 1 would read as "nothing matched"
# Results printed by default: a terminal screenful; --limit asks for more.
DEFAULT_LIMIT = 20
MAX_LIMIT = 10_000


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="search the library (see 'Searching' in the README for the language)")
    parser.add_argument("query", nargs="+", metavar="QUERY",
                        help="search text, e.g. 'cast:king year:2018 -netflix' (several words "
                             "are joined with spaces; after --, even --json is a word)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"show at most N results (default {DEFAULT_LIMIT})")
    parser.set_defaults(run=run_search, failure_exit=EXIT_FAILED)


# The command's own options; --limit takes a value.
FLAG_OPTIONS = ("--json", "-h", "--help")
LIMIT_OPTION = "--limit"


def arrange_arguments(words: Sequence[str]) -> list[str]:
    """The words after `search` as argparse should see them: the options first, then `--` and
    the query words in their order.

    A word with one leading dash is a negation in the search language (`-netflix`), never an
    option (except -h). An unknown `--word` is left before the `--`, where argparse reports
    it as a usage error: it is more likely a misspelt option than a search. A `--` of the
    user's own makes every later word part of the query.
    """
    options: list[str] = []
    query: list[str] = []
    items = list(words)
    while items:
        word = items.pop(0)
        if word == "--":
            query += items
            break
        if word in FLAG_OPTIONS or word.startswith(LIMIT_OPTION + "="):
            options.append(word)
        elif word == LIMIT_OPTION:
            options.append(word)
            if items:
                options.append(items.pop(0))
        elif word.startswith("--") and word[2:3].isalpha():
            options.append(word)
        else:
            query.append(word)
    return [*options, "--", *query] if query else options


def run_search(args: argparse.Namespace, library: Path) -> int:
    from db.search import search_series

    # Arguments that were not UTF-8 arrive as lone surrogates, which no output stream or
    # SQLite can take: they become U+FFFD, as any text viewer would show them.
    query = " ".join(args.query).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if not query.strip():
        print("showshelf: search: give something to search for (see 'showshelf search "
              "--help')", file=sys.stderr)
        return EXIT_USAGE
    if not 1 <= args.limit <= MAX_LIMIT:
        print(f"showshelf: search: --limit must be between 1 and {MAX_LIMIT}", file=sys.stderr)
        return EXIT_USAGE
    open_or_create_library(library, busy_timeout=args.wait)
    with library_errors(library):
        result = search_series(query, limit=args.limit)
    if args.json:
        print(json.dumps(_as_json(query, result), ensure_ascii=False, indent=2))
    else:
        _print_text(result)
    return EXIT_FOUND if result.rows else EXIT_NOTHING


def _years(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return f" ({start})" if end in (None, start) else f" ({start}–{end})"


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The text with each matched span in [brackets]."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "[", text[start:end], "]"]
        last = end
    return "".join([*out, text[last:]])


def _print_text(result: SearchResult) -> None:
    for hint in result.hints:
        print(f"hint: {hint}", file=sys.stderr)
    for row in result.rows:
        print(f"{row.title}{_years(row.year_start, row.year_end)}")
        for reason in row.reasons:
            text, spans = snippet(reason.text, reason.spans)
            print(f"    {reason.field}: {_marked(text, spans)}")
    print(result.describe_total(), file=sys.stderr)


def _as_json(query: str, result: SearchResult) -> dict[str, object]:
    rows = []
    for row in result.rows:
        reasons = []
        for reason in row.reasons:
            text, spans = snippet(reason.text, reason.spans)
            reasons.append({"field": reason.field, "text": text,
                            "spans": [list(span) for span in spans]})
        rows.append({"id": row.id, "title": row.title, "year_start": row.year_start,
                     "year_end": row.year_end, "network": row.network, "matched": reasons})
    return {"query": query, "total": result.total,
            "total_is_capped": result.total_is_capped,
            "hints": list(result.hints), "results": rows}
