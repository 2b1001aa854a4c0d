"""The directory's vocabularies (HSDS taxonomy terms) and its field validators.

Labels live in the catalogs under directory.category.<key>, directory.group.<key> and
directory.lang.<code>. Validators are shared by the edit form and the CSV import so a
value that the page refuses is refused by the import too, for the same reason.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from portal.i18n import t
from portal.validation import SHORT, text_problem

CATEGORIES = (
    "support_line",
    "emergency",
    "police",
    "knowledge",
    "social_services",
    "school",
    "leisure",
    "coordination",
    "integration",
    "counselling",
)
TARGET_GROUPS = ("relatives", "leaving", "professionals", "young", "everyone")
VISIBILITIES = ("public", "partners", "internal")
STATUSES = ("active", "inactive")
# Languages with a label in the catalogs; any other ISO 639-1 code is accepted and shown
# as the code itself.
KNOWN_LANGUAGES = ("sv", "en", "ar", "so", "fa", "ti", "fi", "bs", "ku", "pl", "ru", "uk")

_PHONE = re.compile(r"^\+?[0-9][0-9 \-]*[0-9]$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_LANG = re.compile(r"^[a-z]{2}$")


def label(kind: str, key: str) -> str:
    """Translated label of a vocabulary value (kind: category, group, lang, visibility)."""
    text = t(f"directory.{kind}.{key}")
    return key if text == f"directory.{kind}.{key}" else text


def valid_phone(value: str) -> bool:
    """A Swedish or international number: digits with optional spaces/dashes, 3-15 digits."""
    if not value or not _PHONE.match(value):
        return False
    return 3 <= len(re.sub(r"\D", "", value)) <= 15


def tel_href(value: str) -> str | None:
    """A tel: link built only from a validated number (digits and a leading +)."""
    if not valid_phone(value):
        return None
    digits = re.sub(r"\D", "", value)
    return "tel:" + ("+" if value.startswith("+") else "") + digits


def valid_email(value: str) -> bool:
    return bool(value) and len(value) <= 254 and bool(_EMAIL.match(value))


def mailto_href(value: str) -> str | None:
    return "mailto:" + value if valid_email(value) else None


def valid_url(value: str) -> bool:
    """Only absolute http(s) links with a host; no spaces, quotes or angle brackets."""
    if not value or any(c in value for c in " \"'<>\\`") or len(value) > 500:
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def valid_language(code: str) -> bool:
    return bool(_LANG.match(code))


def split_list(value: str | None) -> list[str]:
    """'a; b, c' -> ['a', 'b', 'c'] (imports separate lists with ; or ,)."""
    return [p.strip() for p in re.split(r"[;,]", value or "") if p.strip()]


def match_term(value: str, keys: tuple[str, ...], kind: str) -> str | None:
    """The vocabulary key for `value`, given as a key or as its Swedish/English label."""
    wanted = value.strip().casefold()
    for key in keys:
        if wanted in (
            key,
            t(f"directory.{kind}.{key}", "sv").casefold(),
            t(f"directory.{kind}.{key}", "en").casefold(),
        ):
            return key
    return None


# The longest text each field takes (one entry's description is a paragraph or two; three
# 1 MB entries once made /stod take minutes).
TEXT_LIMITS = {
    "name": SHORT,
    "organization": SHORT,
    "description": 4000,
    "eligibility": 2000,
    "cost": SHORT,
    "hours": 1000,
    "address": SHORT,
    "service_area": SHORT,
    "phone": 40,
    "email": SHORT,
    "url": 500,
    "source": SHORT,
}


def problems_of(entry: dict) -> list[str]:
    """Every reason `entry` (a dict of entry fields) is not valid, translated; [] if valid."""
    out: list[str] = []
    if not str(entry.get("name") or "").strip():
        out.append(t("directory.err.name"))
    if not str(entry.get("organization") or "").strip():
        out.append(t("directory.err.organization"))
    if entry.get("phone") and not valid_phone(entry["phone"]):
        out.append(t("directory.err.phone", value=entry["phone"]))
    if entry.get("email") and not valid_email(entry["email"]):
        out.append(t("directory.err.email", value=entry["email"]))
    if entry.get("url") and not valid_url(entry["url"]):
        out.append(t("directory.err.url", value=entry["url"]))
    for cat in entry.get("categories") or []:
        if cat not in CATEGORIES:
            out.append(t("directory.err.category", value=cat))
    for grp in entry.get("target_groups") or []:
        if grp not in TARGET_GROUPS:
            out.append(t("directory.err.group", value=grp))
    for code in entry.get("languages") or []:
        if not valid_language(code):
            out.append(t("directory.err.language", value=code))
    if entry.get("visibility") not in VISIBILITIES:
        out.append(t("directory.err.visibility", value=entry.get("visibility")))
    if entry.get("status", "active") not in STATUSES:
        out.append(t("directory.err.status", value=entry.get("status")))
    for field, limit in TEXT_LIMITS.items():
        problem = text_problem(str(entry.get(field) or ""), limit, multiline=limit > SHORT)
        if problem:
            out.append(f"{t(f'directory.{field}')}: {problem}")
    verified = entry.get("verified_on")
    if verified is not None and not isinstance(verified, date):
        out.append(t("directory.err.date", value=verified))
    elif verified is not None and verified > date.today():
        out.append(t("directory.err.future", value=verified))
    return out
