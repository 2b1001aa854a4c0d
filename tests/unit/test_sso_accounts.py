"""Single sign-on accounts on a real database: matching by issuer + subject, roles from
claims, no role, what an administrator assigned, audit entries, no local password."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from portal.actor import SYSTEM
from portal.admin import api as admin_api
from portal.db.connection import cursor
from portal.errors import ConfigError, ValidationError

RULES = admin_api.sso_rules(
    "groups", "sos-admin=admin, sos-samordnare=coordinator, sos-ledamot=member"
)
ISS = "https://login.example.se/tenant/v2.0"


def _sign_in(sub: str, iss: str = ISS, iat: int | None = None, **claims):
    body = {"iss": iss, "sub": sub, "iat": iat or int(datetime.now().timestamp()), **claims}
    identity = admin_api.SsoIdentity.from_claims(body)
    return admin_api.sso_sign_in(identity, RULES, datetime.now())


def _audit(username: str) -> list[tuple[str, dict | None]]:
    with cursor() as cur:
        rows = cur.execute(
            "SELECT action, after_json FROM audit_log WHERE actor = ? ORDER BY id", [username]
        ).fetchall()
    return [(action, json.loads(after) if after else None) for action, after in rows]


def test_the_most_privileged_mapped_value_wins_and_nested_claims_are_read():
    claims = {"groups": ["sos-ledamot", "sos-samordnare", "other"]}
    assert RULES.role_for(claims) == "coordinator"
    assert RULES.role_for({"groups": "sos-admin"}) == "admin"
    assert RULES.role_for({"groups": ["x"]}) is None and RULES.role_for({}) is None
    keycloak = admin_api.sso_rules("realm_access.roles", {"sos-ledamot": "member"})
    assert keycloak.role_for({"realm_access": {"roles": ["sos-ledamot"]}}) == "member"
    with pytest.raises(ConfigError):
        admin_api.sso_rules("groups", "g=superuser")


def test_first_sign_in_makes_an_account_matched_by_issuer_and_subject(demo_db):
    anna = _sign_in(
        "s-1", iat=1_800_000_000, name="Anna", email="anna@kommun.se", groups=["sos-samordnare"]
    )
    assert (anna.username, anna.role, anna.sso, anna.active) == (
        "sso-anna",
        "coordinator",
        True,
        True,
    )
    # same e-mail and name from another subject, or the same subject at another issuer:
    # other people, other accounts
    twin = _sign_in("s-2", name="Anna", email="anna@kommun.se", groups=["sos-samordnare"])
    other_idp = _sign_in("s-1", iss="https://idp.other.se", name="Anna", email="anna@kommun.se")
    assert len({anna.username, twin.username, other_idp.username}) == 3
    assert other_idp.role == "none"
    again = _sign_in(
        "s-1", iat=1_800_000_100, name="Anna Ny", email="anna@kommun.se", groups=["sos-samordnare"]
    )
    assert (again.username, again.name) == ("sso-anna", "Anna Ny")
    actions = [a for a, _ in _audit("sso-anna")]
    assert actions == ["sso_first_login", "sso_login", "sso_login"]
    assert _audit("sso-anna")[0][1] == {"issuer": ISS, "role": "coordinator"}


def test_the_same_sign_in_seen_again_is_not_audited_twice(demo_db):
    _sign_in("s-9", iat=1_800_000_000, email="bo@kommun.se")
    _sign_in("s-9", iat=1_800_000_000, email="bo@kommun.se")  # a reload, same token
    _sign_in("s-9", iat=1_800_000_500, email="bo@kommun.se")  # a new sign-in
    assert [a for a, _ in _audit("sso-bo")] == ["sso_first_login", "sso_login", "sso_login"]


def test_roles_follow_the_claims_but_an_administrators_choice_stays(demo_db):
    user = _sign_in("s-3", email="cia@kommun.se", groups=["sos-ledamot"])
    assert user.role == "member"
    assert _sign_in("s-3", email="cia@kommun.se", groups=["sos-admin"]).role == "admin"
    # the group is taken away at the provider: the role from the claims goes too
    assert _sign_in("s-3", email="cia@kommun.se", groups=[]).role == "none"
    changes = [after for action, after in _audit("sso-cia") if action == "sso_role_from_claims"]
    assert changes == [
        {"role": "admin", "from": "claims"},
        {"role": "none", "from": "no mapped claim"},
    ]
    # an administrator assigns a role: unmapped claims leave it alone
    admin_api.set_role("sso-cia", "process_leader", SYSTEM)
    assert _sign_in("s-3", email="cia@kommun.se", groups=["nothing"]).role == "process_leader"
    # a mapped claim still decides
    assert _sign_in("s-3", email="cia@kommun.se", groups=["sos-ledamot"]).role == "member"


def test_sso_accounts_have_no_local_password(demo_db):
    _sign_in("s-4", email="dan@kommun.se", groups=["sos-admin"])
    assert "sso-dan" not in admin_api.login_credentials(datetime.now())
    with pytest.raises(ValidationError, match="single sign-on"):
        admin_api.reset_password("sso-dan", "ett-långt-lösenord-9", SYSTEM)
    listed = admin_api.list_users(SYSTEM).set_index("username")
    assert bool(listed.loc["sso-dan", "sso"]) and not bool(listed.loc["admin", "sso"])


def test_a_disabled_account_signing_in_is_refused_and_audited(demo_db):
    _sign_in("s-5", iat=1_800_000_000, email="eva@kommun.se", groups=["sos-ledamot"])
    admin_api.disable_user("sso-eva", SYSTEM)
    user = _sign_in("s-5", iat=1_800_000_900, email="eva@kommun.se", groups=["sos-ledamot"])
    assert not user.active
    assert [a for a, _ in _audit("sso-eva")][-1] == "sso_login_refused"


def test_an_identity_without_issuer_or_subject_is_refused():
    with pytest.raises(Exception, match="issuer or subject"):
        admin_api.SsoIdentity.from_claims({"sub": "x"})
