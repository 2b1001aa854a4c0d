"""Message catalogs: portal/i18n/<lang>/<domain>.toml, keys used as "<domain>.<key>".

Swedish is the default; English is selectable. The language of the running session is
held in a context variable that the app sets at the start of every run, so services and
pages can call t() without passing the language around.

A counted text is a table of plural forms, keyed by the CLDR category Babel names for
the language ("one", "other"; languages with more forms add "few", "many"):

    [results]
    one = "{n} träff"
    other = "{n} träffar"

and is read with tn("directory.results", n), never by hand-written rules.
"""

from __future__ import annotations

import tomllib
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel import Locale

LANGS = ("sv", "en")
_DIR = Path(__file__).parent
_current: ContextVar[str] = ContextVar("portal_lang", default="sv")


def set_lang(lang: str) -> None:
    _current.set(lang if lang in LANGS else "sv")


def get_lang() -> str:
    return _current.get()


@cache
def catalog(lang: str) -> dict[str, str]:
    """Every message of one language, flattened to "domain.key" (nested tables join by ".")."""
    messages: dict[str, str] = {}
    for path in sorted((_DIR / lang).glob("*.toml")):
        with path.open("rb") as fh:
            _flatten(path.stem, tomllib.load(fh), messages)
    return messages


def _flatten(prefix: str, table: dict, out: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, dict):
            _flatten(name, value, out)
        else:
            out[name] = str(value)


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The message for `key`, formatted with `values`; falls back to Swedish, then the key."""
    lang = lang or get_lang()
    text = catalog(lang).get(key) or catalog("sv").get(key) or key
    return text.format(**values) if values else text


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def plural_form(n: float, lang: str | None = None) -> str:
    """The CLDR plural category of `n` in `lang` ("one" for 1 in Swedish and English)."""
    return _locale(lang if lang in LANGS else get_lang()).plural_form(abs(n))


def tn(key: str, n: float, lang: str | None = None, **values: object) -> str:
    """The counted message `key` in the plural form `n` takes in the language, with
    `n` (and `values`) filled in. Falls back to the "other" form, then to Swedish."""
    lang = lang if lang in LANGS else get_lang()
    form = plural_form(n, lang)
    for language in (lang, "sv"):
        messages = catalog(language)
        text = messages.get(f"{key}.{form}") or messages.get(f"{key}.other")
        if text:
            return text.format(n=_count(n, lang), **values)
    return key


def _count(n: float, lang: str) -> str:
    from portal.i18n.formats import number  # formats reads this module's language

    return number(n, lang=lang) if isinstance(n, int) else str(n)
