"""The situation picture's embedded default and demo data.

Default (real): the plan's section 3.1, the 2017 statement that no violent extremism is
assessed to exist in the municipality, as the approved 2017 picture (level "none known"
for every milieu; the plan adopted by KS 2019-05-02 § 97 is its source), and section 3.2,
the 2019 picture, as planned and not yet made.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from portal import SEED_DIR
from portal.db.connection import Cursor, scalar
from portal.plan.api import load_plan_document
from portal.situation._db import situation as db
from portal.situation._indicators import validate_indicator
from portal.vocab import MILIEUS

DEMO_FILE = SEED_DIR / "demo" / "situation.json"


def _section(plan: dict[str, Any], number: str) -> dict[str, Any]:
    return next(s for s in plan["sections"] if s["number"] == number)


def load_default(cur: Cursor) -> None:
    if scalar(cur, "SELECT count(*) FROM situation_years"):
        return
    plan = load_plan_document()
    ref = (
        f"{plan['title']}, fastställd av {plan['adopted_by']} {plan['adopted_on']}"
        f" {plan['adoption_ref']}"
    )
    s2017, s2019 = _section(plan, "3.1"), _section(plan, "3.2")
    db.insert_year(
        cur,
        {
            "year": 2017,
            "status": "approved",
            "summary": s2017["body"],
            "source_ref": f"{ref}, avsnitt 3.1 {s2017['heading']}",
            "approved_on": date.fromisoformat(plan["adopted_on"]),
            "approved_by": plan["adopted_by"],
        },
    )
    now = datetime.now()
    for milieu in MILIEUS:
        db.insert_assessment(
            cur,
            {
                "year": 2017,
                "milieu": milieu,
                "level": "none",
                "trend": "unknown",
                "narrative": s2017["body"],
            },
            "system",
            now,
        )
    db.insert_year(
        cur,
        {
            "year": 2019,
            "status": "planned",
            "summary": s2019["body"],
            "source_ref": f"{ref}, avsnitt 3.2 {s2019['heading']}",
        },
    )


def load_demo(cur: Cursor) -> None:
    """Invented years and quarterly indicators, every text marked [Demo]."""
    if scalar(cur, "SELECT count(*) FROM situation_years WHERE is_demo"):
        return
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    now = datetime.now()
    for year in demo["years"]:
        if scalar(cur, "SELECT count(*) FROM situation_years WHERE year = ?", [year["year"]]):
            continue  # never overwrite a real year
        approved_on = year.get("approved_on")
        db.insert_year(
            cur,
            {
                **year,
                "is_demo": True,
                "updated_by": "samordnare",
                "approved_by": "samordnare" if approved_on else None,
                "approved_on": date.fromisoformat(approved_on) if approved_on else None,
            },
        )
        for item in year["assessments"]:
            db.insert_assessment(cur, {**item, "year": year["year"]}, "samordnare", now)
    existing = db.existing_indicator_keys(cur)
    for row in demo["indicators"]:
        clean = validate_indicator({**row, "is_demo": True}, existing)
        existing.add((clean["period"], clean["milieu"], clean["source"], clean["area"]))
        db.insert_indicator(cur, clean, "samordnare")
