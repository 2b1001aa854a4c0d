"""Directory exports (CSV, Excel, HSDS validated by frictionless) and the PDF leaflet."""

import io
import json
from datetime import date

import openpyxl
import pandas as pd
from frictionless import Package, validate
from pypdf import PdfReader

from portal.exports import directory as export
from portal.exports.leaflet import leaflet_pdf


def test_hsds_package_passes_the_standard_validator(demo_db, tmp_path):
    folder = tmp_path / "hsds"
    export.export("hsds", folder)
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(folder / "datapackage.json"))
    assert package.get_resource("service").path == "services.csv"
    services = pd.read_csv(folder / "services.csv")
    assert "Orostelefonen" in set(services["name"])
    phones = pd.read_csv(folder / "phones.csv", dtype=str)
    assert "020-100 200" in set(phones["number"])
    terms = pd.read_csv(folder / "taxonomy_terms.csv")
    assert "Anhöriga" in set(terms["name"])


def test_hsds_validator_catches_a_broken_package(demo_db, tmp_path):
    """The check can fail: a service without a name is refused by the validator."""
    folder = tmp_path / "hsds"
    export.export("hsds", folder)
    services = pd.read_csv(folder / "services.csv", dtype=str)
    services.loc[0, "name"] = None
    services.to_csv(folder / "services.csv", index=False)
    assert not validate(str(folder / "datapackage.json")).valid


def test_hsds_for_a_partner_leaves_out_internal_entries(demo_db):
    import zipfile

    zf = zipfile.ZipFile(io.BytesIO(export.hsds_zip("partner")))
    services = pd.read_csv(zf.open("services.csv"))
    assert "Orostelefonen" in set(services["name"])
    assert "Socialtjänsten (individ- och familjeomsorg)" not in set(services["name"])
    assert "datapackage.json" in zf.namelist()
    assert json.loads(zf.read("datapackage.json"))["version"] == "3.0.0"


def test_csv_and_xlsx_exports(demo_db, tmp_path):
    export.export("csv", tmp_path / "d.csv")
    raw = (tmp_path / "d.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    df = pd.read_csv(tmp_path / "d.csv", encoding="utf-8-sig")
    assert "Säkerhetssamordnare" in set(df["name"])
    export.export("xlsx", tmp_path / "d.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "d.xlsx").active
    assert sheet["C1"].value == "name"
    assert export.FORMATS == ("csv", "xlsx", "hsds")


def test_leaflet_is_one_page_with_swedish_letters(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_COORDINATOR_CONTACT", "samordnare@tjorn.se")
    pdf = PdfReader(io.BytesIO(leaflet_pdf(date(2026, 11, 24))))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    for needle in (
        "Orolig för någon i din närhet",
        "å",
        "ä",
        "ö",
        "020-100 200",
        "112",
        "114 14",
        "samordnare@tjorn.se",
        "Orostelefonen",
    ):
        assert needle in text, needle
    assert "Socialtjänsten" not in text  # internal entries never reach the leaflet
    assert "Samtalsgrupp för föräldrar" not in text  # nor partner entries


def test_leaflet_is_an_accessible_a4_page(demo_db):
    from tests.outputs import (
        assert_accessible_a4,
        blank_pages,
        ink_outside,
        mm_to_px,
        pdf_page_images,
        problems_in,
        text_of,
    )

    data = leaflet_pdf(date(2026, 11, 24))
    assert_accessible_a4(data, "Orolig för någon i din närhet?")
    assert problems_in(text_of(data, "pdf")) == []
    images = pdf_page_images(data)
    assert len(images) == 1 and blank_pages(images) == []
    assert ink_outside(images, mm_to_px(5)) == []


def test_leaflet_stays_one_page_with_many_entries(db_path):
    from portal.directory import _core as svc

    for n in range(40):
        svc.save(
            "a",
            "admin",
            {
                "name": f"Verksamhet {n}",
                "organization": "Org",
                "visibility": "public",
                "phone": "0304-60 10 00",
            },
        )
    pdf = PdfReader(io.BytesIO(leaflet_pdf()))
    assert len(pdf.pages) == 1
    assert "Ytterligare" in pdf.pages[0].extract_text()


def test_cli_hsds_export_passes_the_frictionless_command(demo_db, tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from portal import ROOT
    from portal.db.connection import close_all

    close_all()  # let the CLI process open the database file
    env = {"PORTAL_DB": str(demo_db), "PATH": "/usr/bin:/bin"}
    out = tmp_path / "hsds"
    run = subprocess.run(
        [sys.executable, "-m", "portal", "export", "directory", "--format", "hsds", "-o", str(out)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    tool = Path(sys.executable).with_name("frictionless")
    tool = str(tool) if tool.exists() else shutil.which("frictionless")
    assert tool, "the frictionless command is part of the test dependencies"
    check = subprocess.run(
        [tool, "validate", str(out / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout[-2000:]


def test_leaflet_counts_every_public_entry_it_leaves_out(db_path):
    import re

    from portal.directory import _core as svc

    for n in range(60):
        svc.save(
            "a",
            "admin",
            {
                "name": f"Verksamhet {n:02d}",
                "organization": "Org",
                "visibility": "public",
                "phone": "0304-60 10 00",
            },
        )
    text = " ".join(PdfReader(io.BytesIO(leaflet_pdf())).pages[0].extract_text().split())
    listed = sum(1 for e in svc.search(None) if e["name"] in text)
    left_out = int(re.search(r"Ytterligare (\d+)", text).group(1))
    assert listed > 5 and listed + left_out == len(svc.search(None))
