"""The backup manifest: every file's size and SHA-256, signed with the cookie key.

A backup folder holds `manifest.json` next to the files DuckDB's EXPORT DATABASE wrote.
The manifest lists each file (relative name, size, SHA-256), the tables, and the
sequences' last values, and carries an HMAC-SHA256 of all that keyed with the portal's
cookie key. Restore checks it before reading anything: a file that differs, is missing
or was added, or a signature that does not match, refuses the whole folder.

When no cookie key is available (none configured and no key file beside the database)
a backup is written unsigned and a restore checks the hashes only; when a key is
available, a restore requires a matching signature.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from portal import config
from portal.errors import ConfigError, PortalError, ValidationError
from portal.i18n import t

MANIFEST = "manifest.json"
# `backup DIR` writes each backup into a new folder DIR/<PREFIX><timestamp>.
PREFIX = "sos-portal-backup-"
FORMAT = 2
_CHUNK = 1 << 20


def signing_key() -> bytes | None:
    """The cookie key, without creating one (config.cookie_key() would)."""
    try:
        return config.get("PORTAL_COOKIE_KEY").encode("utf-8")
    except ConfigError:
        pass
    key_file = config.db_path().with_suffix(".cookie_key")
    if key_file.is_file():
        key = key_file.read_text(encoding="utf-8").strip()
        return key.encode("utf-8") if key else None
    return None


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _signature(key: bytes, body: dict[str, Any]) -> str:
    return hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()


def files_in(folder: Path) -> list[Path]:
    """Every entry in the folder except the manifest (sub-folders and links included, so
    a check can refuse them)."""
    return sorted(p for p in folder.rglob("*") if p.name != MANIFEST or p.parent != folder)


def write(folder: Path, tables: list[str], sequences: dict[str, int]) -> dict[str, Any]:
    """Write manifest.json for the files now in `folder`; returns the manifest."""
    body: dict[str, Any] = {
        "format": FORMAT,
        "created": datetime.now().isoformat(timespec="seconds"),
        "duckdb": duckdb.__version__,
        "tables": tables,
        "sequences": sequences,
        "files": [
            {
                "path": p.relative_to(folder).as_posix(),
                "size": p.stat().st_size,
                "sha256": sha256(p),
            }
            for p in files_in(folder)
        ],
    }
    key = signing_key()
    manifest = {**body, "signature": _signature(key, body) if key else None}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def refuse(key: str, lang: str | None = None, **values: object) -> PortalError:
    lang = lang or config.default_lang()
    return PortalError(t(f"admin.restore_{key}", lang, **values))


def read_verified(folder: Path) -> dict[str, Any]:
    """The manifest of `folder` once its signature and every file check out; raises a
    PortalError naming the first problem otherwise. Reads no file as SQL."""
    path = folder / MANIFEST
    if not folder.is_dir() or not path.is_file():
        raise _not_a_backup(folder)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        body = {k: v for k, v in manifest.items() if k != "signature"}
        listed = {f["path"]: f for f in body["files"]}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise refuse("bad_manifest", folder=folder) from exc
    if body.get("format") != FORMAT:
        raise refuse("bad_manifest", folder=folder)
    key = signing_key()
    if key is not None:
        signature = manifest.get("signature")
        if not isinstance(signature, str) or not hmac.compare_digest(
            signature, _signature(key, body)
        ):
            raise refuse("bad_signature", folder=folder)
    check_files(folder, listed)
    return body


def backups_in(folder: Path) -> list[tuple[Path, str]]:
    """The backups `backup` wrote into `folder` (sub-folders with a manifest), oldest
    first, each with its creation time from the manifest ("" when unreadable)."""
    found: list[tuple[str, str, Path]] = []
    if not folder.is_dir():
        return []
    for entry in folder.glob(PREFIX + "*"):
        if entry.is_dir() and not entry.is_symlink() and (entry / MANIFEST).is_file():
            found.append((_created(entry / MANIFEST), entry.name, entry))
    return [(path, created) for created, _, path in sorted(found)]


def _created(path: Path) -> str:
    try:
        created = json.loads(path.read_text(encoding="utf-8")).get("created")
    except (OSError, ValueError, AttributeError):
        return ""
    return created if isinstance(created, str) else ""


def _not_a_backup(folder: Path) -> PortalError:
    """Refuse a folder without a manifest; if it is the folder `backup` was pointed at,
    list the backups in it and name the newest, so the next command is obvious."""
    found = backups_in(folder)
    if not found:
        return refuse("not_backup", folder=folder)
    lang = config.default_lang()
    newest = found[-1][0]
    return ValidationError(
        t("admin.restore_backup_root", lang, folder=folder, count=len(found), newest=newest),
        {path.name: created or "?" for path, created in reversed(found)},
    )


def check_files(folder: Path, listed: dict[str, dict[str, Any]]) -> None:
    """Refuse unless the folder holds exactly the listed plain files, with their sizes
    and hashes."""
    present: dict[str, Path] = {}
    for entry in files_in(folder):
        name = entry.relative_to(folder).as_posix()
        if entry.is_symlink() or not entry.is_file() or "/" in name:
            raise refuse("extra_file", name=name)
        present[name] = entry
    for name in sorted(set(present) - set(listed)):
        raise refuse("extra_file", name=name)
    for name in sorted(set(listed) - set(present)):
        raise refuse("missing_file", name=name)
    for name, entry in present.items():
        want = listed[name]
        if entry.stat().st_size != want.get("size") or sha256(entry) != want.get("sha256"):
            raise refuse("changed_file", name=name)
