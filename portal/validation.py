"""One place that checks the length and characters of text from forms and imports.

Text is stored verbatim (SQL metacharacters, Markdown and HTML are just characters:
values go to DuckDB as parameters and are shown escaped). What is refused is what no
person meant to type: control characters (other than line breaks and tabs in multi-line
fields) and text longer than the field allows.
"""

from __future__ import annotations

import unicodedata

from portal.errors import ValidationError
from portal.i18n import t

SHORT = 200  # names, titles, single-line fields
LONG = 10_000  # free text (descriptions, minutes)
_MULTILINE_OK = {"\n", "\r", "\t"}


def text_problem(
    value: str | None,
    max_len: int = SHORT,
    required: bool = False,
    multiline: bool = False,
    lang: str | None = None,
) -> str | None:
    """The reason `value` is not acceptable, or None when it is."""
    value = value or ""
    if required and not value.strip():
        return t("admin.required", lang)
    if len(value) > max_len:
        return t("admin.too_long", lang, n=max_len)
    allowed = _MULTILINE_OK if multiline else set()
    if any(unicodedata.category(c) in ("Cc", "Cs") and c not in allowed for c in value):
        return t("admin.control_chars", lang)
    return None


def check_fields(
    fields: dict[str, tuple[str | None, int, bool, bool]], lang: str | None = None
) -> None:
    """Validate several fields at once: {field: (value, max_len, required, multiline)}.

    Raises one ValidationError naming every bad field.
    """
    problems = {}
    for field, (value, max_len, required, multiline) in fields.items():
        problem = text_problem(value, max_len, required, multiline, lang)
        if problem:
            problems[field] = problem
    if problems:
        raise ValidationError(t("admin.invalid_input", lang), problems)
