"""Every page URL for every role, logged out included: allowed, or refused with no data.

Table-driven from portal.auth.PAGES, so pages that other features add are covered as
soon as their file exists.
"""

from datetime import datetime

import pytest

from portal import auth
from portal.admin import api as admin_api
from portal.admin._db import users as users_db
from tests.app.helpers import app_as, page_as, texts

LOCAL = [None, "admin", "samordnare", "processledare", "ledamot", "partner"]
# The same roles held by single sign-on accounts (made through the real sign-in with
# mapped claims), and one whose claims map to no role.
SSO = [f"sso-{role}" for role in auth.ROLES] + ["sso-none"]
WHO = LOCAL + SSO
BUILT = [spec for spec in auth.PAGES if auth.built(spec)]


@pytest.fixture
def accounts(demo_db):
    rules = admin_api.sso_rules("groups", {f"g-{r}": r for r in auth.ROLES})
    for username in SSO:
        role = username.removeprefix("sso-")
        claims = {
            "iss": "https://idp.example.se",
            "sub": f"subject-{role}",
            "preferred_username": role,
            "groups": [f"g-{role}"],
        }
        made = admin_api.sso_sign_in(
            admin_api.SsoIdentity.from_claims(claims), rules, datetime.now()
        )
        assert (made.username, made.role, made.sso) == (username, role, True)
    return demo_db


def _role(username):
    return users_db.get_user(username).role if username else None


def test_the_matrix_is_not_empty():
    keys = {spec.key for spec in BUILT}
    assert {"admin", "account", "plan", "support"} <= keys


def test_an_account_without_a_role_sees_support_and_account_only():
    assert [p.key for p in auth.pages_for(auth.NO_ROLE)] == ["support", "account"]
    assert auth.default_page(auth.NO_ROLE) == "account"
    assert not auth.can(auth.NO_ROLE, "signals.handle")


@pytest.mark.parametrize("spec", BUILT, ids=lambda s: s.key)
def test_page_guard_for_every_role(accounts, spec):
    for username in WHO:
        allowed = auth.can(_role(username), spec.permission)
        at = page_as(username, spec.path)
        assert not at.exception, f"{spec.key} as {username}: {at.exception}"
        if allowed:
            forbidden = {"Du har inte behörighet", "Logga in för att"}
            assert not any(f in e.value for e in at.error for f in forbidden), (
                f"{spec.key} refused {username}"
            )
        else:
            assert len(at.error) == 1, f"{spec.key} did not refuse {username}"
            # nothing but the refusal: no tables, forms, buttons, downloads or text
            assert not at.dataframe and not at.table and not at.text_input
            assert not at.button and not at.get("download_button")
            assert texts(at).strip() == at.error[0].value.strip(), (
                f"{spec.key} showed data to {username}"
            )


@pytest.mark.parametrize("username", WHO)
def test_navigation_offers_exactly_the_allowed_pages(accounts, username):
    at = app_as(username)
    assert not at.exception
    role = _role(username)
    for spec in BUILT:
        if auth.can(role, spec.permission):
            at.switch_page(spec.path)
            at.run()
            assert not at.exception, f"{spec.key} as {username}"
        else:
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(spec.path)
