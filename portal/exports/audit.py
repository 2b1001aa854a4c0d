"""The audit log as CSV for people: headings in the UI's language (the admin page's
column names), the database's row number left out, formulas defused like every export."""

from __future__ import annotations

import pandas as pd

from portal.exports.tabular import csv_bytes
from portal.i18n import t

# Column -> catalog key of its heading, in the order the file shows them.
HEADERS = {
    "logged_at": "admin.col_time",
    "actor": "admin.col_actor",
    "action": "admin.col_action",
    "entity": "admin.col_entity",
    "entity_id": "admin.col_entity_id",
    "before_json": "admin.col_before",
    "after_json": "admin.col_after",
}


def audit_csv(log: pd.DataFrame) -> bytes:
    table = log[[c for c in HEADERS if c in log.columns]].copy()
    if "logged_at" in table.columns:
        table["logged_at"] = [
            "" if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d %H:%M:%S")
            for v in table["logged_at"]
        ]
    return csv_bytes(table.rename(columns={k: t(v) for k, v in HEADERS.items()}))
