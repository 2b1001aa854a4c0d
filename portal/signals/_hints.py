"""Hints that a text may name a person or give a street address.

Names and addresses cannot be told apart from other words reliably, so they are not
refused: the reporter gets a gentle warning before saving and may rewrite the text or
send it anyway. Nothing about a hint is stored.

- A name: a capitalised first name from `data/first_names.txt` (common Swedish first
  names, from Statistics Sweden's name statistics) followed by a capitalised word, e.g.
  "Anna Svensson", "Mohammed Ali".
- A street address: a word ending in a Swedish street word (-gatan, -vägen, -gränd,
  -stigen, -torget, -backen, -allén, -plan, -leden ...) followed by a house number of at
  most three digits and an optional letter, e.g. "Storgatan 12", "Skolstigen 7a",
  "Tjörnvägen 3 B". Four digits are a year ("handlingsplan 2025"), not a house number.

Pure functions, no Streamlit and no database.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from portal.signals import _identity as identity_check
from portal.signals._identity import Finding

NAME = "name"
ADDRESS = "address"
ORDER = (NAME, ADDRESS)
FIRST_NAMES_FILE = Path(__file__).parent / "data" / "first_names.txt"

_CAPITALISED = r"[A-ZÅÄÖÉÜ][a-zåäöéüæøè]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüæøè]+)?"
# A capitalised word followed by another; a lookahead, so "Hej Anna Svensson" is seen
# at "Anna" too.
_TWO_WORDS = re.compile(
    rf"(?<![\w-])(?P<first>{_CAPITALISED})(?=[ \u00a0]+(?P<last>{_CAPITALISED})(?![\w-]))"
)
_STREET_WORDS = (
    "gatan|gata|vägen|gränden|gränd|stigen|torget|backen|allén|allé|plan|platsen|leden"
    "|gången|kajen|slingan|stråket|esplanaden|promenaden|liden|höjden|ringen"
)
_ADDRESS = re.compile(
    rf"(?<![\w-])[A-ZÅÄÖÉa-zåäöé][\wåäöé-]+?(?:{_STREET_WORDS})"
    r"[ \u00a0]+\d{1,3}(?:[A-Za-z]|[ \u00a0][A-Z])?(?![\d\w])"
)


@cache
def first_names() -> frozenset[str]:
    """The shipped list of common Swedish first names (comments and blanks skipped)."""
    lines = FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))


def find(text: str | None) -> list[Finding]:
    """Every likely name and street address in `text`, in order of position."""
    if not text:
        return []
    names = first_names()
    found = [
        Finding(NAME, m.start(), m.end("last"))
        for m in _TWO_WORDS.finditer(text)
        if m.group("first") in names
    ]
    found += [Finding(ADDRESS, m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    return sorted(found, key=lambda f: f.start)


def before_saving(text: str | None) -> list[Finding]:
    """The hints to warn about before saving. None while the text holds identity data:
    the service refuses that text with its own message, which comes first."""
    if identity_check.find(text):
        return []
    return find(text)


def kinds(findings: list[Finding]) -> list[str]:
    present = {f.kind for f in findings}
    return [k for k in ORDER if k in present]
