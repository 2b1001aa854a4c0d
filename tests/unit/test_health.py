"""The health check behind GET /healthz, on real database files."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb

from portal.admin import api as admin_api
from portal.admin._health import latest_migration
from portal.db.connection import close_all
from portal.db.migrations import available


def test_a_current_database_is_healthy(db_path):
    state = admin_api.health()
    assert state.ok
    assert (
        state.schema
        == latest_migration()
        == f"{available()[-1].version:03d}_{available()[-1].name}"
    )


def test_a_missing_migration_is_not_healthy(db_path):
    close_all()
    conn = duckdb.connect(str(db_path))
    conn.execute("DELETE FROM schema_migrations WHERE version = ?", [available()[-1].version])
    conn.close()
    assert not admin_api.health().ok


def test_a_database_held_by_another_process_is_not_healthy(db_path):
    close_all()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
            " print('held', flush=True); time.sleep(60)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not admin_api.health().ok
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.2)
    assert admin_api.health().ok  # answers again once the file is free
