"""The receiving function's queue, one page at a time.

The queue can hold tens of thousands of signals (a national deployment, or a backlog);
what a person looks at is one page. So the page is cut in SQL and the totals per step are
one GROUP BY, and a rerun costs what is shown rather than what is stored. Only
`signals.handle` may see the queue (no free text in it either way).
"""

from __future__ import annotations

import pandas as pd

from portal import auth, vocab
from portal.errors import ValidationError
from portal.i18n import t
from portal.signals._db import signals as signals_db
from portal.signals._steps import OPEN_STEPS, STEPS

# 'open' = every step but closed (the default view), 'all', or one step.
STATUSES = ("open", "all", *STEPS)


def totals(role: str, milieu: str | None = None) -> dict[str, int]:
    """How many signals each status filter holds (within `milieu`, or every milieu)."""
    auth.require(role, "signals.handle")
    counts = signals_db.counts_by_step_and_milieu()
    per_step = {
        s: sum(
            n for (step, m), n in counts.items() if step == s and (milieu is None or m == milieu)
        )
        for s in STEPS
    }
    return {"open": sum(per_step[s] for s in OPEN_STEPS), "all": sum(per_step.values()), **per_step}


def page(
    role: str, status: str = "open", milieu: str | None = None, offset: int = 0, limit: int = 25
) -> pd.DataFrame:
    """One page of the queue without free text: open signals first, new ones on top,
    newest reported first."""
    auth.require(role, "signals.handle")
    if status not in STATUSES or (milieu is not None and milieu not in vocab.MILIEUS):
        raise ValidationError(t("signals.errors.choose", field=t("signals.mine.status")))
    return signals_db.queue_page(status, milieu, max(0, int(offset)), max(1, int(limit)))


def awaiting_ids() -> list[int]:
    """The ids of signals waiting to be received (step 'new'), oldest first.

    Only ids: the notification that a signal awaits must carry nothing of its content.
    """
    return signals_db.awaiting_ids()
