"""`python -m portal import situation FILE`: indicator counts from CSV, all rows or none.

Columns: period (YYYY-Qn), milieu, source, area, count, and optionally note. Milieu and
source are the keys of portal.vocab. Every row is validated before anything is written;
each bad row is reported as "rad N" (N = line number in the file, the header is line 1).

The portal's own export reads back too: its headers (Kvartal, Miljö, Källa, Område,
Antal; English in English) stand for those columns, and milieu and source labels for
their keys. A count the export suppressed ("<3", "..") is not a number the portal knows,
so such a row is left out (and counted in the audit record), never stored as a guess.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from portal import auth, csvin
from portal.actor import Actor
from portal.cells import restore
from portal.db import audit
from portal.db.connection import cursor, transaction
from portal.errors import ValidationError
from portal.i18n import LANGS, catalog, t, tn
from portal.situation._db import situation as db
from portal.situation._indicators import validate_indicator
from portal.suppression import is_hidden
from portal.vocab import MILIEUS, SOURCES

REQUIRED = ("period", "milieu", "source", "area", "count")
OPTIONAL = ("note",)


def import_file(path: Path | str, actor: Actor) -> int:
    """Import a CSV file as `actor` (the command line passes the system actor)."""
    actor.require("situation.edit")
    text = csvin.decode(Path(path).read_bytes())
    return import_text(text, actor.username, actor.role)


def import_upload(data: bytes, actor: str, role: str | None) -> int:
    """An uploaded file's bytes: UTF-8 or Windows-1252, comma or semicolon (csvin)."""
    auth.require(role, "situation.edit")
    return import_text(csvin.decode(data), actor, role)


def import_text(text: str, actor: str, role: str | None, today: date | None = None) -> int:
    auth.require(role, "situation.edit")
    rows = _read(text)
    suppressed = [r for r in rows if _suppressed(r[1])]
    rows = [r for r in rows if not _suppressed(r[1])]
    # Checked outside the write lock (other users' saves do not wait for it); inside, one
    # statement writes every row, after a check that nobody added the same counts since.
    with cursor() as cur:
        clean = _checked(rows, db.existing_indicator_keys(cur), today)
    with transaction() as cur:
        _refuse_added_meanwhile(clean, db.existing_indicator_keys(cur))
        db.insert_indicators(cur, [item for _, item in clean], actor)
        audit.record(
            cur,
            actor,
            "import",
            "situation_indicator",
            None,
            None,
            {"rows": len(clean), "suppressed_rows_left_out": len(suppressed)},
        )
    return len(clean)


Key = tuple[str, str, str, str]


def import_template() -> bytes:
    """A template CSV: the export's headings and one example row in the UI's language,
    as Swedish Excel reads CSV best (UTF-8 with BOM, semicolon between cells)."""
    header = [t(f"situation.col.{key}") for key in REQUIRED]
    example = [
        f"{date.today().year - 1}-Q3",
        t("common.milieus.far_right"),
        t("common.sources.school"),
        "Klädesholmen",  # a real place the demo data does not use, so it imports there too
        "4",
    ]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerows([header, example])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _checked(
    rows: list[tuple[int, dict]], seen: set[Key], today: date | None
) -> list[tuple[int, dict]]:
    """(line, clean row) for every row, or ValidationError naming every bad line."""
    clean, problems = [], {}
    for line, row in rows:
        try:
            item = validate_indicator(row, seen, today)
        except ValidationError as exc:
            problems[f"rad {line}"] = "; ".join(f"{k}: {v}" for k, v in exc.problems.items())
            continue
        seen.add(_key_of(item))
        clean.append((line, item))
    if problems:
        raise ValidationError(tn("situation.errors.import_failed", len(problems)), problems)
    return clean


def _key_of(item: dict) -> Key:
    return (item["period"], item["milieu"], item["source"], item["area"])


def _refuse_added_meanwhile(clean: list[tuple[int, dict]], stored: set[Key]) -> None:
    problems = {
        f"rad {line}": t("situation.errors.duplicate", period=item["period"])
        for line, item in clean
        if _key_of(item) in stored
    }
    if problems:
        raise ValidationError(tn("situation.errors.import_failed", len(problems)), problems)


def _read(text: str) -> list[tuple[int, dict]]:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ValidationError(t("situation.errors.empty_file"))
    fields, records = csvin.dict_rows(text)
    header = [_column(h) for h in fields]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValidationError(
            t("situation.errors.columns", columns=", ".join(missing)),
            {"rad 1": t("situation.errors.columns", columns=", ".join(missing))},
        )
    rows = []
    for line, raw in records:
        row = dict(zip(header, raw.values(), strict=False))  # extra cells are dropped
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue  # blank line
        values = {k: restore(v or "") for k, v in row.items() if k}
        values["milieu"] = _key(values.get("milieu", ""), MILIEUS, "common.milieus")
        values["source"] = _key(values.get("source", ""), SOURCES, "common.sources")
        rows.append((line, values))
    if not rows:
        raise ValidationError(t("situation.errors.empty_file"))
    return rows


def _column(header: str) -> str:
    """The column a header names: its key, or the export's heading for it in any language."""
    name = header.strip().lower()
    for key in REQUIRED + OPTIONAL:
        if name == key or any(
            name == catalog(lang).get(f"situation.col.{key}", "\0").lower() for lang in LANGS
        ):
            return key
    return name


def _key(value: str, keys: tuple[str, ...], prefix: str) -> str:
    """A vocabulary key from a key or its label in any language; otherwise the value as
    it is (validation then names it)."""
    text = value.strip()
    if text in keys:
        return text
    for lang in LANGS:
        for key in keys:
            if text.lower() == catalog(lang).get(f"{prefix}.{key}", "").lower():
                return key
    return text


def _suppressed(row: dict) -> bool:
    count = str(row.get("count") or "").strip()
    return bool(count) and is_hidden(count)
