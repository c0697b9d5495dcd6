"""The search language's grammar: operators, precedence, fields, and forgiving hints."""

from __future__ import annotations

import pytest

from db.search.parser import MAX_QUERY_CHARS, MAX_TERMS, parse
from db.search.tree import And, Choice, Node, Not, Or, Range, SeriesStatus, Text


def word(text: str, field: str | None = None, prefix: bool = False) -> Text:
    return Text(tuple(text.split()), field, prefix)


def tree(text: str) -> Node | None:
    parsed = parse(text)
    assert parsed.hints == [], parsed.hints
    return parsed.tree


# --- words and operators -------------------------------------------------------------------

def test_bare_words_must_all_match_and_the_last_is_a_prefix() -> None:
    assert tree("regina king") == And((word("regina"), word("king", prefix=True)))
    assert tree("regi") == word("regi", prefix=True)


def test_a_word_followed_by_a_space_is_finished() -> None:
    assert tree("regina ") == word("regina")


def test_case_and_accents_fold_to_the_same_words() -> None:
    assert tree("Régina") == tree("REGINA") == tree("regina")


def test_a_punctuated_name_is_a_phrase_or_the_joined_word() -> None:
    assert tree("clare-hope") == Or((word("clare hope", prefix=True),
                                     word("clarehope", prefix=True)))
    assert tree("K.J.") == Or((word("k j", prefix=True), word("kj", prefix=True)))
    assert tree("cast:o'brien ") == Or((word("o brien", "cast"), word("obrien", "cast")))
    assert tree("clarehope") == word("clarehope", prefix=True)
    # Other punctuation only separates words.
    assert tree("x,y") == word("x y", prefix=True)
    assert tree('"clare-hope"') == word("clare hope")


def test_quoted_phrase() -> None:
    assert tree('"regina king"') == word("regina king")
    assert tree('"regina king" jersey') == And((word("regina king"), word("jersey", prefix=True)))


def test_an_unclosed_quote_is_still_being_typed() -> None:
    parsed = parse('"regina ki')
    assert parsed.tree == word("regina ki", prefix=True)
    assert parsed.hints == ["a quote is not closed; searching up to the end"]


@pytest.mark.parametrize("text", ["-drama", "not drama ", "NOT drama ", "not  drama "])
def test_negation(text: str) -> None:
    assert tree(text) == Not(word("drama"))


def test_a_negated_word_being_typed_is_not_a_prefix() -> None:
    # "-d" on the way to "-drama" would otherwise hide every series with a word in d….
    assert tree("-d") == Not(word("d"))


def test_not_before_a_word_being_typed_keeps_the_prefix() -> None:
    assert tree("not dra") == Not(word("dra", prefix=True))


@pytest.mark.parametrize("text", ["a or b", "a OR b", "a | b"])
def test_or(text: str) -> None:
    assert tree(text) == Or((word("a"), word("b", prefix=True)))


def test_lower_case_and_is_only_a_conjunction() -> None:
    assert tree("a and b") == tree("a AND b") == tree("a b")


def test_or_binds_loosest() -> None:
    # a b or c  =  (a AND b) OR c
    assert tree("a b or c") == Or((And((word("a"), word("b"))), word("c", prefix=True)))
    # a or b c  =  a OR (b AND c)
    assert tree("a or b c") == Or((word("a"), And((word("b"), word("c", prefix=True)))))


def test_not_binds_tighter_than_and() -> None:
    assert tree("not a b") == And((Not(word("a")), word("b", prefix=True)))
    assert tree("-a or b") == Or((Not(word("a")), word("b", prefix=True)))


def test_parentheses_group() -> None:
    assert tree("a (b or c)") == And((word("a"), Or((word("b"), word("c")))))
    assert tree("not (a or b)") == Not(Or((word("a"), word("b"))))
    assert tree("-(a b)") == Not(And((word("a"), word("b"))))
    assert tree("((((a))))") == word("a")


def test_double_negation_cancels() -> None:
    assert tree("not not a ") == word("a")


@pytest.mark.parametrize("text", ["", "   ", "not", "or", "and", "()", "-", '""', "(", "- ",
                                  "!!!", "* ^ :"])
def test_nothing_to_search_for(text: str) -> None:
    assert parse(text).tree is None


# --- fields ---------------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["title", "cast", "character", "creator", "person", "genre",
                                   "network", "review", "note", "tag"])
def test_text_fields(field: str) -> None:
    assert tree(f"{field}:king") == word("king", field, prefix=True)
    assert tree(f"{field}:king ") == word("king", field)
    assert tree(f'{field}:"regina king"') == word("regina king", field)


def test_field_names_ignore_case_and_actor_means_cast() -> None:
    assert tree("Title:seven ") == word("seven", "title")
    assert tree("actor:king ") == word("king", "cast")


def test_a_field_applies_to_a_group() -> None:
    assert tree("cast:(king or sud)") == Or((word("king", "cast"), word("sud", "cast")))


def test_a_negated_field() -> None:
    assert tree("-cast:king") == Not(word("king", "cast"))
    assert tree("not genre:drama ") == Not(word("drama", "genre"))


@pytest.mark.parametrize(("text", "low", "high"), [
    ("year:2018", 2018, 2018), ("year:=2018", 2018, 2018), ("year:>=2010", 2010, None),
    ("year:>2018", 2019, None), ("year:<2000", None, 1999), ("year:<=2018", None, 2018),
    ("year:2010..2019", 2010, 2019), ("year:..2000", None, 2000), ("year:2010..", 2010, None),
    ("rating:8", 8, 8), ("rating:>=8", 8, None), ("rating:6..9", 6, 9),
])
def test_number_fields(text: str, low: int | None, high: int | None) -> None:
    field = text.split(":")[0]
    assert tree(text) == Range(field, low, high)


@pytest.mark.parametrize("value", ["positive", "mixed", "negative"])
def test_verdict(value: str) -> None:
    assert tree(f"verdict:{value}") == Choice("verdict", value)


def test_a_choice_may_be_abbreviated() -> None:
    assert tree("verdict:m") == Choice("verdict", "mixed")
    assert tree("has:r") == Choice("has", "review")
    # Both watch statuses start with "w": either, while the word is being typed.
    assert tree("status:w") == Or((Choice("status", "watching"), Choice("status", "watched")))


@pytest.mark.parametrize("value", ["plan", "watching", "watched", "dropped"])
def test_my_watch_status(value: str) -> None:
    assert tree(f"status:{value}") == Choice("status", value)


def test_other_statuses_are_the_series_own() -> None:
    assert tree("status:ended") == SeriesStatus("ended")


@pytest.mark.parametrize("value", ["note", "review", "award"])
def test_has(value: str) -> None:
    assert tree(f"has:{value}") == Choice("has", value)


def test_fields_combine_with_words_and_operators() -> None:
    assert tree("cast:king year:2018 -netflix") == And((
        word("king", "cast"), Range("year", 2018, 2018), Not(word("netflix"))))
    assert tree("year:<2000 or verdict:mixed") == Or((Range("year", None, 1999),
                                                      Choice("verdict", "mixed")))


def test_a_field_still_being_typed_asks_for_nothing_yet() -> None:
    assert tree("cast:") is None
    assert tree("year:") is None
    assert tree("jersey cast:") == word("jersey")


# --- malformed input: best effort and a hint ------------------------------------------------

def test_unknown_field_suggests_the_closest() -> None:
    parsed = parse("yaer:2018")
    assert parsed.hints == ["unknown field 'yaer' — did you mean 'year'?"]
    assert parsed.tree == word("2018", prefix=True)  # its value is still searched


def test_unknown_field_without_a_close_name() -> None:
    parsed = parse("zzzzz:king")
    assert parsed.hints == ["unknown field 'zzzzz'"]
    assert parsed.tree == word("king", prefix=True)


@pytest.mark.parametrize(("text", "hint"), [
    ("year:abc", "year:abc is not a number; try year:2018, >=2010 or 2010..2019"),
    ("rating:x", "rating:x is not a number; try rating:8, >=8 or 6..9"),
    ("year:20188", "year:20188 has a number of more than four digits; try year:2018, "
                   ">=2010 or 2010..2019"),
    ("year:>=20188", "year:>=20188 has a number of more than four digits; try year:2018, "
                     ">=2010 or 2010..2019"),
])
def test_a_number_field_with_no_number(text: str, hint: str) -> None:
    parsed = parse(f"jersey {text}")
    assert parsed.hints == [hint]
    assert parsed.tree == word("jersey")  # the rest is still searched


def test_a_choice_field_with_an_unknown_value() -> None:
    parsed = parse("verdict:great")
    assert parsed.hints == ["verdict: can be positive, mixed, negative"]
    assert parsed.tree is None


def test_unbalanced_parentheses() -> None:
    opened = parse("(a or b")
    assert opened.tree == Or((word("a"), word("b", prefix=True)))
    assert opened.hints == ["a '(' is not closed"]
    closed = parse("a b) c")
    assert closed.tree == And((word("a"), word("b"), word("c", prefix=True)))
    assert closed.hints == ["a ')' has no '(' before it"]


def test_a_long_paste_is_cut_and_said_so() -> None:
    parsed = parse("word " * 1000)
    assert f"only the first {MAX_QUERY_CHARS} characters are searched" in parsed.hints
    assert f"only the first {MAX_TERMS} terms are searched" in parsed.hints
    assert isinstance(parsed.tree, And) and len(parsed.tree.children) == MAX_TERMS


def test_deep_nesting_is_bounded() -> None:
    parsed = parse("(" * 500 + "a" + ")" * 500)
    assert parsed.tree is None or isinstance(parsed.tree, Node)  # parsed, without recursing 500


def test_fts5_and_sql_syntax_are_only_words() -> None:
    assert tree("NEAR(a b) ") == And((word("near"), word("a"), word("b")))
    assert tree("title* ^a ") == And((word("title"), word("a")))
    assert tree("'; DROP TABLE series; -- ") == And((word("drop"), word("table"),
                                                     word("series")))


def test_a_backwards_range_is_turned_round_and_said_so() -> None:
    parsed = parse("year:2019..2010")
    assert parsed.tree == Range("year", 2010, 2019)
    assert parsed.hints == ["year:2019..2010 runs backwards; searched year:2010..2019"]
