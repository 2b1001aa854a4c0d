"""The commands that may run while the portal runs, each (params, payload, in_server) ->
Outcome. See the package docstring."""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

from portal.actor import SYSTEM
from portal.admin import api as admin_api
from portal.commands import _files
from portal.directory import api as directory_api
from portal.errors import DatabaseLocked, PortalError, ValidationError
from portal.exports import (
    directory as directory_export,
    meetings as meetings_export,
    plan as plan_export,
    report as report_export,
    situation as situation_export,
)
from portal.report import api as report_api
from portal.signals import api as signals_api
from portal.situation import api as situation_api

Params = dict[str, Any]

# `export <kind>`: modules with FORMATS and export(fmt, path).
EXPORTERS: dict[str, ModuleType] = {
    "plan": plan_export,
    "meetings": meetings_export,
    "directory": directory_export,
    "situation": situation_export,
}
# `import <kind> FILE`: functions (path, actor) -> rows imported.
IMPORTERS = {
    "directory": directory_api.import_file,
    "situation": situation_api.import_file,
}


@dataclass(frozen=True)
class Outcome:
    """What a command did: exit status, stdout and stderr text, and a file (bytes) for
    the command line to write at `path` (made inside the server, written by the CLI)."""

    code: int
    out: str = ""
    err: str = ""
    file: bytes | None = None
    path: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = base64.b64encode(self.file).decode("ascii") if self.file is not None else None
        return {
            "code": self.code,
            "out": self.out,
            "err": self.err,
            "file": data,
            "path": self.path,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        file = data.get("file")
        return cls(
            code=int(data["code"]),
            out=str(data.get("out") or ""),
            err=str(data.get("err") or ""),
            file=base64.b64decode(file) if isinstance(file, str) else None,
            path=str(data["path"]) if data.get("path") else None,
        )


def run(
    name: str, params: Params, payload: bytes | None = None, in_server: bool = False
) -> Outcome:
    """Run command `name`; errors become the one-line (or listed) refusal on stderr.

    Raises DatabaseLocked when another process holds the database; nothing was done.
    """
    try:
        return COMMANDS[name](params, payload, in_server)
    except DatabaseLocked:
        raise
    except ValidationError as exc:
        lines = [f"error: {exc}"] + [f"  {where}: {why}" for where, why in exc.problems.items()]
        return Outcome(1, err="\n".join(lines) + "\n")
    except (PortalError, OSError, duckdb.Error) as exc:
        return Outcome(1, err=f"error: {exc}\n")


def _lines(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


def _export(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    kind, fmt, output = str(params["kind"]), str(params["fmt"]), str(params["output"])
    module = EXPORTERS.get(kind)
    if module is None:
        raise ValidationError(f"unknown export '{kind}'")
    if fmt not in module.FORMATS:
        raise ValidationError(
            f"format '{fmt}' is not available for {kind}; "
            f"choose one of: {', '.join(module.FORMATS)}"
        )
    if params.get("include_internal"):
        if (kind, fmt) != ("directory", "hsds"):
            raise ValidationError("--include-internal is only for: export directory --format hsds")
        return _written(
            output, in_server, lambda path: module.export(fmt, path, include_internal=True)
        )
    return _written(output, in_server, lambda path: module.export(fmt, path))


def _report(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    year, fmt, output = int(params["year"]), str(params["fmt"]), str(params["output"])
    if fmt not in report_export.FORMATS:
        raise ValidationError(
            f"format '{fmt}' is not available; choose one of: " + ", ".join(report_export.FORMATS)
        )
    if not 1900 <= year <= 2200:
        raise ValidationError(f"year {year} is out of range")
    # Charts are drawn once per report, and only for a format that shows them.
    report = report_api.build_report(year, with_charts=fmt in report_export.WITH_CHARTS)
    note = " (nothing to report for this year)" if report.content["empty"] else ""
    outcome = _written(
        output, in_server, lambda path: path.write_bytes(report_export.render(report, fmt))
    )
    return Outcome(0, out=_lines(f"wrote {output}{note}"), file=outcome.file, path=outcome.path)


def _written(output: str, in_server: bool, write: Callable[[Path], object]) -> Outcome:
    """Write a file with `write(path)`: at `output` when run by the command line itself,
    or into a private temporary folder inside the server, whose bytes go back."""
    if not in_server:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path)
        return Outcome(0, out=_lines(f"wrote {output}"))
    with tempfile.TemporaryDirectory(prefix="sos-cli-") as tmp:
        path = Path(tmp) / (Path(output).name or "output")
        write(path)
        data = path.read_bytes()
    return Outcome(0, out=_lines(f"wrote {output}"), file=data, path=output)


def _import(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    kind, given = str(params["kind"]), str(params["file"])
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise ValidationError(f"unknown import '{kind}'")
    if not in_server:
        count = importer(Path(given), actor=SYSTEM)
        return Outcome(0, out=_lines(f"imported {count} rows"))
    if payload is None:
        raise ValidationError("the file to import did not arrive")
    with tempfile.TemporaryDirectory(prefix="sos-cli-") as tmp:
        path = _files.unpack(payload, Path(tmp), Path(given).name, bool(params.get("folder")))
        try:
            count = importer(path, actor=SYSTEM)
        except (PortalError, OSError) as exc:
            # the importer names the file it read: name the one the user gave instead
            raise _renamed(exc, str(path), given) from exc
    return Outcome(0, out=_lines(f"imported {count} rows"))


def _renamed(exc: Exception, temporary: str, given: str) -> Exception:
    if isinstance(exc, ValidationError):
        problems = {k: str(v).replace(temporary, given) for k, v in exc.problems.items()}
        return ValidationError(str(exc).replace(temporary, given), problems)
    return PortalError(str(exc).replace(temporary, given))


def _user_list(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    rows = [
        f"{row.username}\t{row.role}\t{'active' if row.active else 'disabled'}\t{row.name}"
        for row in admin_api.list_users(SYSTEM).itertuples()
    ]
    return Outcome(0, out=_lines(*rows))


def _user_add(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    username = str(params["username"])
    admin_api.add_user(
        username,
        str(params["name"]),
        str(params["email"]),
        str(params["role"]),
        str(params["password"]),
        actor=SYSTEM,
    )
    return Outcome(0, out=_lines(f"user {username} added"))


def _user_disable(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    username = str(params["username"])
    admin_api.disable_user(username, actor=SYSTEM)
    return Outcome(0, out=_lines(f"user {username} disabled"))


def _purge_signals(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    return Outcome(0, out=_lines(signals_api.purge_now(actor="cli")))


def _backup(params: Params, payload: bytes | None, in_server: bool) -> Outcome:
    given = Path(str(params["dir"]))
    if in_server:
        # the server writes where the command was pointed, relative to its directory
        folder = admin_api.backup_in_process(Path(str(params["cwd"])) / given, "cli")
        shown = given / folder.name
    else:
        shown = admin_api.backup_standalone(given)
    return Outcome(0, out=_lines(f"backup written to {shown}"))


COMMANDS: dict[str, Callable[[Params, bytes | None, bool], Outcome]] = {
    "export": _export,
    "report": _report,
    "import": _import,
    "user list": _user_list,
    "user add": _user_add,
    "user disable": _user_disable,
    "purge-signals": _purge_signals,
    "backup": _backup,
}
