"""Retention of signal details: the free text of closed signals is purged after
PORTAL_SIGNAL_RETENTION_MONTHS (default 24) months from closing.

Purging sets the description and every step note to NULL. The classification (quarter,
milieu, setting, kind, urgency, steps with who/when, outcome) stays on the rows, so the
aggregate counts are unchanged. Then the two tables are rewritten and the file's free
blocks overwritten (purge_db.rewrite_purged), so the old text cannot be read from the
database file either. Runs from `python -m portal purge-signals` and once per
server process at startup (portal/startup.py).
"""

from __future__ import annotations

import logging
from calendar import monthrange
from datetime import datetime

from portal import config
from portal.db import audit
from portal.db.connection import WRITE_LOCK, cursor, transaction
from portal.errors import ConfigError
from portal.signals._db import purge as purge_db

log = logging.getLogger(__name__)


def retention_months() -> int:
    months = config.get_int("PORTAL_SIGNAL_RETENTION_MONTHS")
    if months < 0:
        raise ConfigError("PORTAL_SIGNAL_RETENTION_MONTHS must not be negative")
    return months


def months_before(now: datetime, months: int) -> datetime:
    """`now` moved back by whole calendar months (31 March - 1 month = 28/29 February)."""
    total = now.year * 12 + (now.month - 1) - months
    year, month = divmod(total, 12)
    day = min(now.day, monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


def purge(now: datetime, actor: str = "system") -> int:
    """Purge the text of signals closed before the retention cut-off; returns how many."""
    cutoff = months_before(now, retention_months())
    with WRITE_LOCK:  # no other write of this process between the purge and the rewrite
        with transaction() as cur:
            ids = purge_db.purgeable(cur, cutoff)
            if ids:
                purge_db.purge_text(cur, ids, now)
                audit.record(
                    cur,
                    actor,
                    "purge",
                    "signal",
                    None,
                    None,
                    {"signals": ids, "closed_before": cutoff},
                )
        if ids:
            with cursor() as cur:
                purge_db.rewrite_purged(cur)
    return len(ids)


def purge_now(actor: str = "cli") -> str:
    """`purge-signals`: purge now and say what was done, in one line."""
    count = purge(datetime.now(), actor=actor)
    return f"purged the text of {count} closed signal(s) past {retention_months()} months"


def purge_on_startup() -> None:
    """Called once per server process. A failure is logged, not raised: the portal must
    still start, and the next start (or the CLI) purges again."""
    try:
        count = purge(datetime.now())
    except Exception:
        log.exception("purging signal texts past retention failed")
        return
    if count:
        log.info("purged the text of %d closed signal(s) past retention", count)
