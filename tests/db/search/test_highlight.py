"""Which stretches of displayed text a search lights up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from db.search import prepare, spans_in
from db.search.highlight import marked_spans, snippet


def lit(query: str, text: str, column: str | None = None) -> list[str]:
    return [text[start:end] for start, end in spans_in(text, prepare(query).terms, column)]


def test_words_and_prefixes() -> None:
    assert lit("king reg", "Regina King and Kingsley") == ["Regina", "King"]
    assert lit("king", "Regina King and Kingsley") == ["King", "Kingsley"]  # being typed


def test_case_and_accents_match_the_text_as_written() -> None:
    assert lit("regina", "Régina") == ["Régina"]
    assert lit("RÉGINA", "regina") == ["regina"]


def test_a_phrase_lights_only_where_its_words_follow_each_other() -> None:
    text = "Regina King, King Regina"
    assert lit('"regina king"', text) == ["Regina King"]
    assert lit('"king regina"', text) == ["King Regina"]


def test_a_punctuated_name_lights_whole() -> None:
    text = "KJ Harper and Clare-Hope Ashitey, with Pete Jablonski"
    assert lit("K.J.", text) == ["KJ"]
    assert lit("clarehope", text) == ["Clare-Hope"]
    assert lit("clare-hope", text) == ["Clare-Hope"]
    assert lit("clare hope", text) == ["Clare", "Hope"]


def test_excluded_words_do_not_light() -> None:
    assert lit("harper -pete", "KJ Harper and Pete") == ["Harper"]
    assert lit("not harper", "KJ Harper") == []


def test_a_field_lights_only_its_column() -> None:
    assert lit("cast:king", "King of Queens", "title") == []
    assert lit("cast:king", "Regina King", "cast") == ["King"]
    assert lit("person:king", "Regina King", "crew") == ["King"]
    assert lit("king", "King of Queens", "title") == ["King"]


def test_non_word_fields_light_nothing_in_text() -> None:
    assert lit("year:2018 verdict:mixed", "2018 was mixed") == []


def test_snippet_keeps_the_spans_it_shows() -> None:
    text = "word " * 40 + "needle " + "word " * 40
    spans = spans_in(text, prepare("needle").terms)
    short, moved = snippet(text, spans, width=40)
    assert short.startswith("…") and short.endswith("…")
    assert [short[start:end] for start, end in moved] == ["needle"]
    assert snippet("short text", ((0, 5),)) == ("short text", ((0, 5),))


# Text made of pieces where folding is subtle: accents, ligatures, final sigma, dotted I,
# joined names, combining marks.
_PIECES = ("Régina", "KING", "K.J.", "Clare-Hope", "O'Brien", "ΟΔΟΣ", "İstanbul", "ﬁne", "e\u0301",
           "Straße", "Søren", "x", "a", "-", ".", " ", ", ", "‐", "’", "2018", "ǅ", "\u0301")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
       st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join))
def test_ruling_out_texts_never_loses_a_mark(text: str, query: str) -> None:
    terms = list(prepare(query).terms)
    assert spans_in(text, terms) == marked_spans(text, terms)
