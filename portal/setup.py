"""Creating and migrating a database, with the embedded default and optional demo data."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import duckdb

from portal.actor import SYSTEM
from portal.db import audit, meta
from portal.db.connection import connect, transaction
from portal.seeders import directory, meetings, plan, signals, situation, users


class Seeder(Protocol):
    def load_default(self, cur: duckdb.DuckDBPyConnection) -> None: ...
    def load_demo(self, cur: duckdb.DuckDBPyConnection) -> None: ...


# In load order: users first (others name them), the plan before what links to it.
SEEDERS: tuple[Seeder, ...] = (users, plan, meetings, directory, situation, signals)


def init_database(path: Path | str | None = None, demo: bool = False) -> None:
    """Migrate, load the embedded default once, and the demo data when asked.

    Safe to run again: loaders skip what is already there.
    """
    connect(path)  # applies migrations
    with transaction(path) as cur:
        for seeder in SEEDERS:
            seeder.load_default(cur)
        if demo:
            for seeder in SEEDERS:
                seeder.load_demo(cur)
            meta.put(cur, "demo", "true")
            audit.record(cur, SYSTEM.username, "seed", "database", None, None, {"demo": True})
