"""Login cookie: signed with the configured key; tampering and foreign keys rejected;
a short key outside demo mode stops the portal before any login form."""

import base64
import json
from datetime import datetime, timedelta

import jwt
import pytest

from portal import config
from portal.db import meta
from portal.db.connection import transaction
from portal.ui.session import cookie_username
from tests.app.helpers import app_as, texts

KEY = "test-cookie-key-" + "x" * 32


def token(username="ledamot", key=KEY, days=1.0, alg="HS256"):
    exp = (datetime.now() + timedelta(days=days)).timestamp()
    return jwt.encode({"username": username, "exp_date": exp}, key, algorithm=alg)


def test_a_valid_cookie_names_its_user():
    assert cookie_username(token(), KEY) == "ledamot"


def test_a_modified_payload_is_rejected():
    head, body, sig = token("ledamot").split(".")
    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    data["username"] = "admin"
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    assert cookie_username(f"{head}.{forged}.{sig}", KEY) is None


def test_a_modified_signature_is_rejected():
    head, body, sig = token().split(".")
    flipped = sig[:-2] + ("AA" if sig[-2:] != "AA" else "BB")
    assert cookie_username(f"{head}.{body}.{flipped}", KEY) is None


@pytest.mark.parametrize(
    "bad",
    [
        token(key="another-key-that-is-long-enough-0000"),  # foreign key / key was changed
        token(days=-1),  # expired
        jwt.encode({"username": "admin", "exp_date": 9e9}, None, algorithm="none"),
        "not-a-jwt",
        "",
        "a.b.c",
    ],
)
def test_foreign_expired_unsigned_and_garbage_cookies_are_rejected(bad):
    assert cookie_username(bad, KEY) is None


def test_changing_the_key_logs_everyone_out():
    old = token(key=KEY)
    assert cookie_username(old, "a-brand-new-key-after-rotation-000000") is None


def test_short_key_refused_outside_demo_mode(db_path, monkeypatch):
    monkeypatch.setenv("PORTAL_COOKIE_KEY", "short")
    assert config.startup_problem(demo=False)
    assert config.startup_problem(demo=True) is None
    at = app_as(None)
    assert not at.exception
    assert "startar inte" in texts(at) and "32" in texts(at)
    assert not at.text_input  # no login form
    assert not at.button


def test_short_key_allowed_in_demo_mode(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_COOKIE_KEY", "short")
    at = app_as(None)
    assert [ti.label for ti in at.text_input] == ["Användarnamn", "Lösenord"]


def test_long_key_serves_login_outside_demo_mode(db_path):
    with transaction() as cur:
        meta.put(cur, "demo", "false")
    at = app_as(None)
    assert [ti.label for ti in at.text_input] == ["Användarnamn", "Lösenord"]
