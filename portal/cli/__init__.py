"""`python -m portal` / `sos-portal`: the command-line interface from the contract.

Every command exits 0 on success and non-zero with a one-line reason on stderr. The
command line acts as the explicit system actor (`portal.actor.SYSTEM`). Every command
is a plain import below: a missing module fails at start, it is never skipped.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import duckdb

from portal.actor import SYSTEM
from portal.admin import api as backup, api as user_service
from portal.auth import ROLES
from portal.cli import notify as notify_cli, report as report_cli
from portal.directory import api as directory_import
from portal.errors import PortalError, ValidationError
from portal.exports import (
    directory as directory_export,
    meetings as meetings_export,
    plan as plan_export,
    situation as situation_export,
)
from portal.setup import init_database
from portal.signals import api as signal_retention
from portal.situation import api as situation_import

# `export <kind>`: modules with FORMATS and export(fmt, path).
EXPORTERS: dict[str, ModuleType] = {
    "plan": plan_export,
    "meetings": meetings_export,
    "directory": directory_export,
    "situation": situation_export,
}
# `import <kind> FILE`: functions (path, actor) -> rows imported.
IMPORTERS = {
    "directory": directory_import.import_file,
    "situation": situation_import.import_file,
}


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
    except ValidationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for where, problem in exc.problems.items():
            print(f"  {where}: {problem}", file=sys.stderr)
        return 1
    except (PortalError, OSError, duckdb.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _init(args: argparse.Namespace) -> int:
    init_database(demo=args.demo)
    print("database ready" + (" (with demo data)" if args.demo else ""))
    return 0


def _user(args: argparse.Namespace) -> int:
    if args.user_cmd == "add":
        password = _read_password()
        user_service.add_user(
            args.username, args.name, args.email, args.role, password, actor=SYSTEM
        )
        print(f"user {args.username} added")
    elif args.user_cmd == "list":
        for row in user_service.list_users(SYSTEM).itertuples():
            state = "active" if row.active else "disabled"
            print(f"{row.username}\t{row.role}\t{state}\t{row.name}")
    elif args.user_cmd == "disable":
        user_service.disable_user(args.username, actor=SYSTEM)
        print(f"user {args.username} disabled")
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != first:
            raise ValidationError("the passwords do not match")
        return first
    return sys.stdin.readline().rstrip("\n")


def _export(args: argparse.Namespace) -> int:
    module = EXPORTERS[args.kind]
    if args.fmt not in module.FORMATS:
        raise ValidationError(
            f"format '{args.fmt}' is not available for {args.kind}; "
            f"choose one of: {', '.join(module.FORMATS)}"
        )
    if args.include_internal:
        if (args.kind, args.fmt) != ("directory", "hsds"):
            raise ValidationError("--include-internal is only for: export directory --format hsds")
        module.export(args.fmt, args.output, include_internal=True)
    else:
        module.export(args.fmt, args.output)
    print(f"wrote {args.output}")
    return 0


def _import(args: argparse.Namespace) -> int:
    count = IMPORTERS[args.kind](args.file, actor=SYSTEM)
    print(f"imported {count} rows")
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": _init,
    "user": _user,
    "export": _export,
    "import": _import,
    "report": report_cli.run,
    "backup": backup.backup_cli,
    "restore": backup.restore_cli,
    "purge-signals": signal_retention.purge_cli,
    "notify": notify_cli.run,
}
