"""Creating and migrating a database, with the embedded default and optional demo data."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import duckdb

from portal.actor import SYSTEM
from portal.admin import api as admin_api
from portal.db import audit, meta
from portal.db.connection import connect, owner_only, transaction
from portal.directory import api as directory_api
from portal.meetings import api as meetings_api
from portal.plan import api as plan_api
from portal.signals import api as signals_api
from portal.situation import api as situation_api


class Seeder(Protocol):
    def load_default(self, cur: duckdb.DuckDBPyConnection) -> None: ...
    def load_demo(self, cur: duckdb.DuckDBPyConnection) -> None: ...


# In load order: users first (others name them), the plan before what links to it.
SEEDERS: tuple[Seeder, ...] = (
    admin_api.seeder,
    plan_api.seeder,
    meetings_api.seeder,
    directory_api.seeder,
    situation_api.seeder,
    signals_api.seeder,
)


def init_database(path: Path | str | None = None, demo: bool = False) -> None:
    """Migrate, load the embedded default once, and the demo data when asked.

    Safe to run again: loaders skip what is already there. The file, its WAL and its
    folder are created owner-only (0600/0700; see connection.owner_only).
    """
    owner_only()
    connect(path)  # applies migrations
    with transaction(path) as cur:
        for seeder in SEEDERS:
            seeder.load_default(cur)
        if demo:
            for seeder in SEEDERS:
                seeder.load_demo(cur)
            meta.put(cur, "demo", "true")
            audit.record(cur, SYSTEM.username, "seed", "database", None, None, {"demo": True})
