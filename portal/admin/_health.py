"""Whether the portal can serve: the database answers and its schema is current.

`GET /healthz` asks this for monitoring. It opens the database the way pages do (the
process's shared connection), so a file locked by another process, unreadable, or whose
migrations cannot be applied reads as not healthy. Nothing of the reason is returned:
monitoring needs a yes or no, and the server log gets the kind of failure.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from portal.db import migrations
from portal.db.connection import cursor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Health:
    ok: bool
    schema: str  # the latest migration applied, "NNN_name" ("" when unknown)


def latest_migration() -> str:
    """The newest migration this code has, as "NNN_name"."""
    last = migrations.available()[-1]
    return f"{last.version:03d}_{last.name}"


def health() -> Health:
    """Healthy when the database answers and every migration of this code is applied."""
    try:
        with cursor() as cur:
            rows = cur.execute(
                "SELECT version, name FROM schema_migrations ORDER BY version"
            ).fetchall()
    except Exception as exc:  # any failure to open or read is "not healthy"
        log.warning("health check: database unavailable (%s)", type(exc).__name__)
        return Health(False, "")
    applied = {int(v) for v, _ in rows}
    missing = [m for m in migrations.available() if m.version not in applied]
    if missing:
        log.warning("health check: %d migration(s) not applied", len(missing))
    schema = f"{rows[-1][0]:03d}_{rows[-1][1]}" if rows else ""
    return Health(not missing, schema)
