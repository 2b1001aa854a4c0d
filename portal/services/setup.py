"""Creating and migrating a database, with the embedded default and optional demo data."""

from __future__ import annotations

from pathlib import Path

from portal import seeders
from portal.db import audit, meta
from portal.db.connection import connect, transaction


def init_database(path: Path | str | None = None, demo: bool = False) -> None:
    """Migrate, load the embedded default once, and the demo data when asked.

    Safe to run again: loaders skip what is already there.
    """
    connect(path)  # applies migrations
    with transaction(path) as cur:
        for mod in seeders.seeders():
            mod.load_default(cur)
        if demo:
            for mod in seeders.seeders():
                mod.load_demo(cur)
            meta.put(cur, "demo", "true")
            audit.record(cur, "cli", "seed", "database", None, None, {"demo": True})
