"""Single sign-on accounts: the person the identity provider vouches for, matched by the
provider's issuer and stable subject (`iss` + `sub`), never by name or e-mail.

At every sign-in the provider's claims decide the role through the configured mapping
(claim value -> portal role). A person whose claims map to no role gets an account with
no role (auth.NO_ROLE: only /stod and /konto) until an administrator assigns one; a role
an administrator assigned stays when the claims map to nothing, a role that came from
the claims follows them. First sign-in, each sign-in and each role change from claims
is written to the audit log in the same transaction. The account's active flag is
checked by the shell on every run, so disabling an SSO user on /admin stops them too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from portal.admin._db import sso as sso_db, users as users_db
from portal.admin._db.users import User
from portal.auth import NO_ROLE, ROLES
from portal.db import audit
from portal.db.connection import Cursor, transaction
from portal.errors import ConfigError, PortalError

_SLUG = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True)
class SsoRules:
    """Which claim holds the person's groups or roles, and what each value maps to."""

    claim: str = "groups"
    roles: Mapping[str, str] = field(default_factory=dict)

    def role_for(self, claims: Mapping[str, Any]) -> str | None:
        """The most privileged mapped role among the claim's values (ROLES order)."""
        values = _claim_values(claims, self.claim)
        mapped = {self.roles[v] for v in values if v in self.roles}
        return next((role for role in ROLES if role in mapped), None)


def sso_rules(claim: str, roles: Mapping[str, Any] | str) -> SsoRules:
    """Rules from settings: `roles` is a table or "value=role, value=role" text."""
    if isinstance(roles, str):
        pairs = [p.partition("=") for p in re.split(r"[,\n;]", roles) if p.strip()]
        table = {k.strip(): v.strip() for k, _, v in pairs}
    else:
        table = {str(k): str(v) for k, v in roles.items()}
    wrong = sorted(v for v in table.values() if v not in ROLES)
    if wrong:
        raise ConfigError(
            f"SSO role mapping names unknown roles {wrong}; use one of: {', '.join(ROLES)}"
        )
    return SsoRules(claim=claim.strip() or "groups", roles=table)


def _claim_values(claims: Mapping[str, Any], path: str) -> list[str]:
    """Values of a claim; a dotted path reaches nested claims (Keycloak's
    realm_access.roles). A single string counts as one value."""
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


@dataclass(frozen=True)
class SsoIdentity:
    issuer: str
    subject: str
    name: str
    email: str
    claims: Mapping[str, Any]
    issued_at: datetime | None = None

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> SsoIdentity:
        issuer, subject = claims.get("iss"), claims.get("sub")
        if not isinstance(issuer, str) or not issuer or not isinstance(subject, str) or not subject:
            raise PortalError("the identity provider sent no issuer or subject")
        email = str(claims.get("email") or "")
        name = str(claims.get("name") or claims.get("preferred_username") or email or subject)
        iat = claims.get("iat")
        issued = datetime.fromtimestamp(iat) if isinstance(iat, int | float) else None
        return cls(issuer, subject, name[:200], email[:200], dict(claims), issued)


def sso_sign_in(identity: SsoIdentity, rules: SsoRules, now: datetime) -> User:
    """The portal account of this identity (made at the first sign-in), with its role
    brought in line with the claims; audited. The caller checks `active`."""
    mapped = rules.role_for(identity.claims)
    with transaction() as cur:
        row = sso_db.find(cur, identity.issuer, identity.subject)
        if row is None:
            username = _new_username(cur, identity)
            sso_db.insert(
                cur,
                username,
                identity.name,
                identity.email,
                mapped,
                identity.issuer,
                identity.subject,
            )
            audit.record(
                cur,
                username,
                "sso_first_login",
                "users",
                username,
                None,
                {"issuer": identity.issuer, "role": mapped or NO_ROLE},
            )
            last_login = None
        else:
            username = row["username"]
            _follow_claims(cur, row, identity, mapped)
            last_login = row["last_login"]
        _record_sign_in(cur, username, identity, last_login, now)
    user = users_db.get_user(username)
    if user is None:  # pragma: no cover - the row was written above
        raise PortalError("the account could not be read")
    return user


def _follow_claims(
    cur: Cursor, row: dict[str, Any], identity: SsoIdentity, mapped: str | None
) -> None:
    username = row["username"]
    if (row["name"], row["email"]) != (identity.name, identity.email):
        sso_db.update_profile(cur, username, identity.name, identity.email)
    current = row["role"]
    if mapped is not None:
        new = mapped
    elif row["role_from_claims"]:
        new = None  # the claim that gave the role is gone
    else:
        new = current  # an administrator's choice (or none) stays
    if new != current or (mapped is not None and not row["role_from_claims"]):
        sso_db.set_role_from_claims(cur, username, new)
    if new != current:
        audit.record(
            cur,
            username,
            "sso_role_from_claims",
            "users",
            username,
            {"role": current or NO_ROLE},
            {"role": new or NO_ROLE, "from": "claims" if mapped else "no mapped claim"},
        )


def _record_sign_in(
    cur: Cursor, username: str, identity: SsoIdentity, last: datetime | None, now: datetime
) -> None:
    """One audit entry per sign-in at the provider: a new session restored from the same
    sign-in (same token issue time) is not a new sign-in."""
    when = identity.issued_at or now
    if last is not None and identity.issued_at is not None and last == when:
        return
    sso_db.mark_login(cur, username, when)
    active = users_db.snapshot(cur, username)
    action = "sso_login" if active and active["active"] else "sso_login_refused"
    audit.record(cur, username, action, "users", username, None, {"issuer": identity.issuer})


def _new_username(cur: Cursor, identity: SsoIdentity) -> str:
    """A readable, unique account name; only a label: matching is by issuer and subject."""
    hint = str(identity.claims.get("preferred_username") or identity.email.split("@")[0] or "")
    base = "sso-" + (_SLUG.sub("-", hint.lower()).strip("-._")[:30] or "user")
    username, n = base, 1
    while sso_db.username_taken(cur, username):
        n += 1
        username = f"{base}-{n}"
    return username
