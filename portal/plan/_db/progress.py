"""Progress over time, aggregated in SQL so the work grows with the days shown, not with
the number of updates stored.

A plan's (or dimension's) progress is sum(weight * progress) / sum(weight) over the
activities that are not cancelled. Each update changes those two sums by a delta, so
the series is the starting sums plus a running total of per-day deltas.
"""

from __future__ import annotations

import pandas as pd

from portal.db.connection import cursor

_SQL = """
WITH acts AS (
    SELECT a.id, a.dimension_id, a.weight, a.status, a.progress
    FROM activities a JOIN dimensions d ON d.id = a.dimension_id
    WHERE d.plan_id = ?
), ups AS (
    SELECT u.activity_id, u.made_at, u.new_status, u.new_progress,
           coalesce(lag(u.new_status) OVER w, u.old_status, 'not_started') AS prev_status,
           coalesce(lag(u.new_progress) OVER w, u.old_progress, 0) AS prev_progress,
           row_number() OVER w AS rn
    FROM activity_updates u
    WHERE u.activity_id IN (SELECT id FROM acts)
    WINDOW w AS (PARTITION BY u.activity_id ORDER BY u.made_at, u.id)
), start AS (
    -- before its first update an activity stands where that update found it
    SELECT a.dimension_id, a.weight,
           coalesce(f.prev_status, a.status) AS status,
           coalesce(f.prev_progress, a.progress) AS progress
    FROM acts a LEFT JOIN ups f ON f.activity_id = a.id AND f.rn = 1
)
SELECT NULL::DATE AS day, dimension_id,
       sum(CASE WHEN status <> 'cancelled' THEN weight * progress ELSE 0 END) AS num,
       sum(CASE WHEN status <> 'cancelled' THEN weight ELSE 0 END) AS den
FROM start GROUP BY dimension_id
UNION ALL
SELECT CAST(u.made_at AS DATE) AS day, a.dimension_id,
       sum((CASE WHEN u.new_status <> 'cancelled' THEN a.weight * u.new_progress ELSE 0 END)
         - (CASE WHEN u.prev_status <> 'cancelled' THEN a.weight * u.prev_progress ELSE 0 END)),
       sum((CASE WHEN u.new_status <> 'cancelled' THEN a.weight ELSE 0 END)
         - (CASE WHEN u.prev_status <> 'cancelled' THEN a.weight ELSE 0 END))
FROM ups u JOIN acts a ON a.id = u.activity_id
GROUP BY CAST(u.made_at AS DATE), a.dimension_id
ORDER BY day NULLS FIRST, dimension_id
"""


def progress_sums(plan_id: int) -> pd.DataFrame:
    """Rows (day, dimension_id, num, den): day NULL holds the starting sums, every other
    row the change of the weighted sums on that day."""
    with cursor() as cur:
        return cur.execute(_SQL, [plan_id]).df()
