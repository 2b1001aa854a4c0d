"""One search hit, the shape every feature's `find` returns to the portal-wide search
(portal/search): what kind of thing, its title, its date, and the page (and query
parameters) that shows it. Words are matched the same way everywhere: `words()`."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

MAX_WORDS = 6  # more words narrow nothing a person needs; the SQL stays short


@dataclass(frozen=True)
class Hit:
    kind: str  # catalog key under search.kinds
    title: str
    when: date | None
    page: str  # url path of the page, e.g. "moten"
    params: tuple[tuple[str, str], ...] = ()


def fold(text: str) -> str:
    """Lower case without accents (vald = våld): the directory's search index and the
    portal-wide search fold words with this one function (the SQL side folds with
    strip_accents(lower(x)))."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(query: str) -> list[str]:
    """The folded words of a query, at most MAX_WORDS, each at least two characters."""
    return [w for w in (fold(part) for part in query.split()) if len(w) >= 2][:MAX_WORDS]


def all_words_in(haystack_sql: str, count: int) -> str:
    """SQL requiring every one of `count` words (bound as parameters, in order) to occur
    in `haystack_sql` folded; only the number of words shapes the SQL, never a value."""
    folded = f"strip_accents(lower({haystack_sql}))"
    return " AND ".join([f"contains({folded}, ?)"] * count)
