"""The database, its WAL and backups are owner-only (0600 files, 0700 folders), whatever
umask the portal was started with: they hold password hashes and signal text."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from portal import ROOT
from portal.db.connection import close_all, connect, transaction
from portal.setup import init_database


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Start as a default shell would (umask 022), restore afterwards."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_init_creates_the_database_folder_file_and_wal_owner_only(
    tmp_path, monkeypatch, open_umask
):
    db = tmp_path / "data" / "portal.duckdb"
    monkeypatch.setenv("PORTAL_DB", str(db))
    try:
        init_database()
        with transaction() as cur:  # a write after the last checkpoint leaves a WAL
            cur.execute("INSERT INTO meta VALUES ('perm', 'x')")
        wal = db.with_name(db.name + ".wal")
        assert wal.exists()
        assert mode(wal) == 0o600
        assert mode(db) == 0o600
        assert mode(db.parent) == 0o700
    finally:
        close_all()


def test_an_existing_world_readable_database_is_made_owner_only(db_path, open_umask):
    close_all()
    db_path.chmod(0o644)
    connect()
    assert mode(db_path) == 0o600


def test_command_line_backup_and_restore_are_owner_only(db_path, tmp_path, open_umask):
    close_all()
    env = {**os.environ, "PORTAL_DB": str(db_path)}
    run = [
        sys.executable,
        "-c",
        "import os, sys; os.umask(0o022); from portal.cli import main;"
        " sys.exit(main(sys.argv[1:]))",
    ]
    out = subprocess.run(
        [*run, "backup", str(tmp_path / "b")], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    folder = Path(out.stdout.strip().split("backup written to ")[1])
    assert mode(tmp_path / "b") == 0o700
    assert mode(folder) == 0o700
    assert {mode(f) for f in folder.iterdir()} == {0o600}
    restored = tmp_path / "r" / "restored.duckdb"
    out = subprocess.run(
        [*run, "restore", str(folder)],
        env={**env, "PORTAL_DB": str(restored)},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert mode(restored) == 0o600 and mode(restored.parent) == 0o700
