"""CSV import: every bad row named with its line and reason, nothing written on error."""

import subprocess
import sys
from pathlib import Path

import pytest

from portal import ROOT
from portal.actor import SYSTEM, Actor
from portal.db.connection import cursor
from portal.directory import _core as svc
from portal.directory._db import directory as dir_db
from portal.directory._import import import_file, import_upload
from portal.errors import PermissionDenied, ValidationError

HEADER = (
    "name,organization,description,categories,target_groups,languages,phone,email,url,"
    "visibility,verified_on\n"
)
GOOD = (
    'Familjestöd,Tjörns kommun,"Stöd, samtal",Samtalsstöd;social_services,anhöriga,'
    "sv;ar,0304-60 10 00,familj@tjorn.se,https://www.tjorn.se,partners,2026-01-15\n"
)


def _count() -> int:
    with cursor() as cur:
        return dir_db.count_entries(cur)


def _write(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_is_imported_with_labels_mapped_to_terms(db_path, tmp_path):
    before = _count()
    assert import_file(_write(tmp_path, HEADER + GOOD), actor=SYSTEM) == 1
    assert _count() == before + 1
    entry = next(e for e in svc.search("admin", "familjestöd"))
    assert entry["categories"] == ["counselling", "social_services"]
    assert entry["target_groups"] == ["relatives"]
    assert entry["languages"] == ["sv", "ar"]
    assert entry["visibility"] == "partners"
    assert entry["verified_on"].isoformat() == "2026-01-15"


BAD_ROWS = [
    (",Tjörns kommun,,,,,,,,public,\n", "namn saknas"),
    ("A,Org,,,,,ring oss,,,public,\n", "telefonnumret"),
    ("B,Org,,,,,,kontakt(at)x.se,,public,\n", "e-postadressen"),
    ("C,Org,,Trolldom,,,,,,public,\n", "okänd kategori"),
    ("D,Org,,,,,,,javascript:alert(1),public,\n", "http(s)"),
    ("E,Org,,,,,,,www.x.se,public,\n", "http(s)"),
    ("F,Org,,,okänd grupp,,,,,public,\n", "okänd målgrupp"),
    ("G,Org,,,,,,,,hemlig,\n", "okänd synlighet"),
    ("H,Org,,,,,,,,public,15/1 2026\n", "ÅÅÅÅ-MM-DD"),
    ("I,,,,,,,,,public,\n", "organisation saknas"),
]


def test_every_bad_row_is_named_and_nothing_is_written(db_path, tmp_path):
    before = _count()
    other_good = GOOD.replace("Familjestöd,", "Familjestöd Syd,", 1)  # not a duplicate
    text = HEADER + GOOD + "".join(row for row, _ in BAD_ROWS) + other_good
    with pytest.raises(ValidationError) as exc:
        import_file(_write(tmp_path, text), actor=SYSTEM)
    problems = exc.value.problems
    # line 1 is the header, line 2 the good row; bad rows are lines 3..12
    assert list(problems) == [f"rad {n}" for n in range(3, 3 + len(BAD_ROWS))]
    for (_, reason), (where, problem) in zip(BAD_ROWS, problems.items(), strict=True):
        assert reason in problem, (where, problem)
    assert _count() == before


def test_a_row_with_several_faults_lists_them_all(db_path, tmp_path):
    with pytest.raises(ValidationError) as exc:
        import_file(_write(tmp_path, HEADER + ",Org,,X,,,abc,nope,ftp://x,public,\n"), SYSTEM)
    reason = exc.value.problems["rad 2"]
    for part in ("namn saknas", "okänd kategori", "telefonnumret", "e-postadressen", "http(s)"):
        assert part in reason


def test_line_numbers_count_multiline_cells(db_path, tmp_path):
    text = HEADER + 'Ok,Org,"rad ett\nrad två",,,,,,,public,\n' + ",Org,,,,,,,,public,\n"
    with pytest.raises(ValidationError) as exc:
        import_file(_write(tmp_path, text), SYSTEM)
    assert list(exc.value.problems) == ["rad 4"]


def test_unknown_columns_and_missing_name_column_are_refused(db_path, tmp_path):
    with pytest.raises(ValidationError) as exc:
        import_file(_write(tmp_path, "namn,telefon\nA,112\n"), SYSTEM)
    assert "rad 1" in exc.value.problems


def test_semicolon_separated_excel_file_with_bom(db_path, tmp_path):
    text = "\ufeffname;organization;categories;phone\nStöd;Org;support_line, knowledge;112\n"
    assert import_file(_write(tmp_path, text), SYSTEM) == 1
    assert svc.search("admin", "stöd", category="knowledge")


def test_export_then_import_updates_instead_of_duplicating(db_path, tmp_path):
    from portal.exports import directory as export

    before = _count()
    path = tmp_path / "out.csv"
    export.export("csv", path)
    assert import_file(path, SYSTEM) == before
    assert _count() == before


def test_upload_needs_edit_permission(db_path):
    with pytest.raises(PermissionDenied):
        import_upload((HEADER + GOOD).encode(), "partner", "partner")
    with pytest.raises(PermissionDenied):
        import_file("/nonexistent.csv", actor=Actor("ledamot", "Ledamot", "member"))
    assert import_upload((HEADER + GOOD).encode(), "samordnare", "coordinator") == 1


def test_cli_import_reports_every_bad_row_and_exits_non_zero(db_path, tmp_path):
    path = _write(tmp_path, HEADER + GOOD + BAD_ROWS[1][0])
    from portal.db.connection import close_all

    close_all()  # DuckDB: one process writes a file at a time
    env = {"PORTAL_DB": str(db_path), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "portal", "import", "directory", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert run.returncode == 1
    assert "rad 3: telefonnumret" in run.stderr
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "portal",
            "import",
            "directory",
            str(_write(tmp_path, HEADER + GOOD, "ok.csv")),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "imported 1 rows" in ok.stdout
