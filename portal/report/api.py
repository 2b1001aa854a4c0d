"""The annual follow-up report: the façade the report page, the file writers and the CLI use.

`build_report(year)` assembles the year's content from the other features' façades;
`finalize(actor, year, render_all)` freezes it with the files the caller rendered.
"""

from __future__ import annotations

from portal.report._data import Report as Report, build_report as build_report, clean as clean
from portal.report._sections import EMPTY as EMPTY
from portal.report._snapshots import (
    finalize as finalize,
    report_years as report_years,
    snapshot_file as snapshot_file,
    snapshots as snapshots,
)
