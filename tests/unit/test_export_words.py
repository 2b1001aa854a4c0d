"""Exports people open in a spreadsheet speak the UI's language: headings and status
values are words (Planerat, Ja/Nej), never codes or True/False."""

from __future__ import annotations

import csv
import io

import pytest

from portal.actor import SYSTEM
from portal.admin import api as admin_api
from portal.exports import meetings as meetings_export
from portal.exports.audit import audit_csv
from portal.exports.tabular import csv_bytes, xlsx_bytes
from portal.i18n import set_lang


@pytest.fixture(params=["sv", "en"])
def lang(request):
    set_lang(request.param)
    yield request.param
    set_lang("sv")


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_meetings_csv_has_headings_and_statuses_in_the_ui_language(demo_db, lang):
    rows = _csv(csv_bytes(meetings_export.meetings_table()))
    words = {
        "sv": ("Rubrik", "Börjar", {"Planerat", "Hållet", "Inställt"}),
        "en": ("Title", "Starts", {"Planned", "Held", "Cancelled"}),
    }[lang]
    assert rows and words[0] in rows[0] and words[1] in rows[0]
    assert {r["Status"] for r in rows} <= words[2]
    assert not {"planned", "held", "cancelled"} & {r["Status"] for r in rows}


def test_audit_csv_has_the_page_s_headings_and_no_row_number(demo_db, lang):
    log = admin_api.audit_log(SYSTEM)
    rows = _csv(audit_csv(log))
    heads = {"sv": ["Tid", "Vem", "Händelse"], "en": ["Time", "Who", "Event"]}[lang]
    assert list(rows[0])[:3] == heads
    assert "id" not in rows[0] and "before_json" not in rows[0]
    assert len(rows) == len(log)
    assert rows[0][heads[0]][:4].isdigit() and len(rows[0][heads[0]]) == 19


def test_excel_sheets_write_yes_no_as_words():
    import pandas as pd
    from openpyxl import load_workbook

    data = xlsx_bytes({"Blad": pd.DataFrame({"Försenad": [True, False], "Antal": [1, 2]})})
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet["A"]] == ["Försenad", "Ja", "Nej"]
    assert [c.value for c in sheet["B"]][1:] == [1, 2]  # numbers stay numbers
