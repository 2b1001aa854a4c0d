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


def _recorded() -> tuple[set[str], set[str]]:
    """The literal actions and entities the code writes to the audit log."""
    import ast

    from portal import ROOT

    actions: set[str] = set()
    entities: set[str] = set()
    for path in (ROOT / "portal").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            args = node.args[1:] if name in ("record", "audited_transaction") else []
            if name == "record":
                args = node.args[2:]
            words = [a.value for a in args[:2] if isinstance(a, ast.Constant)]
            if len(words) == 2 and all(isinstance(w, str) for w in words):
                actions.add(words[0])
                entities.add(words[1])
    return actions, entities


@pytest.mark.parametrize("lang", LANGS)
def test_every_audited_thing_has_words(lang: str) -> None:
    actions, entities = _recorded()
    assert "meetings.minutes" in entities and "action_items" in entities
    messages = catalog(lang)
    assert not [a for a in actions if f"admin.actions.{a}" not in messages]
    assert not [e for e in entities if f"admin.entities.{e}" not in messages]
