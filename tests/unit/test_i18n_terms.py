"""One term per thing: the derived state "stale" has one Swedish name everywhere."""

from __future__ import annotations

import pytest

from portal.i18n import LANGS, catalog

STALE_KEYS = ("plan.stale", "plan.filters.stale", "overview.stale")
TERM = {"sv": "uppdaterad", "en": "not updated for a long time"}


@pytest.mark.parametrize("lang", LANGS)
def test_stale_state_has_one_name(lang: str) -> None:
    messages = catalog(lang)
    for key in STALE_KEYS:
        assert TERM[lang] in messages[key].lower(), key
        assert "länge" in messages[key] or lang == "en", key


def test_no_second_word_for_stale() -> None:
    for key, text in catalog("sv").items():
        assert "inaktuell" not in text.lower(), key
    for key, text in catalog("en").items():
        assert text.lower() != "stale", key
