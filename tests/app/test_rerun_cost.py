"""What must not happen on an ordinary rerun: connecting, migrating, building the
authenticator, hashing or checking a password. Counted with spies around the real
functions (the database stays real)."""

from __future__ import annotations

from collections import Counter

import bcrypt
import duckdb
import pytest
import streamlit_authenticator as stauth

from portal import auth
from portal.db import migrations
from tests.app.helpers import app_as

pytestmark = pytest.mark.usefixtures("demo_db")


def _spy(monkeypatch: pytest.MonkeyPatch, calls: Counter, owner, name: str) -> None:
    real = getattr(owner, name)

    def counting(*args, **kwargs):
        calls[name] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)


@pytest.mark.parametrize("username", ["processledare", "ledamot", "samordnare"])
def test_reruns_do_no_setup_work(monkeypatch: pytest.MonkeyPatch, username: str) -> None:
    at = app_as(username)
    page = next(spec.path for spec in auth.PAGES if spec.url_path == "handlingsplan")
    at.switch_page(page)
    at.run()
    calls: Counter = Counter()
    for owner, name in [
        (duckdb, "connect"),
        (migrations, "migrate"),
        (bcrypt, "hashpw"),
        (bcrypt, "checkpw"),
        (stauth, "Authenticate"),
    ]:
        _spy(monkeypatch, calls, owner, name)
    for _ in range(3):
        at.run()
        assert not at.exception
    assert calls == Counter()
