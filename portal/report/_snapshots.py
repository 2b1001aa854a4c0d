"""Final snapshots of what was submitted.

A snapshot freezes the report's content (JSON) and the three generated files; later edits
to the plan cannot change it. Marking a year final again adds a new version.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd

from portal.actor import Actor
from portal.db import audit
from portal.db.connection import transaction
from portal.errors import NotFound
from portal.report._data import Report, build_report, clean
from portal.report._db import reports as reports_db
from portal.validation import check_fields

# Renders the assembled report in every format; given by the caller (the file writers
# live in portal/exports, a layer above the feature).
RenderAll = Callable[[Report], Mapping[str, bytes]]


def finalize(
    actor: Actor,
    year: int,
    render_all: RenderAll,
    note: str = "",
    today: date | None = None,
) -> tuple[int, int]:
    """Freeze the year's report as a new final version; returns (snapshot id, version).

    The content is assembled once and `render_all` makes the files from that same
    content, so the frozen files and the frozen JSON always agree."""
    actor.require("report.finalize")
    # Refused, not cut: a note silently shortened to 500 characters lost the rest.
    check_fields({"note": (note, 500, False, True)})
    report = build_report(year, today)
    files = dict(render_all(report))
    data_json = json.dumps(report.content, ensure_ascii=False, sort_keys=True)
    with transaction() as cur:
        version = reports_db.next_version(cur, year)
        snap_id = reports_db.insert_snapshot(
            cur, year, version, actor.username, clean(note), data_json, files
        )
        audit.record(
            cur,
            actor.username,
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
