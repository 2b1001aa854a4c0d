"""Backups with DuckDB EXPORT DATABASE (Parquet) and a signed manifest; restore
checks the manifest and loads only the Parquet data into a schema built by the
project's own migrations (never running SQL from the folder: see _restore.py).

DuckDB lets one process open a file for writing, and the running portal holds it. So:
- inside the server, a backup runs through the shared connection (admin page download,
  and `python -m portal backup DIR` handed over by the command line, see
  portal/commands); EXPORT DATABASE reads one transaction snapshot, so the copy is
  consistent while people keep working;
- with no portal running, `backup DIR` opens the file read-only itself;
- `restore DIR` needs the portal stopped, refuses a folder that does not match its
  manifest, and refuses to replace a database that holds data unless --force is given.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import duckdb

from portal import config
from portal.actor import Actor
from portal.admin import _manifest as manifest
from portal.admin._restore import restore_into
from portal.admin._users import acting
from portal.db import audit
from portal.db.connection import cursor, is_lock_error, owner_only, scalar, transaction
from portal.errors import DatabaseLocked, PortalError

PREFIX = manifest.PREFIX


def _sql_path(path: Path) -> str:
    """A path as a SQL string literal (EXPORT/IMPORT take no parameters)."""
    text = str(Path(path).resolve())
    if "\x00" in text:
        raise PortalError("invalid path")
    return "'" + text.replace("'", "''") + "'"


def new_folder(root: Path) -> Path:
    """A fresh timestamped folder under `root` (seconds, plus a counter if needed)."""
    owner_only()
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = root / f"{PREFIX}{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = root / f"{PREFIX}{stamp}-{n}"
    return folder


def export_with(conn, folder: Path) -> Path:
    """EXPORT DATABASE into `folder` (must not exist yet) plus its signed manifest.

    The folder is owner-only (0700) and so is every file in it (0600): it holds password
    hashes and signal text.
    """
    owner_only()
    folder.mkdir(parents=True, mode=0o700)
    conn.execute("EXPORT DATABASE " + _sql_path(folder) + " (FORMAT parquet)")
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            " ORDER BY 1"
        ).fetchall()
    ]
    sequences = {
        str(name): int(value)
        for name, value in conn.execute(
            "SELECT sequence_name, last_value FROM duckdb_sequences()"
            " WHERE database_name = current_database() AND last_value IS NOT NULL"
        ).fetchall()
    }
    manifest.write(folder, tables, sequences)
    _owner_only_tree(folder)
    return folder


def _owner_only_tree(folder: Path) -> None:
    folder.chmod(0o700)
    for entry in folder.rglob("*"):
        entry.chmod(0o700 if entry.is_dir() else 0o600)


def backup_in_process(root: Path, actor: str = "system") -> Path:
    """A backup through this process's shared connection (the server's own)."""
    with cursor() as cur:
        folder = export_with(cur, new_folder(root))
    with transaction() as cur:
        audit.record(cur, actor, "backup", "database", folder.name, None, {"folder": str(folder)})
    return folder


def backup_zip(actor: Actor) -> tuple[str, bytes]:
    """(file name, zip bytes) of a fresh backup, for the admin page's download."""
    who = acting(actor)
    with tempfile.TemporaryDirectory() as tmp:
        folder = backup_in_process(Path(tmp), who)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    zf.write(file, Path(folder.name) / file.relative_to(folder))
    return folder.name + ".zip", buf.getvalue()


# --- command line -------------------------------------------------------------------


def backup_standalone(root: Path) -> Path:
    """`backup DIR` with no portal running: open the file read-only and export it.

    Raises DatabaseLocked when a running portal holds the file; the command line then
    asks that portal to do it (portal/commands).
    """
    db = config.db_path()
    if not db.exists():
        raise PortalError(f"no database at {db}")
    try:
        conn = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        if is_lock_error(exc):
            raise DatabaseLocked(str(db)) from exc
        raise PortalError(f"cannot open {db}: {_first_line(exc)}") from exc
    try:
        return export_with(conn, new_folder(root))
    finally:
        conn.close()


def restore(source: Path, force: bool) -> str:
    """Rebuild the database from a verified backup folder (see _restore.py); returns
    the line to print. Raises DatabaseLocked while a portal holds the file."""
    manifest.read_verified(source)  # refuse a bad folder before touching anything
    db = config.db_path()
    if db.exists():
        try:
            conn = duckdb.connect(str(db))
        except duckdb.Error as exc:
            if is_lock_error(exc):
                raise DatabaseLocked(str(db)) from exc
            raise PortalError(f"cannot open {db}: {_first_line(exc)}") from exc
        try:
            tables = scalar(
                conn,
                "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()",
            )
        finally:
            conn.close()  # also checkpoints, so no .wal is left behind
        if tables and not force:
            raise PortalError(f"{db} already holds data; add --force to overwrite it")
    owner_only()
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = db.with_name(db.name + ".restoring")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        restore_into(tmp, source)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise
    tmp.chmod(0o600)
    db.with_name(db.name + ".wal").unlink(missing_ok=True)
    os.replace(tmp, db)
    return f"restored {db} from {source}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = [
    "backup_standalone",
    "restore",
    "backup_zip",
    "backup_in_process",
]
