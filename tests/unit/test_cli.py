import csv
import io
import subprocess
import sys

import pytest

from portal import cli
from portal.admin._db import users as users_db


def test_export_plan_csv_lists_the_six_seed_activities(db_path, tmp_path):
    out = tmp_path / "plan.csv"
    assert cli.main(["export", "plan", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["Klart"], r["Ansvarig"]) for r in rows] == [
        ("2020-12", "Processledaren"),
        ("2019-12", "Säkerhetssamordnaren"),
        ("2020-12", "Processledaren"),
        ("Fortlöpande", "Säkerhetssamordnaren"),
        ("2020-12", "Processledaren"),
        ("2020-12", "Processledaren"),
    ]
    assert rows[1]["Aktivitet"].startswith("Informera på kommunens hemsida")


def test_unknown_format_fails_with_one_line(db_path, tmp_path, capsys):
    assert cli.main(["export", "plan", "--format", "pdf", "-o", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: format 'pdf'")


def test_user_add_reads_password_from_stdin_and_hashes_it(db_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-long-password-123\n"))
    assert (
        cli.main(
            ["user", "add", "kim", "--role", "member", "--name", "Kim", "--email", "kim@example.se"]
        )
        == 0
    )
    creds = users_db.login_credentials(__import__("datetime").datetime.now())
    assert creds["kim"]["password"].startswith("$2")
    assert "a-long-password-123" not in creds["kim"]["password"]


def test_user_add_refuses_short_password(db_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert (
        cli.main(
            ["user", "add", "kim", "--role", "member", "--name", "Kim", "--email", "kim@example.se"]
        )
        == 1
    )
    assert "at least 12" in capsys.readouterr().err
    assert users_db.get_user("kim") is None


def test_user_disable_and_list(demo_db, capsys):
    assert cli.main(["user", "disable", "ledamot"]) == 0
    assert cli.main(["user", "list"]) == 0
    out = capsys.readouterr().out
    assert "ledamot\tmember\tdisabled" in out
    assert cli.main(["user", "disable", "nobody"]) == 1


def test_password_is_never_an_argument():
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(
            [
                "user",
                "add",
                "x",
                "--role",
                "member",
                "--name",
                "X",
                "--email",
                "x@example.se",
                "--password",
                "secret",
            ]
        )


def test_module_entry_point_runs_init(tmp_path):
    env = {"PORTAL_DB": str(tmp_path / "p.duckdb"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "portal", "init", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "demo" in result.stdout
