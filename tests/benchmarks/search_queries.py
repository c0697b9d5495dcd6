"""What the search benchmark types, and which class each keystroke belongs to.

Each query is typed one character at a time into an empty field, as a user would; every
keystroke is one sample, classed by the text in the field after it. Words come from the
synthetic library's own lists (tests/benchmarks/words.py), so they match what real names and
titles match: a few series for a rare surname, tens of thousands for "s" or "-drama".
"""

from __future__ import annotations

TYPED_QUERIES: tuple[str, ...] = (
    # Plain words: the first four keystrokes are the short-prefix classes, the rest whole words.
    "harbour lights", "silent witness", "regina king", "the secret", "jersey city",
    "clare-hope", "kj harper", "midnight ferry", "ashitey", "police procedural", "detective",
    "amber", "wolf", "nordic noir", "ex", "o'connor", "regina", "kj", "jersey",
    # Fields.
    "cast:king", "cast:smith-jones", "year:2010..2019", "genre:drama", "genre:comedy",
    "network:netflix", "creator:sud", "character:harper", "verdict:mixed", "review:pacing",
    "year:>=2015 genre:crime", "title:harbour", "year:2018", "year:<2000", "has:award",
    "verdict:negative", "rating:>=8", "status:watched", "person:ashitey",
    # Negations.
    "-drama", "harbour -drama", "crime -comedy", "not comedy", "-netflix -hbo", "wolf -cast:king",
    "-netflix", "not drama or comedy", "-year:2018",
)

CLASSES: tuple[str, ...] = ("1 char", "2 chars", "3 chars", "4 chars", "whole words",
                            "field queries", "negations")


def keystroke_class(text: str) -> str:
    """The class of the search `text` (the field's content after a keystroke)."""
    words = text.split()
    if any(word.startswith("-") for word in words) or "not" in [w.lower() for w in words]:
        return "negations"
    if ":" in text:
        return "field queries"
    length = len(text.strip())
    if length <= 4 and len(words) == 1:
        return ("1 char", "2 chars", "3 chars", "4 chars")[length - 1]
    return "whole words"


def typed_texts(query: str) -> list[str]:
    """The field's content after each keystroke of typing `query`."""
    return [query[:end] for end in range(1, len(query) + 1)]
