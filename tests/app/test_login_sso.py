"""The login page with a single sign-on provider configured in the secrets: the
provider's button in Swedish and English, the local form kept or switched off, and the
admin page's role picker for an account that has no role."""

from datetime import datetime

from streamlit.testing.v1 import AppTest

from portal import ROOT
from portal.admin import api as admin_api
from tests.app.helpers import TIMEOUT, app_as

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "app-test-cookie-secret-" + "x" * 20,
    "kommunen": {
        "client_id": "sos",
        "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
    },
}


def _login_page(sso: dict | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=TIMEOUT)
    at.secrets["auth"] = AUTH
    at.secrets["sso"] = sso or {}
    if lang:
        at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    return at


def test_the_provider_button_is_shown_beside_the_local_form(demo_db):
    at = _login_page({"name": "Kommunens inloggning"})
    labels = [b.label for b in at.button]
    assert "Logga in med Kommunens inloggning" in labels
    assert [ti.label for ti in at.text_input] == ["Användarnamn", "Lösenord"]
    english = _login_page({"name": "Municipal login"}, lang="en")
    assert "Sign in with Municipal login" in [b.label for b in english.button]


def test_without_a_name_the_button_names_the_provider_key(demo_db):
    assert "Logga in med kommunen" in [b.label for b in _login_page().button]


def test_local_login_can_be_switched_off_only_with_a_provider(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_LOCAL_LOGIN", "off")
    at = _login_page({"name": "Kommunens inloggning"})
    assert not at.text_input
    assert [b.label for b in at.button] == ["Logga in med Kommunens inloggning"]
    # no provider configured: the local form stays, or nobody could sign in
    plain = app_as(None)
    assert [ti.label for ti in plain.text_input] == ["Användarnamn", "Lösenord"]


def test_admin_assigns_a_role_to_an_account_without_one(demo_db):
    identity = admin_api.SsoIdentity.from_claims(
        {"iss": "https://idp.example.se", "sub": "x-1", "preferred_username": "ny", "groups": []}
    )
    rules = admin_api.sso_rules("groups", {})
    assert admin_api.sso_sign_in(identity, rules, datetime.now()).role == "none"
    at = app_as("admin", "app_pages/admin.py")
    at.selectbox(key="admin_target").select("sso-ny").run()
    role = next(s for s in at.selectbox if s.form_id == "change_role")
    assert role.value is None  # nothing pre-chosen for an account without a role
    role.select("member")
    next(b for b in at.button if b.form_id == "change_role").click()
    at.run()
    assert not at.exception and not at.error
    assert admin_api.get_user("sso-ny").role == "member"
