"""Which words of an entry are searched, and under which field.

Categories, target groups and languages are searched by their labels as the UI shows
them (Swedish and English), not only by their stored codes: 'anhöriga' finds every entry
for the target group Anhöriga.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

from portal.directory._text import IRREGULAR_STEMS, fold, stem, words
from portal.directory._vocab import CATEGORIES, KNOWN_LANGUAGES, TARGET_GROUPS
from portal.i18n import t

FORMAT = "1"  # bump when the rows below change shape or meaning
LANGUAGES = ("sv", "en")  # label languages indexed

Row = tuple[str, str, str, str]  # field, word, folded, stem


def _labels(kind: str, keys: list[str]) -> list[str]:
    out = []
    for key in keys:
        for lang in LANGUAGES:
            text = t(f"directory.{kind}.{key}", lang)
            out.append(key if text == f"directory.{kind}.{key}" else text)
    return out


def texts_of(entry: dict[str, Any], organization: str) -> list[tuple[str, str]]:
    """(field, text) pairs of an entry that search looks at."""
    return [
        ("name", entry.get("name") or ""),
        ("organization", organization or ""),
        ("description", entry.get("description") or ""),
        ("tag", " ".join(_labels("category", list(entry.get("categories") or [])))),
        ("tag", " ".join(_labels("group", list(entry.get("target_groups") or [])))),
        ("language", " ".join(_labels("lang", list(entry.get("languages") or [])))),
        ("area", entry.get("service_area") or ""),
    ]


def rows_of(entry: dict[str, Any], organization: str) -> list[Row]:
    """One row per distinct (field, word) of the entry."""
    seen: set[tuple[str, str]] = set()
    rows: list[Row] = []
    for field, text in texts_of(entry, organization):
        for word in words(text):
            if (field, word) not in seen:
                seen.add((field, word))
                rows.append((field, word, fold(word), stem(word)))
    return rows


@cache
def version() -> str:
    """Changes when the rows would: the format, the stem table or any label."""
    labels = _labels("category", list(CATEGORIES)) + _labels("group", list(TARGET_GROUPS))
    labels += _labels("lang", list(KNOWN_LANGUAGES))
    source = "|".join([FORMAT, repr(sorted(IRREGULAR_STEMS.items())), *labels])
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
