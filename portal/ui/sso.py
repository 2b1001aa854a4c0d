"""Single sign-on with OpenID Connect through Streamlit's own st.login / st.user
(Authlib), configured in .streamlit/secrets.toml as Streamlit documents it: [auth] with
redirect_uri (<base URL>/oauth2callback) and cookie_secret, and a provider table
[auth.<name>] with client_id, client_secret and server_metadata_url. The portal's own
settings ([sso] in secrets.toml or PORTAL_SSO_* variables, see portal/config.py) name
the provider's label, the claim that holds groups or roles, and the role mapping.

Streamlit keeps the identity in its own signed cookie; once per session the portal
matches it to an account by issuer and subject (portal.admin.api.sso_sign_in, audited),
and from then on the session is an ordinary login: session.current_user() re-reads the
account on every run, so a disabled account or a changed role counts at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import streamlit as st

from portal import config
from portal.admin import api as admin_api

_SIGNED_IN = "_sso_identity"  # (issuer, subject) this session has signed in as
REFUSED = "_sso_refused"  # the identity's account is disabled
FAILED = "_sso_failed"  # why matching the identity to an account failed
# ("login", provider key) or ("logout", ""): a redirect this session still has to make.
# Streamlit drops an unsent redirect when another run starts (the cookie component's
# rerun can come at any time), so every run sends it again until the browser leaves.
_REDIRECT = "_sso_redirect"


@dataclass(frozen=True)
class Provider:
    key: str  # the [auth.<key>] table, passed to st.login
    label: str  # shown as "Logga in med <label>"


def _secrets(section: str) -> Mapping[str, Any]:
    try:
        value = st.secrets.get(section)
    except (FileNotFoundError, KeyError, ValueError):  # no secrets file at all
        return {}
    return value if isinstance(value, Mapping) else {}


def _setting(name: str, key: str) -> Any:
    """A PORTAL_SSO_* variable, else [sso] <key> in the secrets."""
    return config.get(name) or _secrets("sso").get(key) or ""


def provider() -> Provider | None:
    """The configured OpenID Connect provider, or None when single sign-on is off."""
    auth = _secrets("auth")
    names = [k for k, v in auth.items() if isinstance(v, Mapping)]
    if not names or not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        return None
    wanted = str(_setting("PORTAL_SSO_PROVIDER", "provider") or names[0])
    if wanted not in names:
        return None
    return Provider(wanted, str(_setting("PORTAL_SSO_NAME", "name") or wanted))


def local_login() -> bool:
    """Whether the login page offers local accounts (always, without a provider)."""
    off = config.get("PORTAL_LOCAL_LOGIN").strip().lower() in ("off", "false", "0", "no")
    return not off or provider() is None


def rules() -> admin_api.SsoRules:
    roles = config.get("PORTAL_SSO_ROLES") or _secrets("sso").get("roles") or {}
    return admin_api.sso_rules(str(_setting("PORTAL_SSO_ROLE_CLAIM", "role_claim")), roles)


def signed_in_with_provider() -> bool:
    """Whether Streamlit holds a provider identity for this browser (its cookie)."""
    return bool(st.user.get("is_logged_in", False))


def sign_in_from_identity() -> admin_api.User | None:
    """Once per session: the active account of the identity Streamlit holds, or None.

    Sets REFUSED when the identity's account is disabled (the login page says so).
    """
    if provider() is None or not signed_in_with_provider():
        return None
    claims = st.user.to_dict()
    key = (str(claims.get("iss")), str(claims.get("sub")))
    if st.session_state.get(_SIGNED_IN) == key:
        return None  # done for this session; current_user() re-reads the account
    st.session_state[_SIGNED_IN] = key
    identity = admin_api.SsoIdentity.from_claims(claims)
    user = admin_api.sso_sign_in(identity, rules(), datetime.now())
    st.session_state[REFUSED] = not user.active
    return user if user.active else None


def issued_at() -> datetime | None:
    """When the provider issued the identity Streamlit holds (the ID token's "iat"),
    so that a revocation also ends a provider session that is restored on reload."""
    if not signed_in_with_provider():
        return None
    iat = st.user.get("iat")
    if isinstance(iat, bool) or not isinstance(iat, int | float):
        return None
    try:
        # "iat" is in whole seconds: a token of second N was issued before N + 1, and a
        # sign-in in the same second as a logout must not count as before it.
        return datetime.fromtimestamp(math.floor(iat) + 1)
    except (OverflowError, OSError, ValueError):
        return None


def log_out() -> bool:
    """End the provider session kept by Streamlit (its identity cookie). True when the
    browser is being sent to Streamlit's logout (and the provider's end-session page)."""
    for key in (_SIGNED_IN, REFUSED, FAILED):
        st.session_state.pop(key, None)
    if not signed_in_with_provider():
        return False
    st.session_state[_REDIRECT] = ("logout", "")
    redirect_pending()
    return True  # pragma: no cover - redirect_pending() stops the run


def log_in(provider: Provider) -> None:
    """Send the browser to the provider (through Streamlit's /auth/login)."""
    st.session_state[_REDIRECT] = ("login", provider.key)
    redirect_pending()


def redirect_pending() -> None:
    """(Re)send a pending login or logout redirect and end the run; nothing else runs
    in this session until the browser has left."""
    pending = st.session_state.get(_REDIRECT)
    if not pending:
        return
    action, key = pending
    if action == "login":
        st.login(key)
    else:
        st.logout()
    st.stop()
