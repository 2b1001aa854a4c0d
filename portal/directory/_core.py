"""The resource directory: who sees what, search, editing and keeping entries current.

Partners see public and partner entries, municipal roles also internal ones, visitors
without login only public ones. Writes check `directory.edit` here, whatever the UI showed.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from portal import auth, config
from portal.db import audit
from portal.db.cache import cached_read
from portal.db.connection import cursor, transaction
from portal.directory._db import directory as dir_db, search_index
from portal.directory._text import terms_of
from portal.directory._vocab import problems_of
from portal.errors import NotFound, StaleEdit, ValidationError
from portal.i18n import t


def visibilities_for(role: str | None) -> tuple[str, ...]:
    if auth.can(role, "directory.view_internal"):
        return ("public", "partners", "internal")
    if auth.can(role, "directory.view"):
        return ("public", "partners")
    return ("public",)


def search(
    role: str | None,
    query: str = "",
    category: str | None = None,
    group: str | None = None,
    language: str | None = None,
    area: str | None = None,
    include_inactive: bool = False,
) -> list[dict[str, Any]]:
    """Entries visible to `role` that match the free text and every filter given."""
    inactive = include_inactive and auth.can(role, "directory.edit")
    terms = terms_of(query)
    if terms:
        ensure_index()
    with cursor() as cur:
        return dir_db.search(
            cur, visibilities_for(role), terms, category, group, language, area, inactive
        )


@cached_read
def _index_current() -> bool:
    with cursor() as cur:
        return search_index.is_current(cur)


def ensure_index() -> None:
    """Rebuild the search words once when they were made by older code or labels (a
    database from before the search table, or after new catalog labels)."""
    if not _index_current():
        with transaction() as cur:
            search_index.ensure(cur)


def filter_options(role: str | None) -> dict[str, list[str]]:
    """Areas and languages offered as filters; the same for every rerun until a write."""
    return _filter_options(visibilities_for(role))


@cached_read
def _filter_options(vis: tuple[str, ...]) -> dict[str, list[str]]:
    with cursor() as cur:
        return {"areas": dir_db.areas(cur, vis), "languages": dir_db.languages(cur, vis)}


def get(role: str | None, entry_id: str) -> dict[str, Any]:
    with cursor() as cur:
        entry = dir_db.get_entry(cur, entry_id)
    if entry is None or entry["visibility"] not in visibilities_for(role):
        raise NotFound(t("directory.not_found"))
    return entry


def clean(raw: dict[str, Any]) -> dict[str, Any]:
    """Trimmed strings and lists; defaults for what a form or a file left out."""
    values: dict[str, Any] = {}
    for field in (*dir_db.ENTRY_FIELDS, "organization"):
        value = raw.get(field)
        if field in ("languages", "target_groups", "categories"):
            values[field] = [str(v).strip() for v in (value or []) if str(v).strip()]
        elif field == "verified_on":
            values[field] = value or None
        else:
            values[field] = "" if value is None else str(value).strip()
    values["status"] = values["status"] or "active"
    values["visibility"] = values["visibility"] or "internal"
    return values


def validate(values: dict[str, Any]) -> None:
    problems = problems_of(values)
    if problems:
        raise ValidationError(t("directory.err.invalid"), {"entry": "; ".join(problems)})


def save(
    username: str,
    role: str | None,
    raw: dict[str, Any],
    entry_id: str | None = None,
    version: int | None = None,
) -> str:
    """Create (no `entry_id`) or update an entry; returns its id.

    An update with a `version` that is no longer current raises StaleEdit naming the
    fields someone else changed, and writes nothing.
    """
    auth.require(role, "directory.edit")
    values = clean(raw)
    validate(values)
    with transaction() as cur:
        org_id = dir_db.organization_id(cur, values["organization"])
        if entry_id is None:
            entry_id = str(uuid.uuid4())
            dir_db.insert_entry(cur, entry_id, org_id, values, username)
            audit.record(cur, username, "create", "dir_entries", entry_id, None, values)
            return entry_id
        before = dir_db.get_entry(cur, entry_id)
        if before is None:
            raise NotFound(t("directory.not_found"))
        if not dir_db.update_entry(cur, entry_id, org_id, values, version or 0, username):
            changed = {
                f: before.get(f) for f in dir_db.ENTRY_FIELDS if before.get(f) != values.get(f)
            }
            raise StaleEdit(t("directory.stale_edit"), changed)
        audit.record(
            cur,
            username,
            "update",
            "dir_entries",
            entry_id,
            {f: before.get(f) for f in dir_db.ENTRY_FIELDS},
            values,
        )
    return entry_id


def set_active(username: str, role: str | None, entry_id: str, active: bool) -> None:
    auth.require(role, "directory.edit")
    status = "active" if active else "inactive"
    with transaction() as cur:
        before = dir_db.get_entry(cur, entry_id)
        if before is None:
            raise NotFound(t("directory.not_found"))
        dir_db.set_status(cur, entry_id, status, username)
        audit.record(
            cur,
            username,
            "update",
            "dir_entries",
            entry_id,
            {"status": before["status"]},
            {"status": status},
        )


def mark_verified(username: str, role: str | None, entry_id: str, day: date | None = None) -> None:
    """Record that `username` checked the entry against its source today."""
    auth.require(role, "directory.edit")
    day = day or date.today()
    with transaction() as cur:
        before = dir_db.get_entry(cur, entry_id)
        if before is None:
            raise NotFound(t("directory.not_found"))
        dir_db.mark_verified(cur, entry_id, day, username)
        audit.record(
            cur,
            username,
            "verify",
            "dir_entries",
            entry_id,
            {"verified_on": before["verified_on"]},
            {"verified_on": day},
        )


def cutoff(today: date, months: int | None = None) -> date:
    """The day `months` (default PORTAL_VERIFY_MONTHS) before `today`."""
    months = config.get_int("PORTAL_VERIFY_MONTHS") if months is None else months
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for day in (today.day, 30, 29, 28):  # clamp 31 March -> 28/29 February etc.
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_stale(entry: dict[str, Any], today: date, months: int | None = None) -> bool:
    """Never verified, or last verified before the cut-off."""
    verified = entry.get("verified_on")
    return verified is None or verified < cutoff(today, months)
