"""Lockout through the real login form (AppTest) and the accounts service."""

import time
from datetime import datetime, timedelta

import pytest

from portal.actor import SYSTEM
from portal.admin import _accounts as accounts
from portal.admin._db import users as users_db
from portal.db import audit
from portal.db.connection import transaction
from tests.app.helpers import app_as, texts


def attempt(username: str, password: str):
    at = app_as(None)
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    next(b for b in at.button if b.label == "Logga in").click()
    at.run()
    return at


def actions(username: str) -> list[str]:
    df = audit.entries(entity="users")
    return list(df[df["entity_id"] == username]["action"])[::-1]


def test_five_failures_lock_even_the_right_password_out(demo_db):
    for _ in range(5):
        at = attempt("ledamot", "fel-lösenord")
        assert "Fel användarnamn eller lösenord" in texts(at)
    assert actions("ledamot").count("login_failed") == 5
    assert "lock" in actions("ledamot")
    at = attempt("ledamot", "demo-ledamot")
    assert at.session_state["authentication_status"] is not True
    assert "Fel användarnamn eller lösenord" in texts(at)  # same message as any failure
    assert actions("ledamot")[-1] == "login_refused_locked"


def test_lock_expires_after_the_configured_minutes(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_LOCKOUT_ATTEMPTS", "2")
    monkeypatch.setenv("PORTAL_LOCKOUT_MINUTES", "1")
    now = datetime.now()
    assert accounts.login_failed("ledamot", now) == "failed"
    assert accounts.login_failed("ledamot", now) == "locked"
    assert "ledamot" in accounts.login_credentials(now)  # listed, but with a dead hash
    from portal.admin import _passwords as passwords

    assert not passwords.check_password(
        "demo-ledamot", accounts.login_credentials(now)["ledamot"]["password"]
    )
    later = now + timedelta(minutes=1, seconds=1)
    assert passwords.check_password(
        "demo-ledamot", accounts.login_credentials(later)["ledamot"]["password"]
    )
    accounts.record_login("ledamot", later)
    with transaction() as cur:
        assert users_db.login_state(cur, "ledamot") == (True, 0, None)


def test_unknown_and_disabled_names_get_the_same_answer(demo_db):
    from portal.admin._users import disable_user

    disable_user("partner", actor=SYSTEM)
    texts_seen = set()
    for name in ("finns-inte", "partner", "ledamot"):
        at = attempt(name, "fel-lösenord-här")
        assert at.session_state["authentication_status"] is False
        texts_seen.add(next(e.value for e in at.error))
    assert len(texts_seen) == 1
    df = audit.entries(entity="users")
    anonymous = df[df["actor"] == "anonymous"]
    assert len(anonymous) == 2 and anonymous["entity_id"].isna().all()
    assert "finns-inte" not in df.to_csv()  # the typed name is not stored


def test_unknown_name_costs_the_same_bcrypt_work(demo_db):
    def timed(fn) -> float:
        best = 1e9
        for _ in range(3):
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
        return best

    from portal.admin import _passwords as passwords

    real = accounts.login_credentials(datetime.now())["ledamot"]["password"]
    known = timed(lambda: passwords.check_password("fel", real))
    unknown = timed(lambda: passwords.spend_check_time("fel"))
    assert unknown > known * 0.5, (known, unknown)


@pytest.mark.parametrize("limit", ["3"])
def test_lockout_attempts_are_configurable(demo_db, monkeypatch, limit):
    monkeypatch.setenv("PORTAL_LOCKOUT_ATTEMPTS", limit)
    now = datetime.now()
    results = [accounts.login_failed("samordnare", now) for _ in range(3)]
    assert results == ["failed", "failed", "locked"]
    assert accounts.login_failed("samordnare", now) == "refused_locked"
