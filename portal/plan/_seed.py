"""The municipality's real 2019-2020 action plan, from data/seed/plan-2019-2020.json."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from portal import SEED_DIR
from portal.db.connection import Cursor, scalar
from portal.plan._db import indicators as indicators_db, plans as plans_db

PLAN_FILE = SEED_DIR / "plan-2019-2020.json"
DEMO_FILE = SEED_DIR / "demo" / "plan-progress.json"


def load_plan_document() -> dict[str, Any]:
    return json.loads(PLAN_FILE.read_text(encoding="utf-8"))


def load_default(cur: Cursor) -> None:
    if scalar(cur, "SELECT count(*) FROM plans"):
        return
    plan = load_plan_document()
    plan_id = plans_db.insert_plan(cur, plan, is_current=True)
    for pos, section in enumerate(plan["sections"], start=1):
        plans_db.insert_section(
            cur, plan_id, section["number"], section["heading"], section["body"], pos
        )
    for dpos, dim in enumerate(plan["dimensions"], start=1):
        dim_id = plans_db.insert_dimension(cur, plan_id, dim, dpos)
        for apos, act in enumerate(dim["activities"], start=1):
            ongoing = act["due"] == "Fortlöpande"
            plans_db.insert_activity(
                cur,
                dim_id,
                {**act, "due_month": None if ongoing else act["due"], "ongoing": ongoing},
                apos,
            )


def load_demo(cur: Cursor) -> None:
    """Realistic progress on the real activities, as timestamped updates by demo users."""
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    rows = cur.execute(
        "SELECT a.id, a.status, a.progress FROM activities a JOIN dimensions d"
        " ON d.id = a.dimension_id JOIN plans p ON p.id = d.plan_id"
        # the embedded plan (the first one), even after a new period has been started
        " WHERE p.id = (SELECT min(id) FROM plans) ORDER BY d.position, a.position"
    ).fetchall()
    for (act_id, status, progress), updates in zip(rows, demo["activities"], strict=True):
        if scalar(cur, "SELECT count(*) FROM activity_updates WHERE activity_id = ?", [act_id]):
            continue
        for upd in updates:
            at = datetime.fromisoformat(upd["at"])
            plans_db.insert_update(
                cur,
                act_id,
                upd["actor"],
                at,
                status,
                upd["status"],
                progress,
                upd["progress"],
                upd["comment"],
            )
            plans_db.set_activity_state(
                cur, act_id, upd["status"], upd["progress"], at, upd["actor"]
            )
            status, progress = upd["status"], upd["progress"]
    _load_demo_indicators(cur, [r[0] for r in rows], demo.get("indicators", []))


def _load_demo_indicators(
    cur: Cursor, activity_ids: list[int], indicators: list[dict[str, Any]]
) -> None:
    """Demo indicators (names marked [Demo]) with dated values, once."""
    if scalar(cur, "SELECT count(*) FROM indicators"):
        return
    for ind in indicators:
        act_id = activity_ids[ind["activity"] - 1]
        ind_id = indicators_db.insert_indicator(
            cur, act_id, ind["name"], ind["unit"], ind["target"], "processledare"
        )
        for day, value, note in ind["values"]:
            indicators_db.insert_value(
                cur, ind_id, date.fromisoformat(day), value, note, "processledare"
            )
