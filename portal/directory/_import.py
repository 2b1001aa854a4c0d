"""CSV or Excel import of directory entries: every row is checked first, then all or nothing.

`python -m portal import directory FILE` calls `import_file(FILE, actor=SYSTEM)`; the
page's upload calls it with the signed-in user and role. Rows are numbered as lines of
the file ("rad 2" is the first row after the header); the columns are those of the CSV
export, so an export can be edited and imported again (rows whose `id` exists update
that entry, other rows add new ones). An Excel file (.xlsx, such as the Excel export) is
read from its first sheet with the same columns; "rad N" is then the sheet's row N.
An HSDS package (folder, datapackage.json, services.csv or zip: see _import_hsds) is
read into the same rows. A new row keeps its id when that is a UUID not in use, so an
export imported into another portal keeps its ids.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from portal import auth, csvin
from portal.actor import Actor
from portal.cells import is_xlsx, restore, xlsx_rows
from portal.directory import _import_hsds as _hsds
from portal.directory._core import clean
from portal.directory._import_write import write as _write_rows
from portal.directory._vocab import (
    CATEGORIES,
    STATUSES,
    TARGET_GROUPS,
    VISIBILITIES,
    match_term,
    problems_of,
    split_list,
)
from portal.errors import ValidationError
from portal.i18n import t

COLUMNS = (
    "id",
    "organization",
    "name",
    "description",
    "status",
    "categories",
    "target_groups",
    "languages",
    "phone",
    "email",
    "url",
    "address",
    "service_area",
    "hours",
    "eligibility",
    "cost",
    "visibility",
    "source",
    "verified_on",
    "verified_by",
)
MAX_BYTES = 2_000_000


def import_file(path: Path | str, actor: Actor) -> int:
    """Import every row of the CSV or Excel file at `path`; returns the number of rows written.

    Raises ValidationError with problems {"rad N": reason} naming every bad row, and
    writes nothing, when any row is bad. The actor needs `directory.edit` (the command
    line acts as the system actor, an administrator).
    """
    actor.require("directory.edit")
    path = Path(path)
    if _hsds.is_package_path(path):
        package = _hsds.from_path(path)
        if package is None:
            raise ValidationError(t("directory.import.not_hsds"))
        rows = check(list(COLUMNS), package.records)
        return _write_rows(rows, actor.username, package.organizations)
    if path.is_dir():
        raise ValidationError(t("directory.import.is_folder"))
    return import_bytes(path.read_bytes(), actor.username)


def import_upload(data: bytes, actor: str, role: str | None) -> int:
    """The page's upload: the same checks as the command line, for a signed-in editor."""
    auth.require(role, "directory.edit")
    return import_bytes(data, actor)


def import_bytes(data: bytes, actor: str) -> int:
    if len(data) > MAX_BYTES:
        raise ValidationError(t("directory.import.too_big"))
    if _hsds.is_package_zip(data):
        package = _hsds.from_zip(data)
        if package is None:
            raise ValidationError(t("directory.import.not_hsds"))
        return _write_rows(check(list(COLUMNS), package.records), actor, package.organizations)
    return _write_rows(parse(data), actor, {})


def parse(data: bytes) -> list[dict[str, Any]]:
    """Every row as entry values, or ValidationError naming every bad row."""
    header, records = xlsx_rows(data) if is_xlsx(data) else _csv_records(data)
    return check(header, records)


def check(header: list[str], records: list[tuple[int, dict[Any, Any]]]) -> list[dict[str, Any]]:
    """Every record as entry values, or ValidationError naming every bad row."""
    unknown = [h for h in header if h not in COLUMNS]
    reasons = []
    if unknown:
        reasons.append(t("directory.import.unknown_columns", columns=", ".join(unknown)))
    if "name" not in header:
        reasons.append(t("directory.import.no_name"))
    if reasons:
        reasons.append(t("directory.import.allowed", expected=", ".join(COLUMNS)))
        raise ValidationError(t("directory.import.refused"), {"rad 1": "; ".join(reasons)})
    rows: list[dict[str, Any]] = []
    problems: dict[str, str] = {}
    first_seen: dict[tuple[str, str], int] = {}
    for line, raw in records:
        values, reasons = _row(raw)
        same = _same_entry(raw)
        if same in first_seen:
            reasons.append(t("directory.import.duplicate", line=first_seen[same]))
        first_seen.setdefault(same, line)
        if reasons:
            problems[f"rad {line}"] = "; ".join(reasons)
        else:
            rows.append(values)
    if problems:
        raise ValidationError(t("directory.import.refused"), problems)
    if not rows:
        raise ValidationError(t("directory.import.empty"))
    return rows


def _csv_records(data: bytes) -> tuple[list[str], list[tuple[int, dict[Any, Any]]]]:
    """The header and the non-blank rows of a CSV file, each with the line it starts on."""
    header, rows = csvin.dict_rows(csvin.decode(data))
    records = []
    for start, raw in rows:
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue  # blank line
        records.append(
            (start, {k: restore(v) if isinstance(v, str) else v for k, v in raw.items()})
        )
    return header, records


def _same_entry(raw: dict[str, Any]) -> tuple[str, str]:
    """What makes two rows the same entry: the id when given, else organisation + name
    (case and spacing aside)."""
    if (raw.get("id") or "").strip():
        return ("id", str(raw["id"]).strip().lower())
    org, name = (" ".join(str(raw.get(k) or "").lower().split()) for k in ("organization", "name"))
    return (org, name)


def _row(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    if None in raw:  # more cells than header columns
        return {}, [t("directory.import.extra_cells")]
    reasons: list[str] = []
    fields = {k: (v or "").strip() for k, v in raw.items()}
    lists: dict[str, list[str]] = {}
    for column, keys, kind in (
        ("categories", CATEGORIES, "category"),
        ("target_groups", TARGET_GROUPS, "group"),
    ):
        lists[column] = []
        for value in split_list(fields.get(column)):
            key = match_term(value, keys, kind)
            if key is None:
                reasons.append(t(f"directory.err.{kind}", value=value))
            else:
                lists[column].append(key)
    status = fields.get("status") or "active"
    status_key = match_term(status, STATUSES, "status") or status
    visibility = fields.get("visibility") or "internal"
    vis_key = match_term(visibility, VISIBILITIES, "visibility") or visibility
    verified: date | None = None
    if fields.get("verified_on"):
        try:
            verified = date.fromisoformat(fields["verified_on"])
        except ValueError:
            reasons.append(t("directory.err.date", value=fields["verified_on"]))
    values = clean(
        {
            **fields,
            **lists,
            "status": status_key,
            "visibility": vis_key,
            "verified_on": verified,
            "languages": [c.lower() for c in split_list(fields.get("languages"))],
        }
    )
    values["id"] = fields.get("id", "")
    reasons += [
        r
        for r in problems_of(
            {**values, "categories": [], "target_groups": [], "verified_on": verified}
        )
        if r not in reasons
    ]
    return values, reasons
