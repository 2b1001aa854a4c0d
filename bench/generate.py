"""Synthetic data at 1x (one municipality), 10x (a region) or 100x (national scale).

Deterministic from a seed: the same scale and seed always give the same database.
1x is about 40 activities with 5 years of history, 60 meetings, 150 directory entries,
500 signals and 10 years of situation picture; larger scales multiply every count.

    python -m bench.generate --scale 10 -o /tmp/bench10.duckdb
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

from bench.generate_domains import GENERATORS
from portal.db.connection import close_all, transaction
from portal.plan._db import plans as plans_db
from portal.setup import init_database

BASE_YEAR = 2021
STATUSES = ("not_started", "in_progress", "done", "cancelled")


def generate(path: Path, scale: int, seed: int = 42) -> dict[str, int]:
    """Create a database at `path` (with demo users) and fill it; returns row counts."""
    import os

    os.environ["PORTAL_DB"] = str(path)
    close_all()
    init_database(demo=True)
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    with transaction() as cur:
        counts.update(_plan(cur, rng, scale))
    for name, generator in DOMAIN_GENERATORS:
        with transaction() as cur:
            counts[name] = generator(cur, rng, scale)
    close_all()
    return counts


def _plan(cur, rng: random.Random, scale: int) -> dict[str, int]:
    """A 5-year plan with 40*scale activities, each updated about every 6 months."""
    plan_id = cur.execute("SELECT id FROM plans WHERE is_current").fetchone()[0]
    dims = [
        r[0]
        for r in cur.execute(
            "SELECT id FROM dimensions WHERE plan_id = ? ORDER BY position", [plan_id]
        ).fetchall()
    ]
    updates = 0
    for n in range(40 * scale):
        ongoing = rng.random() < 0.1
        due = f"{BASE_YEAR + rng.randrange(5)}-{rng.randrange(1, 13):02d}"
        role = rng.choice(["process_leader", "coordinator"])
        act_id = plans_db.insert_activity(
            cur,
            rng.choice(dims),
            {
                "description": f"Syntetisk aktivitet {n + 1}: utbildning och samverkan",
                "responsible_role": role,
                "responsible_label": "Processledaren"
                if role == "process_leader"
                else "Säkerhetssamordnaren",
                "due_month": None if ongoing else due,
                "ongoing": ongoing,
            },
            100 + n,
        )
        status, progress = "not_started", 0
        moment = datetime(BASE_YEAR, 1, 1) + timedelta(days=rng.randrange(60))
        for _ in range(10):
            moment += timedelta(days=rng.randrange(120, 240))
            new_status = rng.choice(STATUSES[:3])
            new_progress = min(100, progress + rng.randrange(0, 30))
            plans_db.insert_update(
                cur,
                act_id,
                "processledare",
                moment,
                status,
                new_status,
                progress,
                new_progress,
                "Syntetisk uppdatering",
            )
            status, progress = new_status, new_progress
            updates += 1
        plans_db.set_activity_state(cur, act_id, status, progress, moment, "processledare")
    return {"activities": 40 * scale, "activity_updates": updates}


# Generators for the other domains: (name, function(cur, rng, scale) -> rows written).
DOMAIN_GENERATORS = GENERATORS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if args.output.exists():
        raise SystemExit(f"{args.output} exists; choose a new file")
    for name, count in generate(args.output, args.scale, args.seed).items():
        print(f"{name}: {count}")


if __name__ == "__main__":
    main()
