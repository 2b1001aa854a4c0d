"""`export directory --format hsds` as open data, and the package imported back."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from frictionless import validate

from portal import ROOT
from portal.actor import SYSTEM
from portal.db.connection import close_all, transaction
from portal.directory import _core as svc, api as dir_api
from portal.directory._seed import entry_uuid
from portal.errors import ValidationError
from portal.exports import directory as export
from tests.hsds_schemas import errors

PUBLIC_COUNT = 6
ALL_COUNT = 14
# CSV file -> the official schema of one of its rows
ROW_SCHEMAS = {
    "services.csv": "service.json",
    "organizations.csv": "organization.json",
    "phones.csv": "phone.json",
    "contacts.csv": "contact.json",
    "schedules.csv": "schedule.json",
    "service_areas.csv": "service_area.json",
    "languages.csv": "language.json",
    "locations.csv": "location.json",
    "addresses.csv": "address.json",
    "service_at_location.csv": "service_at_location.json",
    "attributes.csv": "attribute.json",
    "taxonomy_terms.csv": "taxonomy_term.json",
    "taxonomies.csv": "taxonomy.json",
    "metadata.csv": "metadata.json",
}
# Fields an export carries and an import restores.
KEPT = (
    "organization_id",
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
    "verified_on",
)


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def json_row(row: dict[str, str], schema: str) -> dict[str, object]:
    """A CSV row as the JSON object it stands for: empty cells absent, numbers numbers."""
    numbers = {"minimum_age", "maximum_age", "latitude", "longitude", "timezone", "count"}
    return {k: (float(v) if k in numbers else v) for k, v in row.items() if v != ""}


def add_local_details(entry_id: str) -> None:
    entry = svc.get("admin", entry_id)
    values = {
        **entry,
        "address": "Strandvägen 3, 471 31 Skärhamn",
        "hours": "Mån–tors 15–21, fre 15–23",
        "email": "fritid@tjorn.se",
        "phone": "0304-60 10 00",
    }
    svc.save("admin", "admin", values, entry_id, entry["version"])


@pytest.fixture
def package(demo_db, tmp_path) -> Path:
    add_local_details(entry_uuid("demo:ungdomsgard"))
    folder = tmp_path / "hsds"
    export.export("hsds", folder)
    return folder


def test_open_data_holds_public_entries_only_and_no_access_flag(package):
    services = rows(package, "services.csv")
    assert len(services) == PUBLIC_COUNT
    assert {s["name"] for s in services} == {e["name"] for e in dir_api.published_entries()}
    for name in ("attributes.csv", "taxonomy_terms.csv"):
        assert "visibility" not in (package / name).read_text(encoding="utf-8")
    report = validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_exported_row_is_valid_against_the_official_schemas(package):
    checked = 0
    for name, schema in ROW_SCHEMAS.items():
        for n, row in enumerate(rows(package, name)):
            assert errors(schema, json_row(row, schema)) == [], f"{name} row {n + 2}"
            checked += 1
    assert checked > 60


def test_a_bad_row_is_caught(package):
    service = json_row(rows(package, "services.csv")[0], "service.json")
    assert errors("service.json", {**service, "last_modified": "2026-12-02 10:00:00"})


def test_last_modified_is_each_rows_own_time_with_its_offset(demo_db, tmp_path):
    with transaction() as cur:
        cur.execute(
            "UPDATE dir_entries SET updated_at = TIMESTAMP '2025-05-06 07:08:09' WHERE id = ?",
            [entry_uuid("112")],
        )
    export.export("hsds", tmp_path / "p")
    stamps = {s["name"]: s["last_modified"] for s in rows(tmp_path / "p", "services.csv")}
    assert stamps["112 – vid akut fara"] == datetime(2025, 5, 6, 7, 8, 9).astimezone().isoformat()
    assert len(set(stamps.values())) == 2
    assert all(datetime.fromisoformat(s).tzinfo is not None for s in stamps.values())


def test_the_package_is_filled_with_what_the_data_holds(package):
    orgs = rows(package, "organizations.csv")
    assert all(o["description"] and o["description"] != o["name"] for o in orgs)
    youth = entry_uuid("demo:ungdomsgard")
    (address,) = rows(package, "addresses.csv")
    assert (address["postal_code"], address["city"], address["country"]) == (
        "471 31",
        "Skärhamn",
        "SE",
    )
    links = rows(package, "service_at_location.csv")
    assert youth in {r["service_id"] for r in links}
    assert {r["location_id"] for r in links} == {r["id"] for r in rows(package, "locations.csv")}
    contacts = {c["service_id"]: c for c in rows(package, "contacts.csv")}
    assert contacts[youth]["email"] == "fritid@tjorn.se"
    assert contacts[entry_uuid("orostelefonen")]["email"] == "orostelefonen@rb.se"
    weekly = [s for s in rows(package, "schedules.csv") if s["service_id"] == youth]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in weekly] == [
        ("MO,TU,WE,TH", "15:00:00", "21:00:00"),
        ("FR", "15:00:00", "23:00:00"),
    ]
    (taxonomy,) = rows(package, "taxonomies.csv")
    assert taxonomy["uri"].startswith("urn:uuid:")
    metadata = rows(package, "metadata.csv")
    assert {m["resource_id"] for m in metadata} == {s["id"] for s in rows(package, "services.csv")}
    assert all(m["updated_by"] == "Tjörns kommun" for m in metadata)


def test_the_descriptor_describes_this_dataset(package):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["title"] == "Stödkatalog – Tjörns kommun"
    assert "Tjörns kommun" in descriptor["description"]
    assert descriptor["licenses"][0]["name"] == "CC0-1.0"
    assert "Human Services Data Specification" not in descriptor["title"]


def test_internal_export_and_round_trip_into_an_empty_directory(demo_db, tmp_path):
    add_local_details(entry_uuid("demo:ungdomsgard"))
    before = {e["id"]: e for e in dir_api.entries_for("admin")}
    folder = tmp_path / "all"
    export.export("hsds", folder, include_internal=True)
    assert len(rows(folder, "services.csv")) == ALL_COUNT
    assert "visibility:internal" in (folder / "taxonomy_terms.csv").read_text(encoding="utf-8")
    with transaction() as cur:
        for table in ("dir_entries", "dir_organizations", "dir_search"):
            cur.execute(f"DELETE FROM {table}")  # noqa: S608
    assert dir_api.import_file(folder, SYSTEM) == ALL_COUNT
    after = {e["id"]: e for e in dir_api.entries_for("admin")}
    assert after.keys() == before.keys()
    for entry_id, entry in before.items():
        assert {k: after[entry_id][k] for k in KEPT} == {k: entry[k] for k in KEPT}
    again = tmp_path / "again"
    export.export("hsds", again, include_internal=True)
    assert rows(again, "phones.csv") == rows(folder, "phones.csv")
    assert rows(again, "schedules.csv") == rows(folder, "schedules.csv")


def test_the_folder_its_files_and_the_zip_all_import(demo_db, tmp_path):
    folder = tmp_path / "pub"
    export.export("hsds", folder)
    for path in (folder, folder / "services.csv", folder / "datapackage.json"):
        assert dir_api.import_file(path, SYSTEM) == PUBLIC_COUNT
    data = export.hsds_zip("admin")
    assert dir_api.import_upload(data, "admin", "admin") == ALL_COUNT
    assert len(dir_api.entries_for("admin")) == ALL_COUNT  # updated, nothing doubled


def test_a_folder_that_is_not_a_package_is_refused_in_words(demo_db, tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValidationError, match="services.csv"):
        dir_api.import_file(tmp_path / "empty", SYSTEM)
    close_all()
    env = {"PORTAL_DB": str(demo_db), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "portal", "import", "directory", str(tmp_path / "empty")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "Errno" not in run.stderr and "services.csv" in run.stderr


def test_cli_flag_for_the_internal_export(demo_db, tmp_path):
    from portal import cli

    out = tmp_path / "x"
    assert (
        cli.main(["export", "directory", "--format", "hsds", "--include-internal", "-o", str(out)])
        == 0
    )
    assert len(rows(out, "services.csv")) == ALL_COUNT
    assert (
        cli.main(["export", "plan", "--format", "csv", "--include-internal", "-o", str(out)]) == 1
    )


def test_a_package_not_in_utf8_is_refused_in_words(demo_db, tmp_path):
    folder = tmp_path / "latin1"
    export.export("hsds", folder)
    text = (folder / "services.csv").read_text(encoding="utf-8")
    (folder / "services.csv").write_bytes(text.encode("latin-1", "replace"))
    with pytest.raises(ValidationError, match="UTF-8"):
        dir_api.import_file(folder, SYSTEM)
