"""The plan's records as pages read them: frozen, typed, no DataFrame row or dict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd


def _time(value: Any) -> datetime | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    stamp: datetime = pd.Timestamp(value).to_pydatetime()
    return stamp


@dataclass(frozen=True)
class Activity:
    """One activity with its derived state (overdue and stale by the rules in _rules)."""

    id: int
    dimension_id: int
    dimension_number: str
    dimension_name: str
    description: str
    responsible_role: str | None
    responsible_label: str
    due_month: str | None
    ongoing: bool
    status: str
    progress: int
    weight: float
    version: int
    predecessor_id: int | None
    last_updated: datetime | None
    overdue: bool
    stale: bool
    latest_comment: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Activity:
        def text(name: str) -> str:
            value = row.get(name)
            return (
                "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
            )

        pred = row.get("predecessor_id")
        return cls(
            id=int(row["id"]),
            dimension_id=int(row["dimension_id"]),
            dimension_number=text("dimension_number"),
            dimension_name=text("dimension_name"),
            description=text("description"),
            responsible_role=row.get("responsible_role") or None,
            responsible_label=text("responsible_label"),
            due_month=row.get("due_month") or None,
            ongoing=bool(row.get("ongoing")),
            status=str(row["status"]),
            progress=int(row["progress"]),
            weight=float(row["weight"]),
            version=int(row["version"]),
            predecessor_id=None if pred is None or pd.isna(pred) else int(pred),
            last_updated=_time(row.get("last_updated")),
            overdue=bool(row.get("overdue")),
            stale=bool(row.get("stale")),
            latest_comment=text("latest_comment"),
        )

    def values(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The named fields as a dict (what an edit form starts from)."""
        return {n: getattr(self, n) for n in names}
