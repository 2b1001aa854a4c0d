"""What the portal exports in a format it also imports, it imports (defect 19)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from portal.actor import SYSTEM
from portal.cli import main
from portal.db.connection import cursor, transaction
from portal.directory._db import directory as dir_db
from portal.directory._import import import_file as import_directory, import_upload
from portal.exports import directory as dir_export
from portal.situation._db import situation as situation_db
from portal.situation._import import import_file as import_situation
from tests.outputs import problems_in, text_of

SOURCE = (
    "period,milieu,source,area,count\n"
    "2024-Q1,far_right,school,Skärhamn,10\n"
    "2024-Q1,far_left,police,,7\n"
    "2024-Q2,islamist,social_services,Kållekärr,4\n"
    "2024-Q2,other,open_sources,,1\n"
)


def _indicators() -> list[tuple]:
    df = situation_db.indicators(None)
    return sorted(
        zip(df["period"], df["milieu"], df["source"], df["area"], df["count"], strict=True)
    )


def _forget_indicators() -> None:
    with transaction() as cur:
        cur.execute("DELETE FROM situation_indicators")


def test_situation_csv_export_reads_back_through_the_cli(db_path, tmp_path):
    (tmp_path / "in.csv").write_text(SOURCE, encoding="utf-8")
    assert import_situation(tmp_path / "in.csv", SYSTEM) == 4
    before = _indicators()
    out = tmp_path / "situation.csv"
    assert main(["export", "situation", "--format", "csv", "-o", str(out)]) == 0
    text = text_of(out, "csv")
    assert problems_in(text) == []
    assert text.splitlines()[0].split("\t") == ["Kvartal", "Miljö", "Källa", "Område", "Antal"]
    _forget_indicators()
    assert main(["import", "situation", str(out)]) == 0
    # Every count the export showed comes back; the suppressed "<3" is left out, not guessed.
    assert _indicators() == [row for row in before if row[4] >= 3]


def test_the_documented_format_still_imports_and_labels_map_to_keys(db_path, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "Quarter;Milieu;Source;Area;Count\n2024-Q3;Högerextremism;Skola;;5\n", encoding="utf-8"
    )
    assert import_situation(path, SYSTEM) == 1
    assert _indicators() == [("2024-Q3", "far_right", "school", "", 5)]


def _entries() -> list[tuple]:
    rows = dir_export.table(dir_export.entries_for("admin"))
    return sorted(tuple(str(v) for v in r) for r in rows.itertuples(index=False))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_directory_export_reads_back(demo_db, tmp_path, fmt):
    before = _entries()
    path = tmp_path / f"stodkatalog.{fmt}"
    dir_export.export(fmt, path)
    assert problems_in(text_of(path, fmt)) == []
    assert main(["import", "directory", str(path)]) == 0
    assert _entries() == before  # every entry updated with its own values


def test_an_edited_excel_export_updates_the_directory(demo_db, tmp_path):
    book = load_workbook(io.BytesIO(dir_export.xlsx_data("admin")))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("description") + 1, value="Ny beskrivning")
    entry_id = sheet.cell(row=2, column=header.index("id") + 1).value
    buf = io.BytesIO()
    book.save(buf)
    with cursor() as cur:
        count = dir_db.count_entries(cur)
    assert import_upload(buf.getvalue(), "samordnare", "coordinator") == count
    with cursor() as cur:
        assert dir_db.get_entry(cur, entry_id)["description"] == "Ny beskrivning"
        assert dir_db.count_entries(cur) == count


def test_an_excel_file_with_a_bad_row_names_the_sheet_row(db_path, tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["name", "organization", "verified_on"])
    sheet.append(["Stöd", "Tjörns kommun", "2026-01-15"])
    sheet.append([])
    sheet.append(["Annat", "Tjörns kommun", "inte ett datum"])
    path = tmp_path / "in.xlsx"
    book.save(path)
    with pytest.raises(Exception) as err:
        import_directory(path, SYSTEM)
    assert "rad 4" in err.value.problems  # type: ignore[attr-defined]


def test_situation_workbook_has_number_counts_and_reads_cleanly(db_path, tmp_path):
    (tmp_path / "in.csv").write_text(SOURCE, encoding="utf-8")
    import_situation(tmp_path / "in.csv", SYSTEM)
    out = tmp_path / "situation.xlsx"
    assert main(["export", "situation", "--format", "xlsx", "-o", str(out)]) == 0
    assert problems_in(text_of(out, "xlsx")) == []
    sheet = load_workbook(out).worksheets[1]
    header = [c.value for c in sheet[1]]
    counts = [r[header.index("Antal")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(counts, key=str) == [10, 4, 7, "<3"]
    assert sheet.freeze_panes == "A2" and sheet[1][0].font.bold
