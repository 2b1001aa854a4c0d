"""Revocable sessions (issue 23 item 1) and the per-client login limit (item 10), on a
real database and through the real app (AppTest)."""

from datetime import datetime, timedelta

import jwt
import pytest

from portal.admin import _accounts as accounts, _users as svc, api as admin_api
from portal.admin._db import users as users_db
from portal.db import audit
from portal.db.connection import transaction
from portal.errors import ValidationError
from portal.ui import session
from tests.app.helpers import app_as, texts

PW = "ett-långt-lösenord-1"
KEY = "test-cookie-key-" + "x" * 32


def admin():
    return users_db.get_user("admin")


def revoked_at(username: str):
    return users_db.get_user(username).sessions_revoked_at


def cookie(username: str, issued: datetime, days: float = 1.0) -> str:
    exp = (issued + timedelta(days=days)).timestamp()
    return jwt.encode({"username": username, "exp_date": exp}, KEY, algorithm="HS256")


@pytest.mark.parametrize(
    "change",
    [
        lambda: svc.set_role("ledamot", "partner", admin()),
        lambda: svc.disable_user("ledamot", admin()),
        lambda: svc.reset_password("ledamot", PW, admin()),
        lambda: accounts.change_password(users_db.get_user("ledamot"), "demo-ledamot", PW, PW),
        lambda: accounts.log_out("ledamot", datetime.now()),
    ],
    ids=["role", "disable", "reset", "own-change", "logout"],
)
def test_each_change_revokes_every_session_of_the_user(demo_db, change):
    before = datetime.now()
    assert revoked_at("ledamot") is None
    change()
    assert before <= revoked_at("ledamot") <= datetime.now()
    assert revoked_at("samordnare") is None  # nobody else's


def test_enabling_and_a_failed_login_do_not_revoke(demo_db):
    svc.enable_user("ledamot", admin())
    accounts.login_failed("ledamot", datetime.now())
    assert revoked_at("ledamot") is None


def test_lockout_revokes_and_logout_is_audited(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_LOCKOUT_ATTEMPTS", "2")
    now = datetime.now()
    accounts.login_failed("ledamot", now)
    assert revoked_at("ledamot") is None
    assert accounts.login_failed("ledamot", now) == "locked"
    assert revoked_at("ledamot") == now
    accounts.log_out("samordnare", now)
    df = audit.entries(entity="users")
    assert "logout" in list(df[df["entity_id"] == "samordnare"]["action"])


def test_a_revoked_write_rolls_back_with_its_change(demo_db):
    """The revocation is in the change's transaction: a refused change revokes nothing."""
    with pytest.raises(ValidationError):  # the last admin cannot lose the role
        svc.set_role("admin", "member", admin())
    assert revoked_at("admin") is None


def test_a_cookie_issued_before_the_revocation_is_refused(demo_db):
    issued = datetime.now() - timedelta(hours=1)
    token = cookie("ledamot", issued)
    assert session.cookie_session(token, KEY, datetime.now())[0] == "ledamot"
    accounts.log_out("ledamot", datetime.now())
    user = users_db.get_user("ledamot")
    found = session.cookie_session(token, KEY, datetime.now())
    assert found is not None and admin_api.revoked(user, found[1])
    fresh = session.cookie_session(cookie("ledamot", datetime.now()), KEY, datetime.now())
    assert not admin_api.revoked(user, fresh[1])


def test_an_open_session_ends_when_revoked_elsewhere(demo_db):
    at = app_as("ledamot")
    assert at.session_state["authentication_status"]
    svc.reset_password("ledamot", PW, admin())
    at.run()
    assert not at.session_state["authentication_status"]
    assert "Du har loggats ut" in texts(at)
    assert [ti.label for ti in at.text_input] == ["Användarnamn", "Lösenord"]


def test_an_idle_session_is_logged_out_with_a_clear_message(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_SESSION_IDLE_MINUTES", "30")
    at = app_as("ledamot")
    at.session_state["_session_seen"] = datetime.now() - timedelta(minutes=29)
    at.run()
    assert at.session_state["authentication_status"]
    at.session_state["_session_seen"] = datetime.now() - timedelta(minutes=31)
    at.run()
    assert not at.session_state["authentication_status"]
    assert "Du har loggats ut efter 30 minuter utan aktivitet" in texts(at)
    assert revoked_at("ledamot") is None  # idle ends this session only


def test_a_session_past_the_cookie_lifetime_ends_in_an_open_tab(demo_db):
    at = app_as("ledamot")
    at.session_state["_session_started"] = datetime.now() - timedelta(days=1, seconds=1)
    at.run()
    assert not at.session_state["authentication_status"]
    assert "Din inloggning har gått ut" in texts(at)


def test_the_idle_message_in_english(demo_db):
    at = app_as("ledamot")
    at.session_state["_session_seen"] = datetime.now() - timedelta(hours=2)
    at.session_state["lang"] = "en"
    at.run()
    assert "logged out after 60 minutes without activity" in texts(at)


def attempt(at, username: str, password: str):
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    next(b for b in at.button if b.label == "Logga in").click()
    at.run()


def test_a_client_over_its_limit_gets_no_form_and_no_account_is_charged(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_LOGIN_CLIENT_ATTEMPTS", "3")
    monkeypatch.setenv("PORTAL_LOCKOUT_ATTEMPTS", "5")
    at = app_as(None)
    for _ in range(3):
        attempt(at, "admin", "fel-lösenord-igen")
        assert "Fel användarnamn eller lösenord" in texts(at)
    at = app_as(None)  # a new session from the same client
    assert "För många misslyckade inloggningar" in texts(at)
    assert not at.text_input  # nothing to submit
    with transaction() as cur:
        assert users_db.login_state(cur, "admin") == (True, 3, None)  # never locked
    df = audit.entries(entity="users")
    assert "lock" not in list(df[df["entity_id"] == "admin"]["action"])


def test_successful_logins_do_not_count_against_the_client(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_LOGIN_CLIENT_ATTEMPTS", "2")
    for _ in range(3):
        at = app_as(None)
        attempt(at, "ledamot", "demo-ledamot")
        assert at.session_state["authentication_status"]
    assert app_as(None).text_input
