"""Hostile text through the inputs of the admin and account pages and `user add`:
stored verbatim or refused with a clear message, always rendered as text."""

import io
import subprocess
import sys

import pytest

from portal import ROOT, cli
from portal.admin import _users as svc
from portal.admin._db import users as users_db
from portal.db import audit
from tests.app.helpers import app_as, texts

PW = "ett-långt-lösenord-1"
STORED = [  # must be stored exactly as typed
    "Robert'); DROP TABLE users;--",
    "x' OR '1'='1",
    '"; SELECT * FROM users; --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**fet** _kursiv_ [länk](javascript:alert(1)) # rubrik",
    "Åsa Öberg-Ängström \\ % _ ; --",
    '=HYPERLINK("http://x")',
]
REFUSED = [  # must be refused with a clear message, nothing stored
    ("Namn\x00med-nolla", "styrtecken"),
    ("Namn\x1b[31m", "styrtecken"),
    ("rad\nbrytning", "styrtecken"),
    ("x" * 121, "120"),
    ("x" * 100_000, "120"),
]


def admin():
    return users_db.get_user("admin")


def test_hostile_names_are_stored_verbatim(demo_db):
    for n, payload in enumerate(STORED):
        svc.add_user(f"kim{n}", payload, "kim@example.se", "member", PW, actor=admin())
        assert users_db.get_user(f"kim{n}").name == payload
    assert users_db.get_user("admin") is not None  # nothing was dropped
    assert len(users_db.list_users()) == 5 + len(STORED)


def test_control_chars_and_overlong_names_are_refused(demo_db):
    from portal.errors import ValidationError

    for payload, reason in REFUSED:
        with pytest.raises(ValidationError) as err:
            svc.add_user("kim", payload, "kim@example.se", "member", PW, actor=admin())
        assert reason in err.value.problems["name"]
        assert users_db.get_user("kim") is None


def test_hostile_usernames_are_refused(demo_db):
    from portal.errors import ValidationError

    for username in [
        "kim'; --",
        "<b>kim</b>",
        "KIM",
        "k" * 41,
        "kim\x00",
        "../etc",
        "admin OR 1=1",
        "",
    ]:
        with pytest.raises(ValidationError) as err:
            svc.add_user(username, "Kim", "kim@example.se", "member", PW, actor=admin())
        assert "username" in err.value.problems
    assert len(users_db.list_users()) == 5


def test_admin_form_stores_payload_and_page_renders_it_as_text(demo_db):
    payload = STORED[3] + " " + STORED[4] + " " + STORED[5]
    at = app_as("admin", "app_pages/admin.py")
    form = {ti.label: ti for ti in at.text_input}
    form["Användarnamn"].input("kim")
    form["Namn"].input(payload)
    form["E-post"].input("kim@example.se")
    at.text_input[3].input(PW)
    next(b for b in at.button if b.label == "Skapa användare").click()
    at.run()
    assert not at.exception
    assert users_db.get_user("kim").name == payload
    table = at.dataframe[0].value
    assert payload in set(table.iloc[:, 1])  # shown as a cell value, not as markup


def test_account_page_escapes_the_name(demo_db):
    from portal.db.connection import transaction

    with transaction() as cur:
        cur.execute("UPDATE users SET name = ? WHERE username = 'ledamot'", [STORED[4]])
    at = app_as("ledamot", "app_pages/account.py")
    shown = texts(at, raw=True) + "\n".join(str(c.value) for c in at.sidebar.caption)
    # every Markdown/HTML character of user text is escaped: it renders literally
    assert "<img" not in shown.replace("\\<img", "")
    assert shown.count("\\<img src=x onerror=alert\\(1\\)\\>") >= 2


def test_admin_form_refuses_overlong_and_control_text_with_a_message(demo_db):
    at = app_as("admin", "app_pages/admin.py")
    form = {ti.label: ti for ti in at.text_input}
    form["Användarnamn"].input("kim")
    form["Namn"].input("Kim\x07Berg")
    form["E-post"].input("kim@example.se")
    at.text_input[3].input(PW)
    next(b for b in at.button if b.label == "Skapa användare").click()
    at.run()
    assert any("kunde inte sparas" in e.value for e in at.error)
    assert "styrtecken" in "\n".join(str(x.value) for x in at.error)
    assert users_db.get_user("kim") is None


def test_sql_metacharacters_in_the_login_form_are_just_a_wrong_login(demo_db):
    at = app_as(None)
    at.text_input[0].input("admin' OR '1'='1")
    at.text_input[1].input("' OR ''='")
    next(b for b in at.button if b.label == "Logga in").click()
    at.run()
    assert at.session_state["authentication_status"] is False
    assert "Fel användarnamn eller lösenord" in texts(at)


def test_audit_filters_take_hostile_values_as_values(demo_db):
    for hostile in ("x' OR '1'='1", "users; DROP TABLE audit_log"):
        assert svc.audit_log(admin(), who=hostile).empty
        assert svc.audit_log(admin(), entity=hostile).empty
    assert not audit.entries().empty


def test_cli_user_add_stores_hostile_names_verbatim(demo_db, monkeypatch):
    for n, payload in enumerate(STORED[:5]):
        monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
        assert (
            cli.main(
                [
                    "user",
                    "add",
                    f"kim{n}",
                    "--role",
                    "member",
                    "--name",
                    payload,
                    "--email",
                    "kim@example.se",
                ]
            )
            == 0
        )
        assert users_db.get_user(f"kim{n}").name == payload


def test_cli_user_add_refuses_control_chars_in_one_clear_error(demo_db, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
    assert (
        cli.main(
            [
                "user",
                "add",
                "kim",
                "--role",
                "member",
                "--name",
                "Kim\x1bBerg",
                "--email",
                "kim@example.se",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "control characters" in err
    assert users_db.get_user("kim") is None


def test_no_secret_files_are_tracked_by_git():
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert files, "git ls-files listed nothing"
    bad = [
        f for f in files if f.endswith(("secrets.toml", ".cookie_key", ".duckdb", ".duckdb.wal"))
    ]
    assert bad == []
