"""Counted texts take their plural form from Babel's CLDR rules, in both languages."""

from __future__ import annotations

import re

import pytest

from portal.i18n import LANGS, catalog, plural_form, t, tn


@pytest.mark.parametrize(
    ("key", "lang", "expected"),
    [
        ("directory.results", "sv", ["0 träffar", "1 träff", "2 träffar"]),
        ("directory.results", "en", ["0 results", "1 result", "2 results"]),
        ("search.count", "sv", ["0 träffar", "1 träff", "2 träffar"]),
        (
            "plan.carry_list",
            "sv",
            ["Förs över: 0 aktiviteter", "Förs över: 1 aktivitet", "Förs över: 2 aktiviteter"],
        ),
        (
            "plan.carry_list",
            "en",
            [
                "Carried over: 0 activities",
                "Carried over: 1 activity",
                "Carried over: 2 activities",
            ],
        ),
        (
            "meetings.total_time",
            "sv",
            ["Sammanlagd tid: 0 minuter", "Sammanlagd tid: 1 minut", "Sammanlagd tid: 2 minuter"],
        ),
    ],
)
def test_plural_forms_at_zero_one_two(key: str, lang: str, expected: list[str]) -> None:
    assert [tn(key, n, lang) for n in (0, 1, 2)] == expected


def test_counts_are_written_the_languages_way() -> None:
    assert tn("directory.results", 1234, "sv") == "1\u202f234 träffar"
    assert tn("directory.results", 1234, "en") == "1,234 results"


def test_plural_category_comes_from_babel() -> None:
    assert [plural_form(n, "sv") for n in (0, 1, 2, 21)] == ["other", "one", "other", "other"]


def test_missing_english_form_falls_back_to_swedish() -> None:
    assert tn("no.such.key", 1, "en") == "no.such.key"
    assert tn("directory.results", 1, "xx") == "1 träff"  # not a UI language: Swedish


@pytest.mark.parametrize("lang", LANGS)
def test_every_counted_text_has_one_and_other(lang: str) -> None:
    """A counted text is a table of forms; a form alone would make tn() fall back."""
    messages = catalog(lang)
    counted = {k.rsplit(".", 1)[0] for k in messages if k.endswith(".one")}
    assert counted, "no counted texts found"
    for key in counted:
        assert f"{key}.one" in messages and f"{key}.other" in messages, key
        assert "{n}" in messages[f"{key}.one"] and "{n}" in messages[f"{key}.other"], key


@pytest.mark.parametrize("lang", LANGS)
def test_no_hand_made_plural_left(lang: str) -> None:
    """No "(s)" or "(er)" style texts: plural forms are chosen, not spelt both ways."""
    for key, text in catalog(lang).items():
        assert not re.search(r"\w\((s|er|ar|or)\)", text.replace("http(s)", "")), (key, text)


def test_plain_t_still_formats() -> None:
    assert t("common.page_of", "sv", n=1, total=2) == "Sida 1 av 2"
