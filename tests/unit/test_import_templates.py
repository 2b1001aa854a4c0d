"""The import tabs' templates (header and one example row, as Swedish Excel reads CSV)
import without an error in either UI language; Excel's separators and encodings are
read, HSDS stays UTF-8 only; the directory export writes words, not codes, and they
import back."""

from __future__ import annotations

import csv
import io

import pytest

from portal import csvin
from portal.db.connection import cursor
from portal.directory import api as directory_api
from portal.directory._db import directory as dir_db
from portal.errors import ValidationError
from portal.exports import directory as dir_export
from portal.i18n import set_lang
from portal.situation import api as situation_api
from portal.situation._db import situation as situation_db

ADMIN = ("admin", "admin")


@pytest.fixture(params=["sv", "en"])
def lang(request):
    set_lang(request.param)
    yield request.param
    set_lang("sv")


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode()), "UTF-8 with BOM, so Excel shows å, ä, ö"
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def _entry(name: str) -> dict:
    with cursor() as cur:
        return next(e for e in dir_db.all_entries(cur) if e["name"] == name)


@pytest.mark.parametrize("database", ["db_path", "demo_db"])
def test_directory_template_is_header_and_one_example_and_imports(request, database, lang):
    request.getfixturevalue(database)
    data = directory_api.import_template()
    header, example = _rows(data)
    assert header == list(directory_api.COLUMNS)
    shown = dict(zip(header, example, strict=True))
    assert shown["name"] == "Samtalsstöd för anhöriga"
    assert shown["status"] == {"sv": "Aktiv", "en": "Active"}[lang]
    assert shown["target_groups"].startswith({"sv": "Anhöriga", "en": "Relatives"}[lang])
    assert directory_api.import_upload(data, *ADMIN) == 1
    entry = _entry("Samtalsstöd för anhöriga")
    assert entry["categories"] == ["counselling"]
    assert entry["target_groups"] == ["relatives", "professionals"]
    assert (entry["status"], entry["visibility"]) == ("active", "internal")
    assert entry["verified_on"].isoformat() == "2026-01-15"


@pytest.mark.parametrize("database", ["db_path", "demo_db"])
def test_situation_template_imports_one_row(request, database, lang):
    request.getfixturevalue(database)  # the demo data's counts must not collide with it
    data = situation_api.import_template()
    header, example = _rows(data)
    assert (
        header
        == {
            "sv": ["Kvartal", "Miljö", "Källa", "Område", "Antal"],
            "en": ["Quarter", "Milieu", "Source", "Area", "Count"],
        }[lang]
    )
    assert example[3:] == ["Klädesholmen", "4"]
    assert situation_api.import_upload(data, *ADMIN) == 1
    year = int(example[0][:4])
    stored = situation_db.indicators(year)
    mine = stored[stored["area"] == "Klädesholmen"]
    assert mine[["period", "milieu", "source", "count"]].values.tolist() == [
        [example[0], "far_right", "school", 4]
    ]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_every_separator_and_encoding_excel_writes_reads_the_same(separator, encoding):
    text = separator.join(["name", "organization", "area"]) + "\r\n"
    text += separator.join(["Stöd för anhöriga", "Föreningen Väg ut", "Skärhamn"]) + "\r\n"
    header, rows = csvin.dict_rows(csvin.decode(text.encode(encoding)))
    assert header == ["name", "organization", "area"]
    assert [row for _, row in rows] == [
        {"name": "Stöd för anhöriga", "organization": "Föreningen Väg ut", "area": "Skärhamn"}
    ]


def test_strict_decoding_refuses_windows_1252_in_plain_words():
    data = "name\nStöd\n".encode("cp1252")
    assert csvin.decode(data) == "name\nStöd\n"
    with pytest.raises(ValidationError, match="inte sparad som UTF-8"):
        csvin.decode(data, strict=True)


def test_directory_export_writes_words_not_codes_and_reads_back(db_path, lang):
    data = dir_export.csv_data("admin")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    words = {"sv": ("Aktiv", "Offentlig"), "en": ("Active", "Public")}[lang]
    statuses = {r["status"] for r in rows}
    visibilities = {r["visibility"] for r in rows}
    assert words[0] in statuses and words[1] in visibilities
    assert not statuses & {"active", "inactive"}
    assert not visibilities & {"public", "partners", "internal"}
    groups = "; ".join(r["target_groups"] for r in rows)
    assert "relatives" not in groups and {"sv": "Anhöriga", "en": "Relatives"}[lang] in groups
    with cursor() as cur:
        before = {e["id"]: (e["status"], e["visibility"]) for e in dir_db.all_entries(cur)}
    assert directory_api.import_upload(data, *ADMIN) == len(rows)
    with cursor() as cur:
        after = {e["id"]: (e["status"], e["visibility"]) for e in dir_db.all_entries(cur)}
    assert after == before


def test_directory_xlsx_export_has_words(db_path):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(dir_export.xlsx_data("admin")), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    status = rows[0].index("status")
    assert {r[status] for r in rows[1:]} <= {"Aktiv", "Inaktiv"}


@pytest.mark.parametrize(
    ("header", "said", "not_said"),
    [
        ("organization;description", "kolumnen name saknas", "okända kolumner"),
        ("name;Namn;Telefon", "okända kolumner: Namn, Telefon", "saknas"),
    ],
    ids=["no-name", "unknown"],
)
def test_a_wrong_header_says_what_is_wrong_and_points_to_the_template(
    db_path, header, said, not_said
):
    data = f"{header}\nA;B;C\n".encode()
    with pytest.raises(ValidationError) as err:
        directory_api.import_upload(data, *ADMIN)
    reason = err.value.problems["rad 1"]
    assert said in reason and not_said not in reason and "mallen" in reason
    assert " -" not in reason  # no "unknown columns: -" when none is unknown


def test_excel_unicode_text_utf16_tab_separated_imports(db_path):
    text = "period\tmilieu\tsource\tarea\tcount\r\n2025-Q1\tfar_right\tschool\tRönnäng\t5\r\n"
    assert situation_api.import_upload(text.encode("utf-16"), *ADMIN) == 1
    assert situation_db.indicators(2025)["area"].tolist() == ["Rönnäng"]


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\x00" * 40,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40,
    ],
    ids=["xlsx", "xls"],
)
def test_a_workbook_given_as_csv_is_named_as_such(db_path, data):
    with pytest.raises(ValidationError, match="Excelarbetsbok, inte en CSV-fil"):
        situation_api.import_upload(data, *ADMIN)
