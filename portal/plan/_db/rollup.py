"""The plan's figures in SQL: counts by state and weighted sums per dimension, and the
overview's short lists (mine, overdue, stale) with how many there are in all.

Built on the derived state of `_db/state.py` and the roll-up of `_rules.py`, so every
rule is written once.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from portal.db.connection import cursor
from portal.plan._db.state import DERIVED, LATEST_COMMENT, params
from portal.plan._rules import ROLLUP_DEN_SQL, ROLLUP_NUM_SQL

_ROLLUP = "".join(
    (
        DERIVED,
        f"""
SELECT d.id AS dimension_id, d.key, d.number, d.name,
       count(x.id) AS activities,
       count(x.id) FILTER (WHERE x.status = 'done') AS done,
       count(x.id) FILTER (WHERE x.overdue) AS overdue,
       count(x.id) FILTER (WHERE x.stale) AS stale,
       count(x.id) FILTER (WHERE x.status = 'not_started' AND NOT x.overdue) AS not_started,
       count(x.id) FILTER (WHERE x.status = 'in_progress' AND NOT x.overdue) AS in_progress,
       count(x.id) FILTER (WHERE x.status = 'cancelled') AS cancelled,
       {ROLLUP_NUM_SQL} AS num,
       {ROLLUP_DEN_SQL} AS den
FROM dimensions d LEFT JOIN derived x ON x.dimension_id = d.id
WHERE d.plan_id = $plan_id
GROUP BY d.id, d.key, d.number, d.name, d.position
ORDER BY d.position
""",  # noqa: S608 - only the fixed rule texts of _rules are joined in
    )
)

# One pass over the derived rows: each row joins the lists it belongs to.
_TOP = "".join(
    (
        DERIVED,
        """
, listed AS (
    SELECT k.kind, x.*
    FROM derived x, (VALUES ('mine'), ('overdue'), ('stale')) k(kind)
    WHERE CASE k.kind WHEN 'mine' THEN NOT x.closed AND x.responsible_role = $role
                      WHEN 'overdue' THEN x.overdue
                      ELSE x.stale END
), ranked AS (
    -- the longest overdue and the longest without an update come first
    SELECT *, row_number() OVER (PARTITION BY kind ORDER BY
                  CASE WHEN kind = 'overdue' THEN due_month END,
                  CASE WHEN kind = 'stale' THEN last_updated END,
                  dimension_position, position, id) AS rn,
              count(*) OVER (PARTITION BY kind) AS total
    FROM listed
), rows AS (SELECT * FROM ranked WHERE rn <= $limit)
SELECT x.*, c.comment AS latest_comment
FROM rows x
""",
        LATEST_COMMENT,
        """
ORDER BY x.kind, x.rn
""",
    )
)


def dimension_rollup(plan_id: int, today: date, days: int) -> pd.DataFrame:
    """Per dimension (every one, in order): activities, done, overdue, stale, the counts
    by status with overdue apart, and the weighted sums num = sum(progress * weight),
    den = sum(weight) over the activities that are not cancelled."""
    with cursor() as cur:
        return cur.execute(_ROLLUP, params(plan_id, today, days)).df()


def short_lists(plan_id: int, today: date, days: int, role: str, limit: int) -> pd.DataFrame:
    """The first `limit` rows of each list, `kind` = 'mine' (open, the role responsible),
    'overdue' or 'stale', with `total` (rows of that list in all) and latest_comment."""
    with cursor() as cur:
        return cur.execute(
            _TOP, {**params(plan_id, today, days), "role": role, "limit": limit}
        ).df()
