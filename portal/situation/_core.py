"""The situation picture's rules: levels and trends, draft/approved years, the approval
lock with revisions, optimistic concurrency and when the picture is overdue (the
indicator counts are in `_indicators.py`).

No Streamlit here. Every write takes the acting user name and role and checks
`situation.edit` itself, whatever the page showed.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from portal import auth
from portal.admin import api as admin_api
from portal.db import audit
from portal.db.connection import Cursor, scalar, transaction
from portal.errors import NotFound, StaleEdit, ValidationError
from portal.i18n import t
from portal.situation._db import situation as db
from portal.validation import LONG, SHORT, check_fields, text_problem
from portal.vocab import MILIEUS, SOURCES

LEVELS = ("none", "low", "elevated", "high")
TRENDS = ("unknown", "decreasing", "unchanged", "increasing")
STATUSES = ("planned", "draft", "approved")
MIN_YEAR = 2000
PERIOD = re.compile(r"^(\d{4})-Q([1-4])$")
_ASSESSMENT_FIELDS = ("level", "trend", "narrative", "sources_used", "sources_not_used")
_YEAR_FIELDS = ("summary", "made_with", "source_ref")


def max_year(today: date | None = None) -> int:
    return (today or date.today()).year + 1


def check_year(year: object, today: date | None = None) -> int:
    """The year as int, or ValidationError when it is not a sensible year."""
    try:
        value = int(str(year).strip())
    except (TypeError, ValueError):
        raise ValidationError(
            t("situation.errors.year_range", low=MIN_YEAR, high=max_year(today)),
            {"year": str(year)},
        ) from None
    if not MIN_YEAR <= value <= max_year(today):
        raise ValidationError(
            t("situation.errors.year_range", low=MIN_YEAR, high=max_year(today)),
            {"year": str(year)},
        )
    return value


def parse_period(period: str, today: date | None = None) -> tuple[int, int]:
    """'2025-Q3' -> (2025, 3); ValidationError for another shape or a year out of range."""
    match = PERIOD.match(str(period or "").strip())
    if not match:
        raise ValidationError(t("situation.errors.period"), {"period": str(period)})
    return check_year(match.group(1), today), int(match.group(2))


def _require(role: str | None) -> None:
    auth.require(role, "situation.edit")


def _clean_assessment(year: int, milieu: str, fields: dict[str, Any]) -> dict[str, Any]:
    problems = {}
    if milieu not in MILIEUS:
        problems["milieu"] = t("situation.errors.milieu", value=milieu)
    if fields.get("level") not in LEVELS:
        problems["level"] = t("situation.errors.level")
    if fields.get("trend") not in TRENDS:
        problems["trend"] = t("situation.errors.trend")
    for key in ("sources_used", "sources_not_used"):
        bad = [s for s in fields.get(key) or [] if s not in SOURCES]
        if bad:
            problems[key] = t("situation.errors.source", value=", ".join(bad))
    if set(fields.get("sources_used") or []) & set(fields.get("sources_not_used") or []):
        problems["sources_not_used"] = t("situation.errors.source_both")
    if problem := text_problem(fields.get("narrative"), LONG, multiline=True):
        problems["narrative"] = problem
    if problems:
        raise ValidationError(t("situation.errors.invalid"), problems)
    return {
        "year": year,
        "milieu": milieu,
        "level": fields["level"],
        "trend": fields["trend"],
        "narrative": (fields.get("narrative") or "").strip(),
        "sources_used": [s for s in SOURCES if s in (fields.get("sources_used") or [])],
        "sources_not_used": [s for s in SOURCES if s in (fields.get("sources_not_used") or [])],
    }


def _reason_needed(status: str, reason: str | None) -> str | None:
    """An approved year changes only with a reason (stored as a revision)."""
    if status != "approved":
        return None
    if not (reason or "").strip():
        raise ValidationError(
            t("situation.errors.reason_required"), {"reason": t("situation.errors.reason_required")}
        )
    return (reason or "").strip()


def _stale(kind: str, current: dict[str, Any], fields: tuple[str, ...]) -> StaleEdit:
    changes = {f: current.get(f) for f in fields}
    return StaleEdit(
        t(
            "situation.errors.stale",
            kind=kind,
            who=admin_api.display_name(current.get("updated_by")),
        ),
        changes,
    )


def _jsonable(row: dict[str, Any] | None, fields: tuple[str, ...]) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        f: (list(row[f]) if isinstance(row.get(f), list | tuple) else row.get(f)) for f in fields
    }


def _dump(value: dict[str, Any] | None) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def create_year(year: int, actor: str, role: str | None) -> dict[str, Any]:
    """Start a draft for `year` (or turn a planned year into a draft)."""
    _require(role)
    year = check_year(year)
    with transaction() as cur:
        row = db.year(cur, year)
        if row is None:
            db.insert_year(cur, {"year": year, "status": "draft", "updated_by": actor})
            audit.record(cur, actor, "create", "situation_year", year, None, {"status": "draft"})
        elif row["status"] == "planned":
            _write_year(cur, row, {**row, "status": "draft"}, actor, None)
        return _written(db.year(cur, year))


def save_year(
    year: int,
    fields: dict[str, Any],
    version: int,
    actor: str,
    role: str | None,
    reason: str | None = None,
) -> dict[str, Any]:
    """Save the year's own fields (summary, made with, source); approved years need a reason."""
    _require(role)
    check_fields(
        {
            "summary": (fields.get("summary"), LONG, False, True),
            "made_with": (fields.get("made_with"), SHORT, False, False),
            "source_ref": (fields.get("source_ref"), SHORT, False, False),
            "reason": (reason, 2000, False, True),
        }
    )
    with transaction() as cur:
        row = db.year(cur, year)
        if row is None:
            raise NotFound(t("situation.errors.no_year", year=year))
        if row["version"] != version:
            raise _stale(str(year), row, _YEAR_FIELDS)
        new = {**row, **{f: (fields.get(f) or "").strip() for f in _YEAR_FIELDS}}
        if row["status"] == "planned":
            new["status"] = "draft"
        _write_year(cur, row, new, actor, _reason_needed(row["status"], reason))
        return _written(db.year(cur, year))


def _write_year(
    cur: Cursor, row: dict[str, Any], new: dict[str, Any], actor: str, reason: str | None
) -> None:
    fields = ("status", "approved_on", "approved_by", *_YEAR_FIELDS)
    before, after = _jsonable(row, fields), _jsonable(new, fields)
    if before == after:
        return
    now = datetime.now()
    db.update_year(cur, row["year"], new, actor, now)
    if reason:
        db.insert_revision(cur, row["year"], None, actor, reason, _dump(before), _dump(after), now)
    audit.record(cur, actor, "update", "situation_year", row["year"], before, after)


def save_assessment(
    year: int,
    milieu: str,
    fields: dict[str, Any],
    version: int | None,
    actor: str,
    role: str | None,
    reason: str | None = None,
) -> dict[str, Any]:
    """Create or update one milieu's assessment for a year.

    `version` is the version the user loaded (None for a new assessment); a different
    stored version means someone else saved first: StaleEdit, nothing overwritten.
    """
    _require(role)
    clean = _clean_assessment(year, milieu, fields)
    with transaction() as cur:
        year_row = db.year(cur, year)
        if year_row is None:
            raise NotFound(t("situation.errors.no_year", year=year))
        why = _reason_needed(year_row["status"], reason)
        current = db.assessment(cur, year, milieu)
        now = datetime.now()
        if current is None:
            if version is not None:
                raise StaleEdit(t("situation.errors.gone"))
            db.insert_assessment(cur, clean, actor, now)
        else:
            if version != current["version"]:
                raise _stale(t(f"common.milieus.{milieu}"), current, _ASSESSMENT_FIELDS)
            if _jsonable(current, _ASSESSMENT_FIELDS) == _jsonable(clean, _ASSESSMENT_FIELDS):
                return current
            db.update_assessment(cur, clean, actor, now)
        before = _jsonable(current, _ASSESSMENT_FIELDS)
        after = _jsonable(clean, _ASSESSMENT_FIELDS)
        if why:
            db.insert_revision(cur, year, milieu, actor, why, _dump(before), _dump(after), now)
        if year_row["status"] == "planned":
            _write_year(cur, year_row, {**year_row, "status": "draft"}, actor, None)
        audit.record(
            cur,
            actor,
            "create" if current is None else "update",
            "situation_assessment",
            f"{year}/{milieu}",
            before,
            after,
        )
        return _written(db.assessment(cur, year, milieu))


def approve(
    year: int, version: int, approved_on: date, actor: str, role: str | None
) -> dict[str, Any]:
    """Approve a draft year: from now on it is locked (changes need a reason)."""
    _require(role)
    with transaction() as cur:
        row = db.year(cur, year)
        if row is None:
            raise NotFound(t("situation.errors.no_year", year=year))
        if row["version"] != version:
            raise _stale(str(year), row, ("status", *_YEAR_FIELDS))
        if row["status"] == "approved":
            raise ValidationError(t("situation.errors.already_approved", year=year))
        count = scalar(cur, "SELECT count(*) FROM situation_assessments WHERE year = ?", [year])
        if count < len(MILIEUS):
            raise ValidationError(t("situation.errors.incomplete", year=year))
        _write_year(
            cur,
            row,
            {**row, "status": "approved", "approved_on": approved_on, "approved_by": actor},
            actor,
            None,
        )
        return _written(db.year(cur, year))


def latest_approved(years: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    rows = db.years() if years is None else years
    approved = [y for y in rows if y["status"] == "approved"]
    return max(approved, key=lambda y: y["year"]) if approved else None


def is_overdue(today: date, years: list[dict[str, Any]] | None = None) -> bool:
    """Overdue when last year's picture (or a newer one) has not been approved.

    The plan asks for a yearly situation picture; during year Y the picture for Y is being
    made, so once Y is over without an approved picture for Y or later, it is overdue.
    """
    latest = latest_approved(years)
    return latest is None or latest["year"] < today.year - 1


def _written(row: dict[str, Any] | None) -> dict[str, Any]:
    """The row just written in this transaction (always there)."""
    assert row is not None, "a row written in this transaction must be readable"
    return row
