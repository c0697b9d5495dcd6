"""Search text → tree, forgiving: any input parses, problems become short hints.

Grammar (loosest first): `a or b`; `a b` (both); `-a` / `not a`; `(…)`; `"a phrase"`;
`field:value`, `field:"a phrase"`, `field:(a or b)`. See db/search/__init__.py for the fields.
Pure: no I/O, no SQL.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from db.search.text import joined_form, words
from db.search.tree import (
    CHOICE_FIELDS,
    FIELDS,
    NUMBER_FIELDS,
    And,
    Choice,
    Node,
    Not,
    Or,
    Range,
    SeriesStatus,
    Text,
)

# Longer text is cut here: nobody types more, and it bounds the work (and the SQL) any paste can
# cause. Hints say so.
MAX_QUERY_CHARS = 1000
# Terms beyond this many are ignored, for the same reason.
MAX_TERMS = 32
# Nesting deeper than this is flattened: the parser recurses once per level.
MAX_DEPTH = 20

_NUMBER_RANGE = re.compile(r"^(\d{1,4})?\s*\.\.\s*(\d{1,4})?$")
_NUMBER_COMPARISON = re.compile(r"^(<=|>=|<|>|=)?\s*(\d{1,4})$")
# Numbers, comparisons or ranges that only fail on length (year:20180).
_TOO_MANY_DIGITS = re.compile(r"^(<=|>=|<|>|=)?\s*\d*\s*(\.\.)?\s*\d*$")


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "phrase", "(", ")", "or", "not", "and"
    text: str = ""
    field: str | None = None  # for word/phrase tokens written field:value
    negated: bool = False  # written with a leading "-"
    at_end: bool = False  # still being typed: the last word, or a quote not yet closed
    opens_group: bool = False  # field:( … ) — the field applies to the group


@dataclass
class ParsedQuery:
    tree: Node | None  # None: nothing to search for (every series matches)
    hints: list[str] = field(default_factory=list)


def parse(text: str) -> ParsedQuery:
    """Parse search text into a tree; never raises."""
    hints: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        hints.append(f"only the first {MAX_QUERY_CHARS} characters are searched")
    tokens = _lex(text, hints)
    parser = _Parser(tokens, hints)
    tree = parser.parse()
    return ParsedQuery(tree, _unique(hints))


def _unique(hints: list[str]) -> list[str]:
    return list(dict.fromkeys(hints))


# --- lexing ------------------------------------------------------------------------------------

def _lex(text: str, hints: list[str]) -> list[Token]:
    tokens: list[Token] = []
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char.isspace() or char in "\x00\r\n\t":
            position += 1
            continue
        if char in "()":
            tokens.append(Token(char))
            position += 1
            continue
        negated = False
        if char == "-" and position + 1 < length and not text[position + 1].isspace():
            negated = True
            position += 1
            char = text[position]
            if char in "()":
                tokens.append(Token("not"))
                continue
        if char == '"':
            phrase, position, closed = _quoted(text, position)
            if not closed:
                hints.append("a quote is not closed; searching up to the end")
            # Only an unclosed quote is still being typed: a closed one asks for these words.
            tokens.append(Token("phrase", phrase, negated=negated, at_end=not closed))
            continue
        end = position
        while end < length and not text[end].isspace() and text[end] not in '()"':
            end += 1
        word = text[position:end]
        name, colon, value = word.partition(":")
        if colon and name and _is_field_like(name):
            position = end
            tokens.append(_field_token(name.lower(), value, text, position, negated, hints))
            if tokens[-1].kind == "phrase" and not value:
                _, position, _ = _quoted(text, position)
            continue
        position = end
        keyword = word.lower()
        if not negated and keyword in ("or", "and", "not") and word in (keyword,
                                                                      keyword.upper()):
            tokens.append(Token(keyword))
        elif not negated and word == "|":
            tokens.append(Token("or"))
        else:
            tokens.append(Token("word", word, negated=negated, at_end=end >= length))
    return tokens


def _is_field_like(name: str) -> bool:
    return name.isascii() and name.isalpha() and len(name) <= 20


def _quoted(text: str, position: int) -> tuple[str, int, bool]:
    """The text of the quote starting at `position`, where it ends, and whether it closes."""
    close = text.find('"', position + 1)
    if close < 0:
        return text[position + 1:], len(text), False
    return text[position + 1:close], close + 1, True


def _field_token(name: str, value: str, text: str, after: int, negated: bool,
                 hints: list[str]) -> Token:
    known = _resolve_field(name, hints)
    at_end = after >= len(text)
    if not value and after < len(text) and text[after] == '"':
        phrase, _, closed = _quoted(text, after)
        if not closed:
            hints.append("a quote is not closed; searching up to the end")
        return Token("phrase", phrase, field=known, negated=negated, at_end=not closed)
    if not value and after < len(text) and text[after] == "(":
        return Token("word", "", field=known, negated=negated, opens_group=True)
    return Token("word", value, field=known, negated=negated, at_end=at_end)


def _resolve_field(name: str, hints: list[str]) -> str | None:
    if name in FIELDS:
        return name
    if name == "actor":
        return "cast"
    close = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.6)
    suggestion = f" — did you mean '{close[0]}'?" if close else ""
    hints.append(f"unknown field '{name}'{suggestion}")
    return None  # search its value as plain words


# --- parsing -------------------------------------------------------------------------------

class _Parser:
    def __init__(self, tokens: list[Token], hints: list[str]) -> None:
        self.tokens = tokens
        self.hints = hints
        self.position = 0
        self.terms = 0
        self.depth = 0

    def parse(self) -> Node | None:
        nodes: list[Node] = []
        while self.position < len(self.tokens):
            node = self._or()
            if node is not None:
                nodes.append(node)
            if self._peek() == ")":
                self.hints.append("a ')' has no '(' before it")
                self.position += 1
        return _and(nodes)

    def _peek(self) -> str | None:
        return self.tokens[self.position].kind if self.position < len(self.tokens) else None

    def _or(self, group_field: str | None = None) -> Node | None:
        branches: list[Node] = []
        node = self._and(group_field)
        if node is not None:
            branches.append(node)
        while self._peek() == "or":
            self.position += 1
            node = self._and(group_field)
            if node is not None:
                branches.append(node)
        flat = [child for branch in branches
                for child in (branch.children if isinstance(branch, Or) else (branch,))]
        if not flat:
            return None
        return flat[0] if len(flat) == 1 else Or(tuple(flat))

    def _and(self, group_field: str | None) -> Node | None:
        nodes: list[Node] = []
        while self._peek() not in (None, "or", ")"):
            if self._peek() == "and":
                self.position += 1
                continue
            node = self._unary(group_field)
            if node is not None:
                nodes.append(node)
        return _and(nodes)

    def _unary(self, group_field: str | None) -> Node | None:
        negations = 0
        while self._peek() == "not":
            negations += 1
            self.position += 1
        if self._peek() in (None, "or", ")"):
            return None  # "not" with nothing after it: ignored
        node = self._atom(group_field)
        if node is not None and negations % 2:
            node = Not(node)
        return node

    def _atom(self, group_field: str | None) -> Node | None:
        token = self.tokens[self.position]
        self.position += 1
        if token.kind == "(" or token.opens_group:
            if token.opens_group:
                self.position += 1  # the "(" that follows field:
            node = self._group(token.field if token.opens_group else group_field)
            return Not(node) if node is not None and token.negated else node
        self.terms += 1
        if self.terms > MAX_TERMS:
            if self.terms == MAX_TERMS + 1:
                self.hints.append(f"only the first {MAX_TERMS} terms are searched")
            return None
        node = self._term(token, token.field or group_field)
        return Not(node) if node is not None and token.negated else node

    def _group(self, group_field: str | None) -> Node | None:
        if self.depth >= MAX_DEPTH:
            group_field = group_field  # too deep: parse on, without recursing further
            node = None
        else:
            self.depth += 1
            node = self._or(group_field)
            self.depth -= 1
        if self._peek() == ")":
            self.position += 1
        elif self.depth >= MAX_DEPTH:
            self.position = len(self.tokens)
        else:
            self.hints.append("a '(' is not closed")
        return node

    def _term(self, token: Token, field_name: str | None) -> Node | None:
        if field_name in NUMBER_FIELDS:
            return _number(field_name, token.text, self.hints)
        if field_name in CHOICE_FIELDS:
            return _choice(field_name, token.text, token.at_end, self.hints)
        found = tuple(words(token.text))
        if not found:
            return None  # only punctuation or symbols: nothing the index holds
        # A word being typed after "-" is not a prefix: "-d" on the way to "-drama" would
        # otherwise hide nearly every series for a keystroke.
        prefix = token.at_end and not token.negated and (token.kind == "word"
                                                         or not token.text.endswith(" "))
        joined = joined_form(token.text) if token.kind == "word" else None
        if joined is not None:
            # "K.J." is the phrase "k j" or the joined word "kj": the index holds a punctuated
            # name both ways, and the library may spell it "KJ" or "K.J.".
            return Or((Text(found, field_name, prefix), Text((joined,), field_name, prefix)))
        return Text(found, field_name, prefix)


def _and(nodes: list[Node]) -> Node | None:
    # Nested conjunctions ("a b) c") are flattened: one level is what the compiler splits into
    # FTS5 words and SQL conditions.
    flat = [child for node in nodes
            for child in (node.children if isinstance(node, And) else (node,))]
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else And(tuple(flat))


def _number(field_name: str, value: str, hints: list[str]) -> Node | None:
    value = value.strip()
    if not value:
        return None  # still typing
    comparison = _NUMBER_COMPARISON.match(value)
    if comparison:
        operator, number = comparison.group(1) or "=", int(comparison.group(2))
        return {
            "=": Range(field_name, number, number),
            "<": Range(field_name, None, number - 1),
            "<=": Range(field_name, None, number),
            ">": Range(field_name, number + 1, None),
            ">=": Range(field_name, number, None),
        }[operator]
    between = _NUMBER_RANGE.match(value)
    if between and (between.group(1) or between.group(2)):
        low = int(between.group(1)) if between.group(1) else None
        high = int(between.group(2)) if between.group(2) else None
        if low is not None and high is not None and low > high:
            hints.append(f"{field_name}:{value} runs backwards; searched "
                         f"{field_name}:{high}..{low}")
            low, high = high, low
        return Range(field_name, low, high)
    example = "2018, >=2010 or 2010..2019" if field_name == "year" else "8, >=8 or 6..9"
    if _TOO_MANY_DIGITS.match(value):
        hints.append(f"{field_name}:{value} has a number of more than four digits; try "
                     f"{field_name}:{example}")
    else:
        hints.append(f"{field_name}:{value} is not a number; try {field_name}:{example}")
    return None


def _choice(field_name: str, value: str, at_end: bool, hints: list[str]) -> Node | None:
    folded = value.strip().lower()
    if not folded:
        return None
    choices = CHOICE_FIELDS[field_name]
    if folded in choices:
        return Choice(field_name, folded)
    starting = [choice for choice in choices if choice.startswith(folded)]
    if len(starting) == 1:
        return Choice(field_name, starting[0])
    if field_name == "status" and folded.isascii() and not starting:
        return SeriesStatus(folded)  # the series' own status, such as "ended"
    if starting and at_end:
        return Or(tuple(Choice(field_name, choice) for choice in starting))
    hints.append(f"{field_name}: can be {', '.join(choices)}")
    return None
