"""`export situation --format csv|xlsx`: assessments and indicators leave the portal with
small counts suppressed ("<3"), whoever runs the export."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from portal.exports.tabular import write_csv, xlsx_bytes
from portal.i18n import t
from portal.situation import api as db, api as views

FORMATS = ("csv", "xlsx")


def assessments_table() -> pd.DataFrame:
    years = {y["year"]: y for y in db.years()}
    df = db.assessments()
    return pd.DataFrame(
        {
            t("situation.col.year"): df["year"].astype(int) if not df.empty else [],
            t("situation.col.status"): [
                t(f"situation.statuses.{years[y]['status']}") for y in df["year"]
            ],
            t("situation.col.approved_on"): [years[y]["approved_on"] for y in df["year"]],
            t("situation.col.made_with"): [years[y]["made_with"] for y in df["year"]],
            t("situation.col.milieu"): [views.milieu_label(m) for m in df["milieu"]],
            t("situation.col.level"): [views.level_label(v) for v in df["level"]],
            t("situation.col.trend"): [views.trend_label(v) for v in df["trend"]],
            t("situation.col.narrative"): df["narrative"],
            t("situation.col.sources_used"): [
                ", ".join(views.source_label(s) for s in v) for v in df["sources_used"]
            ],
            t("situation.col.sources_not_used"): [
                ", ".join(views.source_label(s) for s in v) for v in df["sources_not_used"]
            ],
        }
    )


def indicators_table(exact: bool = False) -> pd.DataFrame:
    df = views.indicator_table(None, exact).drop(columns=["id"])
    return df.rename(
        columns={
            "period": t("situation.col.period"),
            "milieu_label": t("situation.col.milieu"),
            "source_label": t("situation.col.source"),
            "area": t("situation.col.area"),
            "count": t("situation.col.count"),
        }
    )


def workbook_bytes() -> bytes:
    """Both tables as an Excel workbook (counts suppressed)."""
    buf = io.BytesIO()
    _write_xlsx(buf)
    return buf.getvalue()


def _write_xlsx(target: io.BytesIO | Path) -> None:
    indicators = indicators_table()
    count = t("situation.col.count")
    # A shown count is a number cell (it sums); a suppressed one stays the text "<3".
    indicators[count] = [int(v) if str(v).isdigit() else v for v in indicators[count]]
    data = xlsx_bytes(
        {
            t("situation.sheet_assessments"): assessments_table(),
            t("situation.sheet_indicators"): indicators,
        }
    )
    if isinstance(target, Path):
        target.write_bytes(data)
    else:
        target.write(data)


def export(fmt: str, path: Path) -> None:
    path = Path(path)
    if fmt == "csv":
        # One CSV: the indicators (the table people count with); assessments beside it.
        write_csv(indicators_table(), path)
        write_csv(assessments_table(), path.with_name(path.stem + "-bedomningar.csv"))
    elif fmt == "xlsx":
        _write_xlsx(path)
    else:
        raise ValueError(fmt)
