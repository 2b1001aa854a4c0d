"""Backup and restore from the command line, with and without a running portal;
crash safety: kill -9 in the middle of writes loses nothing committed."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from portal import ROOT
from tests.e2e.conftest import start_server, stop_server

# Holds the database like a portal would, but publishes no way to reach it.
HOLDER = """
import time
from portal.db.connection import connect
connect()
print("ready", flush=True)
time.sleep(120)
"""

WRITER = """
from portal.db import audit
from portal.db.connection import transaction
i = 0
while True:
    i += 1
    with transaction() as cur:
        cur.execute("UPDATE meta SET value = ? WHERE key = 'crash_counter'", [str(i)])
        audit.record(cur, "crash-test", "write", "crash", i, None, {"i": i})
    print(i, flush=True)  # printed only after COMMIT returned
"""


def run(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "portal", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def env(tmp_path):
    env = {
        **os.environ,
        "PORTAL_DB": str(tmp_path / "portal.duckdb"),
        "PORTAL_COOKIE_KEY": "k" * 40,
        "PORTAL_CLI_WAIT": "60",
    }
    assert run(env, "init", "--demo").returncode == 0
    return env


def holder(env):
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "ready"
    return proc


def counts(db: Path) -> dict:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        # fixed table names from the tuple below; a name cannot be a parameter
        return {
            t: conn.execute("SELECT count(*) FROM " + t).fetchone()[0]  # noqa: S608
            for t in ("users", "audit_log", "plans", "schema_migrations")
        }
    finally:
        conn.close()


def test_backup_and_restore_round_trip(env, tmp_path):
    db = Path(env["PORTAL_DB"])
    out = run(env, "backup", str(tmp_path / "backups"))
    assert out.returncode == 0, out.stderr
    folder = Path(out.stdout.strip().split("backup written to ")[1])
    assert folder.name.startswith("sos-portal-backup-20")
    assert (folder / "schema.sql").exists() and list(folder.glob("*.parquet"))
    before = counts(db)
    # refuses to overwrite a database with data
    refused = run(env, "restore", str(folder))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "--force" in refused.stderr
    # into a new file
    env2 = {**env, "PORTAL_DB": str(tmp_path / "restored.duckdb")}
    assert run(env2, "restore", str(folder)).returncode == 0
    assert counts(tmp_path / "restored.duckdb") == before
    # over the old one with --force, after a change that the restore must undo
    conn = duckdb.connect(str(db))
    conn.execute("DELETE FROM users")
    conn.close()
    assert run(env, "restore", str(folder), "--force").returncode == 0
    assert counts(db) == before
    # and it still works as a portal database (sequences continue)
    assert run(env, "user", "list").stdout.count("\n") == 5


def test_backup_while_the_portal_runs_is_written_by_the_server(tmp_path):
    (tmp_path / "served").mkdir()
    srv = start_server(tmp_path / "served")
    try:
        with pytest.raises(duckdb.IOException):  # the file is really locked by the server
            duckdb.connect(str(srv.db))
        out = srv.cli("backup", str(tmp_path / "live"))
        assert out.returncode == 0, out.stderr
        folder = Path(out.stdout.strip().split("backup written to ")[1])
        assert (folder / "load.sql").exists()
        restore = srv.cli("restore", str(folder), "--force")
        assert restore.returncode == 1 and "stoppa den" in restore.stderr
    finally:
        stop_server(srv)
    env2 = {**srv.env, "PORTAL_DB": str(tmp_path / "from-live.duckdb")}
    assert run(env2, "restore", str(folder)).returncode == 0
    assert counts(tmp_path / "from-live.duckdb")["users"] == 5


def test_backup_says_so_in_one_line_when_nothing_answers(env, tmp_path):
    proc = holder({**env})
    try:
        out = run(env, "backup", str(tmp_path / "b"))
        listing = run(env, "user", "list")
    finally:
        proc.kill()
        proc.wait()
    for failed in (out, listing):
        assert failed.returncode == 1
        assert failed.stderr.count("\n") == 1 and "ingen portal" in failed.stderr
        assert "Conflicting lock" not in failed.stderr


def test_restore_refuses_a_folder_that_is_not_a_backup(env, tmp_path):
    out = run(env, "restore", str(tmp_path))
    assert out.returncode == 1 and "not a backup folder" in out.stderr


def test_restore_of_the_folder_backup_was_pointed_at_lists_the_backups(env, tmp_path):
    root = tmp_path / "nightly"
    made = []
    for _ in range(3):
        out = run(env, "backup", str(root))
        assert out.returncode == 0, out.stderr
        made.append(Path(out.stdout.strip().split("backup written to ")[1]).name)
        time.sleep(1.1)  # one folder per second, as cron would make them days apart
    (root / "notes.txt").write_text("not a backup")
    (root / "sos-portal-backup-empty").mkdir()  # no manifest: not listed
    out = run({**env, "PORTAL_LANG": "en"}, "restore", str(root))
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert lines[0].startswith(f"error: {root} is the folder backup wrote to and holds 3 backups")
    assert lines[0].endswith(f"the newest: restore {root / made[-1]}")
    assert "not a backup folder" not in out.stderr
    # every backup is listed, newest first, with the time it was made
    assert [line.split(":")[0].strip() for line in lines[1:]] == made[::-1]
    assert all(re.search(r": 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d$", line) for line in lines[1:])
    # the named one restores
    target = {**env, "PORTAL_DB": str(tmp_path / "restored.duckdb")}
    assert run(target, "restore", str(root / made[-1])).returncode == 0
    swedish = run(env, "restore", str(root))
    assert "innehåller 3 säkerhetskopior" in swedish.stderr


def test_kill_9_during_writes_loses_no_committed_change(env):
    db = Path(env["PORTAL_DB"])
    conn = duckdb.connect(str(db))
    conn.execute("INSERT INTO meta VALUES ('crash_counter', '0')")
    conn.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 150 and time.monotonic() < deadline:
        committed.append(int(proc.stdout.readline()))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    committed += [int(line) for line in proc.stdout.read().split()]
    assert len(committed) >= 150
    conn = duckdb.connect(str(db))  # opens (replays the WAL) after the crash
    try:
        ids = {
            int(r[0])
            for r in conn.execute(
                "SELECT entity_id FROM audit_log WHERE actor = 'crash-test'"
            ).fetchall()
        }
        counter = int(
            conn.execute("SELECT value FROM meta WHERE key = 'crash_counter'").fetchone()[0]
        )
    finally:
        conn.close()
    assert set(committed) <= ids  # every acknowledged commit survived
    assert counter >= max(committed) and counter == max(ids)  # change and audit together
    assert ids == set(range(1, max(ids) + 1))
