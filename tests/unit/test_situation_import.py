"""CSV import of indicators: every bad row named, nothing written unless all rows are good."""

from pathlib import Path

import pytest

from portal.actor import SYSTEM
from portal.cli import main
from portal.errors import PermissionDenied, ValidationError
from portal.situation._db import situation as db
from portal.situation._import import import_file, import_text

HEADER = "period,milieu,source,area,count\n"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "indikatorer.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_good_file_imports_every_row(db_path, tmp_path):
    path = _write(
        tmp_path,
        "2025-Q1,far_right,school,Skärhamn,4\n"
        "2025-Q1,far_right,police,Skärhamn,1\n"
        "2025-Q2,other,open_sources,,0\n",
    )
    assert import_file(path, SYSTEM) == 3
    df = db.indicators(2025)
    assert sorted(zip(df["source"], df["count"], strict=True)) == [
        ("open_sources", 0),
        ("police", 1),
        ("school", 4),
    ]
    assert sorted(df["quarter"]) == [1, 1, 2]


BAD_ROWS = [
    ("1999-Q1,far_right,school,,2", "period"),  # year outside the sensible range
    ("2025-Q5,far_right,school,,2", "period"),  # no such quarter
    ("2025-03,far_right,school,,2", "period"),  # not a quarter
    ("2025-Q1,pirates,school,,2", "milieu"),  # unknown milieu
    ("2025-Q1,far_right,gossip,,2", "source"),  # unknown source
    ("2025-Q1,far_right,school,,-1", "count"),  # negative count
    ("2025-Q1,far_right,school,,två", "count"),  # not a number
    ("2025-Q1,far_right,school,,1.5", "count"),  # not a whole number
]


@pytest.mark.parametrize(("row", "field"), BAD_ROWS)
def test_each_kind_of_bad_row_is_named(db_path, tmp_path, row, field):
    path = _write(tmp_path, "2025-Q1,far_left,police,,3\n" + row + "\n")
    with pytest.raises(ValidationError) as err:
        import_file(path, SYSTEM)
    assert list(err.value.problems) == ["rad 3"]
    assert field in err.value.problems["rad 3"]
    assert db.indicators().empty  # the good row was not written either


def test_every_bad_row_is_reported_at_once(db_path, tmp_path):
    body = "2025-Q1,far_left,police,,3\n" + "\n".join(r for r, _ in BAD_ROWS) + "\n"
    with pytest.raises(ValidationError) as err:
        import_file(_write(tmp_path, body), SYSTEM)
    assert list(err.value.problems) == [f"rad {n}" for n in range(3, 3 + len(BAD_ROWS))]
    assert db.indicators().empty


def test_duplicate_period_in_file_and_against_database(db_path, tmp_path):
    dup = "2025-Q1,far_right,school,Rönnäng,2\n2025-Q1,far_right,school,Rönnäng,5\n"
    with pytest.raises(ValidationError) as err:
        import_file(_write(tmp_path, dup), SYSTEM)
    assert list(err.value.problems) == ["rad 3"]
    assert "redan" in err.value.problems["rad 3"]
    assert import_text(HEADER + "2025-Q1,far_right,school,Rönnäng,2\n", "cli", "admin") == 1
    with pytest.raises(ValidationError) as err:
        import_text(
            HEADER + "2025-Q2,far_right,school,Rönnäng,2\n2025-Q1,far_right,school,Rönnäng,2\n",
            "cli",
            "admin",
        )
    assert list(err.value.problems) == ["rad 3"]
    assert len(db.indicators()) == 1


def test_missing_columns_and_empty_file(db_path, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("period,milieu\n2025-Q1,far_right\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="source"):
        import_file(path, SYSTEM)
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(ValidationError):
        import_file(path, SYSTEM)


def test_semicolon_file_from_excel(db_path, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text(
        "\ufeffperiod;milieu;source;area;count\n2024-Q4;islamist;police;;2\n", encoding="utf-8"
    )
    assert import_file(path, SYSTEM) == 1


def test_ui_import_checks_the_role(db_path):
    with pytest.raises(PermissionDenied):
        import_text(HEADER + "2025-Q1,far_right,school,,2\n", "ledamot", "member")
    assert import_text(HEADER + "2025-Q1,far_right,school,,2\n", "samordnare", "coordinator") == 1


def test_cli_import_reports_rows_and_exit_status(db_path, tmp_path, capsys):
    bad = _write(tmp_path, "2025-Q1,far_right,school,,-4\n2025-Q1,nobody,school,,1\n")
    assert main(["import", "situation", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "rad 2" in err and "rad 3" in err
    assert db.indicators().empty
    good = _write(tmp_path, "2025-Q1,far_right,school,,4\n")
    assert main(["import", "situation", str(good)]) == 0
    assert "imported 1 rows" in capsys.readouterr().out
