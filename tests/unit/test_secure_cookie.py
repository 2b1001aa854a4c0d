"""Over https the login cookie is written with the Secure attribute (issue 23, item 11)."""

from __future__ import annotations

import pytest
import streamlit_authenticator as stauth

from portal.ui import session


@pytest.mark.parametrize(
    "url,proto,expected",
    [
        ("https://portal.kommun.se/oversikt", None, True),
        ("HTTPS://portal.kommun.se/", None, True),
        ("http://127.0.0.1:8501/", "https", True),  # behind a TLS-ending proxy
        ("http://127.0.0.1:8501/", "https, http", True),
        ("http://127.0.0.1:8501/", "http", False),
        ("http://127.0.0.1:8501/", None, False),
        (None, None, False),
        ("http://portal.kommun.se/https://", "", False),
    ],
)
def test_served_over_https(url, proto, expected):
    assert session.served_over_https(url, proto) is expected


def _authenticator() -> stauth.Authenticate:
    return stauth.Authenticate(
        {"usernames": {}},
        cookie_name=session.COOKIE_NAME,
        cookie_key="k" * 40,
        cookie_expiry_days=1,
        auto_hash=False,
    )


def _options_sent(authenticator: stauth.Authenticate) -> dict:
    """What the cookie component would be asked to write (the browser side is replaced
    by a recorder: no browser runs in a unit test)."""
    manager = authenticator.cookie_controller.cookie_model.cookie_manager
    sent: dict = {}
    manager.cookie_manager = lambda **kw: sent.update(kw)
    authenticator.cookie_controller.cookie_model.set_cookie()
    return sent["options"]


def test_the_cookie_is_secure_only_when_asked_for():
    plain = _authenticator()
    assert "secure" not in _options_sent(plain)
    secure = _authenticator()
    session._secure_cookie(secure)
    options = _options_sent(secure)
    assert options["secure"] is True and options["sameSite"] == "strict"
