"""Message catalogs: portal/i18n/<lang>/<domain>.toml, keys used as "<domain>.<key>".

Swedish is the default; English is selectable. The language of the running session is
held in a context variable that the app sets at the start of every run, so services and
pages can call t() without passing the language around.
"""

from __future__ import annotations

import tomllib
from contextvars import ContextVar
from functools import cache
from pathlib import Path

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
