"""How directory text and search words are normalised, so people find what they mean.

A text is cut into words (letters and digits); each word is kept three ways: lowered as
written (an exact match), folded (case and accents gone, å/ä→a, ö→o: 'vald' finds
'våld') and stemmed with the Swedish Snowball stemmer on top of that ('föräldrar' and
'förälder' share a stem). A search word becomes a `Term` saying what to compare with
each of the three and how many typing errors it forgives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

from portal.hits import fold as fold  # one folding for every search

_WORD = re.compile(r"[^\W_]+")
_STEMMER = snowballstemmer.stemmer("swedish")
# Forms the stemmer leaves apart that a reader takes for one word (folded stems).
IRREGULAR_STEMS = {
    "foraldr": "forald",  # föräldrar, föräldrarna ~ förälder, föräldern
    "dottr": "dott",  # döttrar ~ dotter
    "systr": "syst",  # systrar ~ syster
}
# Words that carry no meaning on their own in a search ("stöd för föräldrar").
STOP_WORDS = frozenset(
    "och i att det som en ett pa ar av for med till den de om men fran vi sa kan man nar"
    " hur vad var jag min mitt mina du din ditt dina har vill eller ska".split()
)
# A word this long (or a number) also finds words that contain it ('oro' → Orostelefonen)
PART_MIN = 3
PREFIX_MIN = 5  # a stem this long also finds words that begin with it


class Term(NamedTuple):
    """One search word as the SQL compares it."""

    exact: str  # lowered as typed
    folded: str
    stems: tuple[str, ...]  # folded stems, of the typed and of the folded word
    typos: int  # edits forgiven: 0 below 5 letters, 1 from 5, 2 from 8
    part: bool  # also match inside longer words
    prefix: str  # a stem long enough to find words that begin with it, or ''


def words(text: str) -> list[str]:
    """The words of `text`, lowered as written."""
    return _WORD.findall(text.lower())


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of `text` starts and ends (for highlighting)."""
    return [m.span() for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The folded Swedish stem of a lowered word."""
    folded = fold(_STEMMER.stemWord(word))
    return IRREGULAR_STEMS.get(folded, folded)


def _stems(word: str, folded: str) -> tuple[str, ...]:
    found = {stem(word), stem(folded)}
    return tuple(sorted(found))


def typos_allowed(folded: str) -> int:
    if any(c.isdigit() for c in folded):
        return 0  # 112 is not 114
    return 2 if len(folded) >= 8 else 1 if len(folded) >= 5 else 0


def term(word: str) -> Term:
    folded = fold(word)
    stems = _stems(word, folded)
    shortest = min(stems, key=len)
    return Term(
        exact=word,
        folded=folded,
        stems=stems,
        typos=typos_allowed(folded),
        part=len(folded) >= PART_MIN or folded.isdigit(),
        prefix=shortest if len(shortest) >= PREFIX_MIN else "",
    )


NOTHING = Term("", "", (), 0, False, "")  # a search word with no letters finds nothing


def terms_of(query: str | None, limit: int = 8) -> tuple[Term, ...]:
    """The terms every match must contain; stop words dropped unless nothing else is left.

    A word of only punctuation ('%') becomes a term that matches nothing.
    """
    found: list[Term] = []
    for chunk in (query or "").split()[:limit]:
        parts = words(chunk[:60])
        found += [term(w) for w in parts] if parts else [NOTHING]
    meaningful = [t for t in found if t.folded not in STOP_WORDS]
    return tuple((meaningful or found)[:limit])
