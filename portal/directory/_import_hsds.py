"""Reading an HSDS 3.0 tabular package (the directory's own HSDS export, or another
HSDS source) as rows of the directory import.

A package is a folder (or a zip file) with services.csv and the files beside it; the
import may be given the folder, its datapackage.json, its services.csv or the zip. Each
service becomes one import row with the import's columns, so the same checks apply and
nothing is written unless every row is right. Services keep their ids, and organisations
theirs, so an export imported into another portal publishes the same ids.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal import csvin
from portal.cells import restore
from portal.i18n import t

Table = list[dict[str, str]]
SERVICES = "services.csv"
_INACTIVE = ("inactive", "defunct", "temporarily closed")


@dataclass(frozen=True)
class Package:
    """Import rows (column -> text) numbered as lines of services.csv, and the
    organisations named in them."""

    records: list[tuple[int, dict[str, Any]]]
    organizations: dict[str, tuple[str, str, str]]  # name -> (id, website, description)


def is_package_path(path: Path) -> bool:
    """Whether `path` names an HSDS package: a folder, its datapackage.json, or a
    services.csv in HSDS form (an organization_id column, not the import's columns)."""
    if path.is_dir() or path.name == "datapackage.json":
        return True
    if path.name != SERVICES or not path.is_file():
        return False
    header = path.read_bytes().decode("utf-8-sig", "replace").split("\n", 1)[0]
    return "organization_id" in header.split(",")


def is_package_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return SERVICES in zf.namelist()
    except zipfile.BadZipFile:
        return False


def from_path(path: Path) -> Package | None:
    """The package at `path`; None when it holds no services.csv."""
    folder = path if path.is_dir() else path.parent

    def read(name: str) -> bytes | None:
        file = folder / name
        return file.read_bytes() if file.is_file() else None

    return _package(read)


def from_zip(data: bytes) -> Package | None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        files = {n: zf.read(n) for n in names if n.endswith(".csv")}
    return _package(files.get)


def _table(read: Callable[[str], bytes | None], name: str) -> Table:
    data = read(name)
    if not data:
        return []
    text = csvin.decode(data, strict=True)  # HSDS files are UTF-8 by the specification
    return [
        {k: restore(v or "") for k, v in row.items() if k}
        for row in csv.DictReader(io.StringIO(text, newline=""))
    ]


def _by(table: Table, key: str) -> dict[str, Table]:
    out: dict[str, Table] = {}
    for row in table:
        out.setdefault(row.get(key, ""), []).append(row)
    return out


def _package(read: Callable[[str], bytes | None]) -> Package | None:
    if read(SERVICES) is None:
        return None
    services = _table(read, SERVICES)
    tables = {
        name: _table(read, f"{name}.csv")
        for name in (
            "organizations",
            "phones",
            "languages",
            "service_areas",
            "schedules",
            "attributes",
            "taxonomy_terms",
            "service_at_location",
            "locations",
            "addresses",
        )
    }
    orgs = {o["id"]: o for o in tables["organizations"]}
    records = [(n + 2, _row(s, tables, orgs)) for n, s in enumerate(services)]
    named = {
        o["name"]: (o["id"], o.get("website", ""), _own_description(o, services))
        for o in tables["organizations"]
        if o.get("name")
    }
    return Package(records, named)


def _own_description(org: dict[str, str], services: Table) -> str:
    """The organisation's description, unless it is the text the export writes for an
    organisation without one (the services it offers), which is not kept."""
    offered = sorted(s.get("name", "") for s in services if s.get("organization_id") == org["id"])
    generated = t("directory.hsds.offers", "sv", services=", ".join(offered))
    text = org.get("description", "")
    return "" if text == generated else text


def _row(service: dict[str, str], tables: dict[str, Table], orgs: dict[str, Any]) -> dict[str, Any]:
    sid = service.get("id", "")
    org = orgs.get(service.get("organization_id", ""), {})
    terms = _terms(sid, tables)
    status = service.get("status", "").strip().lower()
    return {
        "id": sid,
        "organization": org.get("name", ""),
        "name": service.get("name", ""),
        "description": service.get("description", ""),
        "status": "inactive" if status in _INACTIVE else "active",
        "categories": "; ".join(terms.get("category", [])),
        "target_groups": "; ".join(terms.get("group", [])),
        "languages": "; ".join(
            r["code"] for r in _by(tables["languages"], "service_id").get(sid, []) if r.get("code")
        ),
        "phone": _first(tables["phones"], sid, "number"),
        "email": service.get("email", ""),
        "url": service.get("url", ""),
        "address": _address(sid, tables),
        "service_area": _first(tables["service_areas"], sid, "name"),
        "hours": ", ".join(
            r["description"]
            for r in _by(tables["schedules"], "service_id").get(sid, [])
            if r.get("description")
        ),
        "eligibility": service.get("eligibility_description", ""),
        "cost": service.get("fees_description", ""),
        "visibility": ", ".join(terms.get("visibility", [])),
        "verified_on": service.get("assured_date", ""),
    }


def _first(table: Table, sid: str, column: str) -> str:
    rows = [r for r in _by(table, "service_id").get(sid, []) if r.get(column)]
    return rows[0][column] if rows else ""


def _terms(sid: str, tables: dict[str, Table]) -> dict[str, list[str]]:
    """Vocabulary keys by kind (category, group, visibility) of the service's attributes:
    from our own term codes ("category:school"), else the term's name (a label)."""
    terms = {t["id"]: t for t in tables["taxonomy_terms"]}
    out: dict[str, list[str]] = {}
    for attr in _by(tables["attributes"], "link_id").get(sid, []):
        term = terms.get(attr.get("taxonomy_term_id", ""), {})
        kind, _, key = (term.get("code") or "").partition(":")
        if not key:
            kind, key = attr.get("link_type", ""), term.get("name", "")
        if kind and key:
            out.setdefault(kind, []).append(key)
    return out


def _address(sid: str, tables: dict[str, Table]) -> str:
    """The written address of the service's physical location (its description, as the
    export writes it), else its first postal address."""
    locations = {loc["id"]: loc for loc in tables["locations"]}
    addresses = _by(tables["addresses"], "location_id")
    for link in _by(tables["service_at_location"], "service_id").get(sid, []):
        loc = locations.get(link.get("location_id", ""), {})
        if loc.get("location_type") != "physical":
            continue
        if loc.get("description"):
            return str(loc["description"])
        for a in addresses.get(loc.get("id", ""), []):
            return f"{a.get('address_1', '')}, {a.get('postal_code', '')} {a.get('city', '')}"
    return ""
