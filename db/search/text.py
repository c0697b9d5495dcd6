"""Text folding shared by the parser, the index and the highlighter.

The index's tokenizer (`unicode61 remove_diacritics 2`) lower-cases, strips accents and treats
every character that is not a letter or digit as a boundary. `words` does the same to the
user's text so what we ask FTS5 for is what it stored, and `word_spans` finds the same words
in displayed text for highlighting.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# A word: a run of letters and digits (\w without the underscore, which FTS5 splits on).
_WORD = re.compile(r"[^\W_]+")
# Words joined by inner punctuation, as in "Clare-Hope" or "K.J.": the index also stores them
# joined ("clarehope", "kj"), so they are matched joined too.
# It only starts where a word starts: tried from inside a long word too, it would backtrack
# through the rest of it from every letter (a 1,000-letter paste took 50 ms).
_JOINED_WORD = re.compile(r"(?<![^\W_])[^\W_]+(?:[-‐.'’][^\W_]+)+")


# The inner punctuation of joined names, deleted (str.translate table).
WITHOUT_JOINERS = str.maketrans("", "", "-‐.'’")


def fold(text: str) -> str:
    """Lower-case `text` and strip its accents: "Régina" → "regina"."""
    if text.isascii():
        return text.lower()  # nothing to strip: the common case, ten times faster
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    # Final sigma is the same letter to the index; lower() picks it by context, which differs
    # between a word alone and the same word inside a longer text.
    return stripped.lower().replace("ς", "σ")


def words(text: str) -> list[str]:
    """The folded words of `text`, as the index tokenizes it."""
    return [fold(match.group()) for match in _WORD.finditer(text)]


class WordSpan(NamedTuple):  # a tuple: made for every word of every painted cell
    start: int
    end: int
    word: str  # folded


def joined_form(text: str) -> str | None:
    """The joined word the index also holds for a punctuated name ("K.J." → "kj"), or None
    when `text` is not one name with inner punctuation."""
    match = _JOINED_WORD.search(text)
    if match is None or words(text[:match.start()]) or words(text[match.end():]):
        return None
    return "".join(words(match.group()))


def word_spans(text: str) -> list[WordSpan]:
    """Every word of `text` with its position, in order."""
    return [WordSpan(match.start(), match.end(), fold(match.group()))
            for match in _WORD.finditer(text)]


def joined_spans(text: str) -> list[WordSpan]:
    """The punctuated names of `text` ("Clare-Hope", "K.J."), each as its joined word."""
    return [WordSpan(match.start(), match.end(), "".join(words(match.group())))
            for match in _JOINED_WORD.finditer(text)]
