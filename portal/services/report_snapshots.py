"""Rendering the report in every format, and final snapshots of what was submitted.

A snapshot freezes the report's content (JSON) and the three generated files; later edits
to the plan cannot change it. Marking a year final again adds a new version.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from portal import auth
from portal.db import audit
from portal.db import reports as reports_db
from portal.db.connection import transaction
from portal.errors import NotFound, ValidationError
from portal.services import report_docx, report_pdf, report_xlsx
from portal.services.report_data import Report, build_report, clean

FORMATS = {
    "docx": (
        report_docx.render,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (report_pdf.render, "application/pdf"),
    "xlsx": (
        report_xlsx.render,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def file_name(year: int, fmt: str, version: int | None = None) -> str:
    suffix = f"-v{version}" if version else ""
    return f"uppfoljning-{year}{suffix}.{fmt}"


def mime(fmt: str) -> str:
    return FORMATS[fmt][1]


def render(report: Report, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValidationError(f"unknown format: {fmt}", {"format": fmt})
    return FORMATS[fmt][0](report)


def render_all(report: Report) -> dict[str, bytes]:
    return {fmt: render(report, fmt) for fmt in FORMATS}


def finalize(
    role: str | None, actor: str, year: int, note: str = "", today: date | None = None
) -> tuple[int, int]:
    """Freeze the year's report as a new final version; returns (snapshot id, version)."""
    auth.require(role, "report.finalize")
    report = build_report(year, today)
    files = render_all(report)
    data_json = json.dumps(report.content, ensure_ascii=False, sort_keys=True)
    with transaction() as cur:
        version = reports_db.next_version(cur, year)
        snap_id = reports_db.insert_snapshot(
            cur, year, version, actor, clean(note)[:500], data_json, files
        )
        audit.record(
            cur,
            actor,
            "finalize",
            "report_snapshots",
            snap_id,
            after={"year": year, "version": version},
        )
    return snap_id, version


def snapshots(year: int | None = None) -> pd.DataFrame:
    return reports_db.snapshots(year)


def snapshot_content(snapshot_id: int) -> dict:
    data = reports_db.snapshot_data(snapshot_id)
    if data is None:
        raise NotFound(f"snapshot {snapshot_id}")
    return json.loads(data)


def snapshot_file(snapshot_id: int, fmt: str) -> bytes:
    data = reports_db.snapshot_file(snapshot_id, fmt)
    if data is None:
        raise NotFound(f"snapshot {snapshot_id}")
    return data


def report_years(today: date | None = None) -> list[int]:
    """Years offered for a report, newest first: from the first plan to this year."""
    this_year = (today or date.today()).year
    first = reports_db.first_plan_year() or this_year
    return list(range(this_year, min(first, this_year) - 1, -1))
