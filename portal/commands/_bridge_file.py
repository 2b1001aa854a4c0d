"""The file beside the database that tells the command line how to reach the running
portal: its loopback port and a secret, fresh at every server start.

`<database>.cli-bridge` is created owner-only (0600) by the server when it starts and
removed when it stops. Whoever can read it can already read the database file, so the
secret gives the command line nothing it did not have; without it the loopback route
answers 403.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from portal import config

SUFFIX = ".cli-bridge"
# The server's route and the header that carries the secret.
ROUTE_PATH = "/_portal/cli"
SECRET_HEADER = "X-Portal-CLI-Secret"


@dataclass(frozen=True)
class Bridge:
    host: str
    port: int
    secret: str

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def bridge_path(db: Path | None = None) -> Path:
    db = db or config.db_path()
    return db.with_name(db.name + SUFFIX)


def write_bridge(host: str, port: int, db: Path | None = None) -> Bridge:
    """Publish this server's loopback address and a new secret (owner-only file)."""
    bridge = Bridge(host, port, secrets.token_urlsafe(32))
    path = bridge_path(db)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"host": host, "port": port, "secret": bridge.secret}, fh)
    os.replace(tmp, path)
    return bridge


def read_bridge(db: Path | None = None) -> Bridge | None:
    """The running portal's bridge, or None if no portal published one."""
    try:
        data = json.loads(bridge_path(db).read_text(encoding="utf-8"))
        return Bridge(str(data["host"]), int(data["port"]), str(data["secret"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remove_bridge(bridge: Bridge, db: Path | None = None) -> None:
    """Remove the file at shutdown, unless another server has replaced it since."""
    if read_bridge(db) == bridge:
        bridge_path(db).unlink(missing_ok=True)
