"""A backup carries a signed manifest; restore refuses any folder that does not match
it and never runs SQL from the folder (schema from the project's migrations, data
from the Parquet files only)."""

from __future__ import annotations

import hashlib
import hmac
import json
import stat
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from portal.admin import _backup as backup, _manifest as manifest
from portal.admin._accounts import login_credentials
from portal.admin._passwords import check_password
from portal.db.connection import close_all
from portal.errors import PortalError
from tests.conftest import COOKIE_KEY

TABLES = ("users", "audit_log", "plans", "activities", "signals", "schema_migrations")


@pytest.fixture
def folder(demo_db, tmp_path) -> Path:
    made = backup.backup_in_process(tmp_path / "backups")
    close_all()
    return made


def _restore(target: Path, folder: Path, monkeypatch, force: bool = False) -> None:
    monkeypatch.setenv("PORTAL_DB", str(target))
    backup.restore(folder, force)


def _counts(db: Path) -> dict[str, int]:
    conn = duckdb.connect(str(db), read_only=True)
    try:  # fixed names from TABLES
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
    finally:
        conn.close()


def _resign(folder: Path, key: bytes | None) -> None:
    """What an attacker would do: rehash every file, and sign if they had the key."""
    data = json.loads((folder / "manifest.json").read_text())
    data["files"] = [
        {"path": p.name, "size": p.stat().st_size, "sha256": manifest.sha256(p)}
        for p in sorted(folder.iterdir())
        if p.name != "manifest.json"
    ]
    body = {k: v for k, v in data.items() if k != "signature"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    data["signature"] = (
        hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest() if key else None
    )
    (folder / "manifest.json").write_text(json.dumps(data))


def _make_member_admin(folder: Path) -> None:
    users = folder / "users.parquet"
    conn = duckdb.connect()
    table = conn.execute(
        "SELECT * REPLACE (CASE WHEN username = 'ledamot' THEN 'admin' ELSE role END AS role)"
        " FROM read_parquet(?)",
        [str(users)],
    ).to_arrow_table()
    conn.close()
    pq.write_table(table, users)


def test_manifest_lists_every_file_with_hash_and_signature(folder):
    data = json.loads((folder / "manifest.json").read_text())
    names = {f["path"] for f in data["files"]}
    assert names == {p.name for p in folder.iterdir()} - {"manifest.json"}
    assert {"schema.sql", "load.sql", "users.parquet", "signals.parquet"} <= names
    entry = next(f for f in data["files"] if f["path"] == "users.parquet")
    assert entry["sha256"] == hashlib.sha256((folder / "users.parquet").read_bytes()).hexdigest()
    assert isinstance(data["signature"], str) and len(data["signature"]) == 64


def test_a_clean_backup_restores_with_everything_intact(folder, demo_db, tmp_path, monkeypatch):
    before = _counts(demo_db)
    before["audit_log"] -= 1  # the backup's own audit entry is written after the copy
    target = tmp_path / "restored.duckdb"
    _restore(target, folder, monkeypatch)
    assert _counts(target) == before
    creds = login_credentials(datetime.now())
    assert check_password("demo-admin", creds["admin"]["password"])
    conn = duckdb.connect(str(target))
    try:  # sequences continue after the restored ids
        top = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        assert conn.execute("SELECT nextval('audit_log_id')").fetchone()[0] > top
        top = conn.execute("SELECT max(id) FROM signals").fetchone()[0]
        assert conn.execute("SELECT nextval('signals_id')").fetchone()[0] > top
    finally:
        conn.close()


def _refused(folder: Path, tmp_path: Path, monkeypatch, match: str) -> None:
    target = tmp_path / "never.duckdb"
    monkeypatch.setenv("PORTAL_LANG", "en")
    with pytest.raises(PortalError, match=match):
        _restore(target, folder, monkeypatch)
    assert not target.exists()
    assert not list(tmp_path.glob("never.duckdb*"))


def test_an_edited_users_file_is_refused(folder, tmp_path, monkeypatch):
    _make_member_admin(folder)
    _refused(folder, tmp_path, monkeypatch, "users.parquet.*changed")


@pytest.mark.parametrize("script", ["schema.sql", "load.sql"])
def test_an_added_copy_statement_is_refused(folder, tmp_path, monkeypatch, script):
    out = tmp_path / "leak.csv"
    with (folder / script).open("a") as fh:
        fh.write(f"\nCOPY (SELECT 1 AS x) TO '{out}';\n")
    _refused(folder, tmp_path, monkeypatch, f"{script}.*changed")
    assert not out.exists()


def test_an_extra_or_missing_file_is_refused(folder, tmp_path, monkeypatch):
    (folder / "extra.parquet").write_bytes((folder / "users.parquet").read_bytes())
    _refused(folder, tmp_path, monkeypatch, "not in its manifest: extra.parquet")
    (folder / "extra.parquet").unlink()
    (folder / "plans.parquet").unlink()
    _refused(folder, tmp_path, monkeypatch, "lacks the file plans.parquet")


def test_rehashed_without_the_key_is_refused(folder, tmp_path, monkeypatch):
    _make_member_admin(folder)
    _resign(folder, None)
    _refused(folder, tmp_path, monkeypatch, "not signed with this portal's key")


def test_sql_in_the_folder_is_never_run_even_when_signed(folder, tmp_path, monkeypatch):
    out = tmp_path / "leak.csv"
    for script in ("schema.sql", "load.sql"):
        (folder / script).write_text(f"COPY (SELECT 1 AS x) TO '{out}';\n")
    _resign(folder, COOKIE_KEY.encode())
    target = tmp_path / "restored.duckdb"
    _restore(target, folder, monkeypatch)
    assert not out.exists()
    assert _counts(target)["users"] == 5


def test_without_any_key_the_hashes_are_still_checked(demo_db, tmp_path, monkeypatch):
    monkeypatch.delenv("PORTAL_COOKIE_KEY")
    assert manifest.signing_key() is None
    made = backup.backup_in_process(tmp_path / "b")
    close_all()
    assert json.loads((made / "manifest.json").read_text())["signature"] is None
    _restore(tmp_path / "ok.duckdb", made, monkeypatch)
    assert _counts(tmp_path / "ok.duckdb")["users"] == 5
    _make_member_admin(made)
    _refused(made, tmp_path, monkeypatch, "changed")


def test_the_refusal_is_in_swedish_by_default(folder, tmp_path, monkeypatch):
    (folder / "extra.txt").write_text("x")
    monkeypatch.delenv("PORTAL_LANG", raising=False)
    with pytest.raises(PortalError, match="finns i manifestet: extra.txt. Inget har ändrats"):
        _restore(tmp_path / "x.duckdb", folder, monkeypatch)


def test_backup_folder_and_files_are_owner_only(folder):
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
