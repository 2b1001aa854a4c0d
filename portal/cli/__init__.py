"""`python -m portal` / `sos-portal`: the command-line interface from the contract.

Every command exits 0 on success and non-zero with a one-line reason on stderr. The
command line acts as the explicit system actor (`portal.actor.SYSTEM`). Every command
is a plain import below: a missing module fails at start, it is never skipped.

The commands in portal/commands (export, report, import, user, purge-signals, backup)
run here when the database is free, and inside the running portal when it holds the
file (DuckDB lets one process open it): the request goes over the portal's loopback
route with the secret kept beside the database (see _bridge.py), and the answer is
printed the same way. `init` and `restore` need the portal stopped and say so.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from portal import commands, config
from portal.admin import api as admin_api
from portal.auth import ROLES
from portal.cli import _bridge, notify as notify_cli
from portal.commands import EXPORTERS, IMPORTERS, Outcome
from portal.errors import DatabaseLocked, PortalError, ValidationError
from portal.i18n import t
from portal.setup import init_database


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sos-portal", description="SOS-portalen")
    sub = parser.add_subparsers(dest="command", required=True)

    init = sub.add_parser("init", help="create or migrate the database")
    init.add_argument("--demo", action="store_true", help="add demo data and demo users")

    user = sub.add_parser("user", help="manage users").add_subparsers(
        dest="user_cmd", required=True
    )
    add = user.add_parser("add", help="add a user; the password is read from stdin/prompt")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", required=True)
    add.add_argument("--email", required=True)
    user.add_parser("list", help="list users")
    disable = user.add_parser("disable", help="disable a user")
    disable.add_argument("username")

    export = sub.add_parser("export", help="export data to a file")
    export.add_argument("kind", choices=sorted(EXPORTERS))
    export.add_argument("--format", required=True, dest="fmt")
    export.add_argument("-o", "--output", required=True, type=Path)
    export.add_argument(
        "--include-internal",
        action="store_true",
        help="directory --format hsds: every entry with its visibility, not only the open data",
    )

    imp = sub.add_parser(
        "import", help="import a CSV file, or an Excel file for the directory (all rows or none)"
    )
    imp.add_argument("kind", choices=sorted(IMPORTERS))
    imp.add_argument("file", type=Path)

    report = sub.add_parser("report", help="the annual follow-up report")
    report.add_argument("--year", required=True, type=int)
    report.add_argument("--format", required=True, dest="fmt", choices=("docx", "pdf", "xlsx"))
    report.add_argument("-o", "--output", required=True, type=Path)

    backup = sub.add_parser("backup", help="write a consistent backup to a new folder in DIR")
    backup.add_argument("dir", type=Path)
    restore = sub.add_parser("restore", help="rebuild the database from a backup folder")
    restore.add_argument("dir", type=Path)
    restore.add_argument(
        "--force", action="store_true", help="overwrite a database that already holds data"
    )
    sub.add_parser("purge-signals", help="purge text of closed signals past retention")
    notify_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _HANDLERS[args.command](args) or 0
    except DatabaseLocked:
        # only `init` and `restore` get here: they need the portal stopped
        print(f"error: {t('cli.locked_' + args.command, config.default_lang())}", file=sys.stderr)
        return 1
    except (PortalError, OSError, duckdb.Error) as exc:
        return _emit(commands.Outcome(1, err=_error_text(exc)))


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        lines = [f"error: {exc}"] + [f"  {where}: {why}" for where, why in exc.problems.items()]
        return "\n".join(lines) + "\n"
    return f"error: {exc}\n"


def _bridged(name: str, params: dict[str, Any], upload: Path | None = None) -> int:
    """Run a command here; if a running portal holds the database, have it run there.
    Either way the same Outcome is printed, so output and exit status are the same."""
    try:
        outcome = commands.run(name, params)
    except DatabaseLocked:
        payload, folder = commands.pack(upload) if upload is not None else (None, False)
        outcome = _bridge.ask(name, {**params, "folder": folder}, payload)
    return _emit(outcome)


def _emit(outcome: Outcome) -> int:
    if outcome.file is not None and outcome.path:
        try:
            _write_owner_only(Path(outcome.path), outcome.file)
        except OSError as exc:
            outcome = Outcome(1, err=f"error: {exc}\n")
    sys.stdout.write(outcome.out)
    sys.stderr.write(outcome.err)
    return outcome.code


def _write_owner_only(path: Path, data: bytes) -> None:
    """Write a file the server made, owner-only like every file the portal writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _init(args: argparse.Namespace) -> int:
    init_database(demo=args.demo)
    print("database ready" + (" (with demo data)" if args.demo else ""))
    return 0


def _user(args: argparse.Namespace) -> int:
    if args.user_cmd == "add":
        params = {
            "username": args.username,
            "name": args.name,
            "email": args.email,
            "role": args.role,
            "password": _read_password(),
        }
        return _bridged("user add", params)
    if args.user_cmd == "disable":
        return _bridged("user disable", {"username": args.username})
    return _bridged("user list", {})


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != first:
            raise ValidationError("the passwords do not match")
        return first
    return sys.stdin.readline().rstrip("\n")


def _export(args: argparse.Namespace) -> int:
    params: dict[str, Any] = {"kind": args.kind, "fmt": args.fmt, "output": str(args.output)}
    if args.include_internal:
        params["include_internal"] = True
    return _bridged("export", params)


def _report(args: argparse.Namespace) -> int:
    return _bridged("report", {"year": args.year, "fmt": args.fmt, "output": str(args.output)})


def _import(args: argparse.Namespace) -> int:
    return _bridged("import", {"kind": args.kind, "file": str(args.file)}, upload=args.file)


def _backup(args: argparse.Namespace) -> int:
    return _bridged("backup", {"dir": str(args.dir), "cwd": os.getcwd()})


def _purge(args: argparse.Namespace) -> int:
    return _bridged("purge-signals", {})


def _restore(args: argparse.Namespace) -> int:
    print(admin_api.restore(Path(args.dir), args.force))
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": _init,
    "user": _user,
    "export": _export,
    "import": _import,
    "report": _report,
    "backup": _backup,
    "restore": _restore,
    "purge-signals": _purge,
    "notify": notify_cli.run,
}
