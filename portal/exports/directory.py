"""Directory exports: CSV (the import's columns), Excel, and an HSDS 3.0 tabular package.

The HSDS package is a folder with datapackage.json and one CSV per resource. Its
descriptor is the official HSDS 3.0.0 descriptor (data/reference/hsds/datapackage.json)
with every resource kept, so `frictionless validate DIR/datapackage.json` checks our
files against the standard's own schemas; resources we have no data for are written as
CSV files with only the header row.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from portal import DATA_DIR
from portal.directory import api as dir_db
from portal.directory.api import COLUMNS, label
from portal.exports.tabular import csv_bytes, csv_text, xlsx_bytes

FORMATS = ("csv", "xlsx", "hsds")
DESCRIPTOR = DATA_DIR / "reference" / "hsds" / "datapackage.json"
_NS = uuid.UUID("0f8a4a52-3a44-4b8c-8d3e-6f1f3d0c2b77")  # derived ids (phones, terms, ...)


def entries_for(role: str | None = "admin") -> list[dict[str, Any]]:
    """Every entry `role` may see, active or not (the CLI exports as admin)."""
    return dir_db.entries_for(role)


def table(entries: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per entry with the import's columns; lists joined with '; '."""
    rows = []
    for e in entries:
        row = {c: e.get(c) for c in COLUMNS}
        for key in ("categories", "target_groups", "languages"):
            row[key] = "; ".join(e.get(key) or [])
        row["verified_on"] = e["verified_on"].isoformat() if e.get("verified_on") else ""
        rows.append(row)
    return pd.DataFrame(rows, columns=list(COLUMNS))


def csv_data(role: str | None = "admin") -> bytes:
    return csv_bytes(table(entries_for(role)))


def xlsx_data(role: str | None = "admin") -> bytes:
    return xlsx_bytes({"Stödkatalog": table(entries_for(role))})


def export(fmt: str, path: Path, role: str | None = "admin") -> None:
    path = Path(path)
    if fmt == "hsds":
        write_hsds(path, entries_for(role))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_data(role) if fmt == "csv" else xlsx_data(role))


def hsds_zip(role: str | None) -> bytes:
    """The HSDS package as a zip file (for the page's download button)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_hsds(folder, entries_for(role))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for file in sorted(folder.iterdir()):
                zf.write(file, file.name)
        return buf.getvalue()


def write_hsds(folder: Path, entries: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    tables = hsds_tables(entries)
    for resource in descriptor["resources"]:
        columns = [f["name"] for f in resource["schema"]["fields"]]
        rows = tables.get(resource["name"], [])
        df = pd.DataFrame(rows, columns=columns)
        # No BOM here: the standard validator would read it into the first header.
        (folder / resource["path"]).write_text(csv_text(df), encoding="utf-8")
    descriptor["created"] = datetime.now().astimezone().isoformat(timespec="seconds")
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def _id(*parts: str) -> str:
    return str(uuid.uuid5(_NS, "/".join(parts)))


def hsds_tables(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """HSDS rows per resource name, built from directory entries."""
    out: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in (
            "organization",
            "service",
            "phone",
            "service_area",
            "language",
            "schedule",
            "taxonomy",
            "taxonomy_term",
            "attribute",
            "location",
            "service_at_location",
        )
    }
    orgs: dict[str, dict[str, Any]] = {}
    terms: dict[str, str] = {}
    taxonomy_id = _id("taxonomy", "sos-portalen")
    for e in entries:
        orgs.setdefault(
            e["organization_id"],
            {
                "id": e["organization_id"],
                "name": e["organization"],
                "description": e["organization"],
                "website": e.get("organization_website") or None,
            },
        )
        sid = e["id"]
        out["service"].append(
            {
                "id": sid,
                "organization_id": e["organization_id"],
                "name": e["name"],
                "description": e["description"] or None,
                "url": e["url"] or None,
                "email": e["email"] or None,
                "status": e["status"],
                "fees_description": e["cost"] or None,
                "eligibility_description": e["eligibility"] or None,
                "assured_date": e["verified_on"].isoformat() if e["verified_on"] else None,
                "last_modified": pd.Timestamp(e["updated_at"]).isoformat(timespec="seconds"),
            }
        )
        if e["phone"]:
            out["phone"].append(
                {"id": _id(sid, "phone"), "service_id": sid, "number": e["phone"], "type": "voice"}
            )
        if e["service_area"]:
            out["service_area"].append(
                {"id": _id(sid, "area"), "service_id": sid, "name": e["service_area"]}
            )
        for code in e["languages"]:
            out["language"].append(
                {
                    "id": _id(sid, "lang", code),
                    "service_id": sid,
                    "name": label("lang", code),
                    "code": code,
                }
            )
        if e["hours"]:
            out["schedule"].append(
                {"id": _id(sid, "hours"), "service_id": sid, "description": e["hours"]}
            )
        if e["address"]:
            loc = _id(sid, "location")
            out["location"].append(
                {
                    "id": loc,
                    "location_type": "physical",
                    "organization_id": e["organization_id"],
                    "name": e["name"],
                    "description": e["address"],
                }
            )
            out["service_at_location"].append(
                {"id": _id(sid, "sal"), "service_id": sid, "location_id": loc}
            )
        for kind, keys in (
            ("category", e["categories"]),
            ("group", e["target_groups"]),
            ("visibility", [e["visibility"]]),
        ):
            for key in keys:
                term = terms.setdefault(f"{kind}:{key}", _id("term", kind, key))
                out["attribute"].append(
                    {
                        "id": _id(sid, "attr", kind, key),
                        "link_id": sid,
                        "taxonomy_term_id": term,
                        "link_type": kind,
                        "link_entity": "service",
                    }
                )
    for code, term_id in terms.items():
        kind, key = code.split(":", 1)
        out["taxonomy_term"].append(
            {
                "id": term_id,
                "code": code,
                "name": label(kind, key),
                "description": label(kind, key),
                "taxonomy": "sos-portalen",
                "language": "sv",
                "taxonomy_id": taxonomy_id,
            }
        )
    if terms:
        out["taxonomy"].append(
            {
                "id": taxonomy_id,
                "name": "SOS-portalen",
                "description": "Kategorier, målgrupper och synlighet i SOS-portalens stödkatalog.",
            }
        )
    out["organization"] = list(orgs.values())
    return out
