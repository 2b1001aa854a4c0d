"""Plan exports (CSV, Excel with real types, CLI) and the chart specs."""

import subprocess
import sys
from datetime import date, datetime

import pandas as pd
from openpyxl import load_workbook

from portal import ROOT
from portal.charts import PALETTE, plan as plan_charts
from portal.exports import plan as plan_export
from portal.plan import _core as plan_service
from tests.outputs import problems_in, text_of


def test_xlsx_has_typed_columns(demo_db, tmp_path):
    path = tmp_path / "plan.xlsx"
    plan_export.export("xlsx", path)
    assert problems_in(text_of(path, "xlsx")) == []
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header == [
        "Plan",
        "Dimension",
        "Aktivitet",
        "Klart",
        "Ansvarig",
        "Status",
        "Framsteg",
        "Försenad",
        "Inte uppdaterad på länge",
        "Senast uppdaterad",
        "Senaste kommentar",
    ]
    header = list(plan_export.HEADERS)  # the same columns under their keys
    rows = [dict(zip(header, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == 6
    first = rows[0]
    assert first["progress"] == 60 and isinstance(first["progress"], int)
    assert {r["overdue"] for r in rows} | {r["stale"] for r in rows} <= {"Ja", "Nej"}
    assert isinstance(first["last_updated"], datetime)
    assert first["last_updated"].date() == date(2020, 3, 2)
    assert first["status"] == "Pågår"
    assert "Demokratiavsnitt" in first["latest_comment"]
    assert rows[3]["due"] == "Fortlöpande"


def test_csv_export_through_the_cli(demo_db, tmp_path):
    out = tmp_path / "plan.csv"
    env = {"PORTAL_DB": str(demo_db), "PORTAL_COOKIE_KEY": "k" * 40, "PATH": "/usr/bin"}
    from portal.db.connection import close_all

    close_all()  # the CLI process opens the file itself
    res = subprocess.run(
        [sys.executable, "-m", "portal", "export", "plan", "--format", "csv", "-o", str(out)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert len(df) == 6
    assert list(df["Status"]).count("Klar") == 1
    assert {"Försenad", "Inte uppdaterad på länge", "Senast uppdaterad"} <= set(df.columns)
    assert set(df["Försenad"]) <= {"Ja", "Nej"} and set(df["Inte uppdaterad på länge"]) <= {
        "Ja",
        "Nej",
    }
    assert problems_in(text_of(out, "csv")) == []
    assert "True" not in out.read_text(encoding="utf-8-sig")
    bad = subprocess.run(
        [sys.executable, "-m", "portal", "export", "plan", "--format", "pdf", "-o", str(out)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode != 0


def test_status_chart_spec():
    df = pd.DataFrame(
        {"key": ["in_progress", "overdue"], "label": ["Pågår", "Försenad"], "count": [2, 3]}
    )
    spec = plan_charts.status_distribution(df, "Titel", "Antal", "Status").to_dict()
    assert spec["title"] == "Titel"
    assert spec["encoding"]["x"]["field"] == "count"
    assert spec["encoding"]["x"]["title"] == "Antal"
    assert spec["encoding"]["color"]["scale"]["range"] == [PALETTE[0], PALETTE[5]]


def test_progress_over_time_spec(demo_db):
    plan = plan_service.current_plan_view(date(2026, 11, 24))[0]
    df = plan_service.progress_over_time(plan["id"], "Hela planen")
    spec = plan_charts.progress_over_time(
        df, "Framsteg över tid", "Datum", "Framsteg (%)", "Del av planen"
    ).to_dict()
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["x"] == {
        "field": "day",
        "type": "temporal",
        "title": "Datum",
        "axis": {"labelOverlap": "greedy"},
    }
    assert spec["encoding"]["y"]["scale"]["domain"] == [0, 100]
    assert spec["encoding"]["color"]["scale"]["domain"][0] == "Hela planen"
    data = next(iter(spec["datasets"].values()))
    assert {r["series"] for r in data} >= {"Hela planen"}


def test_plan_export_speaks_english_in_english(demo_db):
    from portal.exports.tabular import csv_bytes
    from portal.i18n import set_lang

    set_lang("en")
    try:
        table = plan_export.plan_table(date(2026, 11, 24))
        data = csv_bytes(table)
    finally:
        set_lang("sv")
    assert list(table.columns)[:3] == ["Plan", "Dimension", "Activity"]
    text = text_of(data, "csv")
    assert "Overdue" in text.splitlines()[0]
    assert "\tNo\t" in text and "False" not in text
