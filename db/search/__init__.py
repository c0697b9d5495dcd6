"""The search language: text → tree → SQL over the FTS5 index, with hints and match spans.

Language (documented for users in the README and in Help → Search syntax):
- bare words must all match somewhere (title, people, characters, genres, network, reviews,
  my notes and tags, setting and synopsis); the word being typed (the last one) matches as a
  prefix; case, accents and punctuation are ignored: `Régina` = `regina`; hyphenated or dotted
  names are also indexed joined, and a punctuated word typed is looked for both ways
  (`clare-hope` is the phrase "clare hope" or the word "clarehope"), so `clarehope`,
  `clare-hope`, `kj`, `K.J.` find "Clare-Hope" and "KJ" however the library spells them;
- `"a phrase"`; `-word` or `not word`; `a or b` (`or` binds loosest: `a b or c` is (a b) or c);
  parentheses;
- fields: title: cast: character: creator: person: genre: network: review: note: tag:
  (`field:word`, `field:"a phrase"`, `field:(a or b)`); year: and rating: take `2018`,
  `>=2010`, `<2000`, `2010..2019`; verdict:positive|mixed|negative;
  status:plan|watching|watched|dropped (my status; other words match the series' status);
  has:note|review|award.
Anything that cannot be understood is searched as well as it can and explained in `hints`.
"""

from db.search.engine import (
    DEFAULT_COUNT_CAP,
    MatchReason,
    SearchResult,
    SearchRow,
    count_matches,
    matching_ids,
    search_series,
)
from db.search.highlight import Term, spans_in
from db.search.prepared import PreparedSearch, prepare

__all__ = [
    "DEFAULT_COUNT_CAP",
    "MatchReason",
    "PreparedSearch",
    "SearchResult",
    "SearchRow",
    "Term",
    "count_matches",
    "matching_ids",
    "prepare",
    "search_series",
    "spans_in",
]
