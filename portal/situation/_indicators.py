"""The situation picture's indicator counts: one count per period, milieu, source and
area, validated here for the form, the import and the seed alike.

No Streamlit here. Every write takes the acting user name and role and checks
`situation.edit` itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from portal.db import audit
from portal.db.connection import transaction
from portal.errors import NotFound, ValidationError
from portal.i18n import t
from portal.situation._core import _require, parse_period
from portal.situation._db import situation as db
from portal.validation import text_problem
from portal.vocab import MILIEUS, SOURCES


def add_indicator(row: dict[str, Any], actor: str, role: str | None) -> None:
    """One indicator count (period, milieu, source, area, count) entered in the form."""
    _require(role)
    with transaction() as cur:
        clean = validate_indicator(row, db.existing_indicator_keys(cur))
        db.insert_indicator(cur, clean, actor)
        audit.record(cur, actor, "create", "situation_indicator", clean["period"], None, clean)


def delete_indicator(indicator_id: int, actor: str, role: str | None) -> None:
    _require(role)
    with transaction() as cur:
        before = db.delete_indicator(cur, indicator_id)
        if before is None:
            raise NotFound(t("situation.errors.no_indicator"))
        audit.record(cur, actor, "delete", "situation_indicator", indicator_id, before, None)


def validate_indicator(
    row: dict[str, Any], existing: set, today: date | None = None
) -> dict[str, Any]:
    """A clean indicator row, or ValidationError with every problem of the row."""
    problems: dict[str, str] = {}
    year = quarter = None
    try:
        year, quarter = parse_period(row.get("period", ""), today)
    except ValidationError as exc:
        problems["period"] = str(exc)
    milieu = str(row.get("milieu") or "").strip()
    if milieu not in MILIEUS:
        problems["milieu"] = t("situation.errors.milieu", value=milieu)
    source = str(row.get("source") or "").strip()
    if source not in SOURCES:
        problems["source"] = t("situation.errors.source", value=source)
    count = _count(row.get("count"))
    if count is None:
        problems["count"] = t("situation.errors.count", value=row.get("count"))
    area = str(row.get("area") or "").strip()
    if len(area) > 80:
        problems["area"] = t("situation.errors.area")
    if problem := text_problem(str(row.get("note") or ""), 1000):
        problems["note"] = problem
    period = str(row.get("period") or "").strip()
    if not problems and (period, milieu, source, area) in existing:
        problems["period"] = t("situation.errors.duplicate", period=period)
    if problems:
        raise ValidationError(t("situation.errors.invalid"), problems)
    return {
        "period": period,
        "year": year,
        "quarter": quarter,
        "milieu": milieu,
        "source": source,
        "area": area,
        "count": count,
        "note": str(row.get("note") or "").strip(),
        "is_demo": bool(row.get("is_demo")),
    }


def _count(value: object) -> int | None:
    try:
        text = str(value).strip()
        number = int(text)
    except (TypeError, ValueError):
        return None
    ok = 0 <= number <= MAX_COUNT and text.lstrip("+").isdigit()
    return number if ok else None


# Far above any real count of one kind in one municipality's quarter, and within the
# column's INTEGER (a 20-digit number crashed the import).
MAX_COUNT = 1_000_000
