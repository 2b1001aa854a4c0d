"""Directory exports: CSV (the import's columns), Excel, and an HSDS 3.0 tabular package.

The HSDS package is a folder with datapackage.json and one CSV per resource. Its
descriptor is the official HSDS 3.0.0 descriptor (data/reference/hsds/datapackage.json)
with every resource kept, so `frictionless validate DIR/datapackage.json` checks our
files against the standard's own schemas; resources we have no data for are written as
CSV files with only the header row. The rows come from the directory's HSDS mapping, the
same one the open API answers with, so both publish the same ids and values.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from portal import DATA_DIR, config
from portal.directory import api as dir_db
from portal.directory.api import COLUMNS, label
from portal.exports.tabular import csv_bytes, csv_text, xlsx_bytes
from portal.i18n import t

FORMATS = ("csv", "xlsx", "hsds")
# Column -> vocabulary whose label the export writes.
LABELLED = {
    "status": "status",
    "visibility": "visibility",
    "categories": "category",
    "target_groups": "group",
}
DESCRIPTOR = DATA_DIR / "reference" / "hsds" / "datapackage.json"


def entries_for(role: str | None = "admin") -> list[dict[str, Any]]:
    """Every entry `role` may see, active or not (the CLI exports as admin)."""
    return dir_db.entries_for(role)


def table(entries: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per entry with the import's columns; lists joined with '; '. Status,
    visibility, categories and target groups are the words the UI shows (in its
    language), not stored codes; the import reads those words back."""
    rows = []
    for e in entries:
        row = {c: e.get(c) for c in COLUMNS}
        for key, kind in LABELLED.items():
            row[key] = "; ".join(label(kind, v) for v in _listed(e.get(key)))
        row["languages"] = "; ".join(e.get("languages") or [])
        row["verified_on"] = e["verified_on"].isoformat() if e.get("verified_on") else ""
        rows.append(row)
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(value)] if isinstance(value, str) else [str(v) for v in value]


def csv_data(role: str | None = "admin") -> bytes:
    return csv_bytes(table(entries_for(role)))


def xlsx_data(role: str | None = "admin") -> bytes:
    return xlsx_bytes({"Stödkatalog": table(entries_for(role))})


LICENSES = {
    "CC0-1.0": {
        "name": "CC0-1.0",
        "title": "Creative Commons Zero v1.0 Universal",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    },
    "CC-BY-4.0": {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0 International",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
}


def export(
    fmt: str, path: Path, role: str | None = "admin", include_internal: bool = False
) -> None:
    """Write the export. The HSDS package is open data: the published entries (public
    and active) without their access flag, unless `include_internal` asks for every
    entry (with visibility, for moving a whole directory to another portal)."""
    path = Path(path)
    if fmt == "hsds":
        if include_internal:
            write_hsds(path, entries_for("admin"), with_visibility=True)
        else:
            write_hsds(path, dir_db.published_entries(), with_visibility=False)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_data(role) if fmt == "csv" else xlsx_data(role))


def hsds_zip(role: str | None) -> bytes:
    """The HSDS package of what `role` may see, as a zip file (the page's download);
    visibility is kept when it holds entries that are not public, so an import of the
    file puts them back as they were."""
    import tempfile

    entries = entries_for(role)
    internal = any(e["visibility"] != "public" for e in entries)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_hsds(folder, entries, with_visibility=internal)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for file in sorted(folder.iterdir()):
                zf.write(file, file.name)
        return buf.getvalue()


def descriptor() -> dict[str, Any]:
    """The official HSDS 3.0.0 descriptor (every resource and its schema) with this
    dataset's own name, title, description and licence."""
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    municipality = config.get("PORTAL_MUNICIPALITY")
    licence = config.get("PORTAL_OPEN_DATA_LICENSE")
    package.update(
        name="sos-portalen-stodkatalog",
        title=t("directory.hsds.title", "sv", municipality=municipality),
        description=t("directory.hsds.description", "sv", municipality=municipality),
        licenses=[LICENSES.get(licence, {"name": licence})],
        sources=[
            {
                "title": "Open Referral Human Services Data Specification (HSDS) 3.0",
                "path": "https://github.com/openreferral/specification/tree/3.0",
            }
        ],
        created=datetime.now().astimezone().isoformat(timespec="seconds"),
    )
    package.pop("license", None)
    package.pop("homepage", None)
    return package


def write_hsds(folder: Path, entries: list[dict[str, Any]], with_visibility: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    package = descriptor()
    tables = dir_db.hsds_tables(entries, with_visibility)
    for resource in package["resources"]:
        columns = [f["name"] for f in resource["schema"]["fields"]]
        rows = tables.get(resource["name"], [])
        df = pd.DataFrame(rows, columns=columns)
        # No BOM here: the standard validator would read it into the first header.
        (folder / resource["path"]).write_text(csv_text(df), encoding="utf-8")
    (folder / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8"
    )
