"""Section builders for the data other domains provide (meetings, situation, signals).

Each builder is a pure function: it takes exactly the dict the other domain's
`year_summary` returns (or None when that domain is not installed / has no data) and
returns the section as plain JSON-ready values, or None for "no data yet". Loading the
other domains goes through importlib so the report works while a module is missing.
"""

from __future__ import annotations

import math
from typing import Any

from portal.suppression import shown

# What an empty value reads as in every format (never "None", "nan" or "[]").
EMPTY = "—"


def _text(value: Any) -> str:
    """A value as text: "" for None and NaN (callers test these for "is there any")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, list | tuple | set):
        return ", ".join(_text(v) for v in value if _text(v))
    return str(value)


def _cell(value: Any) -> str:
    """A value as it is shown in a table cell or line: lists joined with ", ", empty "—"."""
    return _text(value).strip() or EMPTY


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _suppressed(value: Any) -> str:
    """A count as it may leave the portal. The providers already suppress small numbers;
    this is a second guard in case an exact small count ever reaches the report."""
    text = _text(value).strip()
    return shown(int(text)) if text.isdigit() else text


def cooperation_section(summary: dict[str, Any] | None) -> dict[str, Any] | None:
    """Meetings held by type, attendance by organisation, key decisions, open actions."""
    if not summary:
        return None
    held = _int(summary.get("held"))
    section = {
        "held": held,
        "by_type": [
            {"label": _text(r.get("label") or r.get("type")), "count": _int(r.get("count"))}
            for r in summary.get("by_type") or []
        ],
        "attendance": [
            {"organisation": _text(r.get("organisation")), "count": _int(r.get("count"))}
            for r in summary.get("attendance_by_org") or []
        ],
        "decisions": [
            {
                "date": _text(r.get("date")),
                "meeting": _text(r.get("meeting")),
                "number": _text(r.get("number")),
                "text": _text(r.get("text")),
            }
            for r in summary.get("decisions") or []
        ],
        "open_actions": [
            {
                "text": _cell(r.get("text")),
                "owner": _cell(r.get("owner")),
                "due": _cell(r.get("due")),
                "status": _cell(r.get("status_label") or r.get("status")),
            }
            for r in summary.get("open_actions") or []
        ],
    }
    # Open actions are listed whatever their year, so alone they do not make a year
    # one with cooperation to report.
    if not held and not section["decisions"]:
        return None
    return section


def situation_section(summary: dict[str, Any] | None) -> dict[str, Any] | None:
    """The year's assessment per milieu and its quantitative indicators."""
    if not summary or summary.get("status") == "missing":
        return None
    assessments = [
        {
            "milieu": _text(a.get("milieu_label") or a.get("milieu")),
            "level": _text(a.get("level_label") or a.get("level")),
            "trend": _text(a.get("trend_label") or a.get("trend")),
            "narrative": _text(a.get("narrative")),
            "sources_used": _cell(a.get("sources_used")),
            "sources_not_used": _cell(a.get("sources_not_used")),
        }
        for a in summary.get("assessments") or []
    ]
    indicators = [
        {
            "milieu": _text(r.get("milieu_label")),
            "source": _text(r.get("source_label")),
            "count": _suppressed(r.get("count")),
        }
        for r in summary.get("indicators") or []
    ]
    if not assessments and not indicators:
        return None
    return {
        "status": _text(summary.get("status")),
        "approved_on": _text(summary.get("approved_on")),
        "made_with": _text(summary.get("made_with")),
        "assessments": assessments,
        "indicators": indicators,
    }


def signals_section(summary: dict[str, Any] | None) -> dict[str, Any] | None:
    """Aggregate signal counts only; the counts arrive already suppressed ("<3") as text."""
    if not summary:
        return None
    total = _suppressed(summary.get("total")) or "0"

    def rows(key: str) -> list[dict[str, Any]]:
        return [
            {"label": _text(r.get("label")), "count": _suppressed(r.get("count"))}
            for r in summary.get(key) or []
        ]

    section: dict[str, Any] = {
        "total": total,
        "by_milieu": rows("by_milieu"),
        "by_setting": rows("by_setting"),
        "by_quarter": rows("by_quarter"),
    }
    # Rows of zeros (every category listed) are no signals to report.
    if total == "0" and all(
        r["count"] == "0" for k in ("by_milieu", "by_setting", "by_quarter") for r in section[k]
    ):
        return None
    return section


def chart_images(charts: list[tuple[str, Any]], scale: float = 2.0) -> list[tuple[str, bytes]]:
    """Altair charts rendered to PNG without a browser (vl-convert)."""
    import vl_convert

    images = []
    for title, chart in charts:
        images.append((_text(title), vl_convert.vegalite_to_png(chart.to_json(), scale=scale)))
    return images
