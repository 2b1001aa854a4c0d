"""The login page (logged-out default page).

With an OpenID Connect provider configured (portal/ui/sso.py) it shows "Logga in med
<provider>" first; the local form stays unless PORTAL_LOCAL_LOGIN=off.

streamlit-authenticator renders the form and checks the bcrypt hash; this page does the
bookkeeping around it: a successful login is recorded, a failed one counts towards the
account's lockout and the client's limit (portal/admin/_accounts.py, _throttle.py); a
client over its limit gets no form at all, so its attempts never reach any account.
The status is cleared before the form runs so that "False" afterwards means a password
was submitted and refused in this very run.
"""

from __future__ import annotations

import math
from datetime import datetime

import pandas as pd
import streamlit as st

from portal import config
from portal.admin import api as accounts
from portal.i18n import formats, t
from portal.ui import session, sso
from portal.ui.text import table


def render() -> None:
    st.title(t("common.app_name"))
    _why_logged_out()
    st.write(t("auth.intro"))
    provider = sso.provider()
    if provider is not None:
        _single_sign_on(provider)
    if sso.local_login():
        _local_form()
        _demo_accounts()


def _demo_accounts() -> None:
    """A demo database lists its accounts so a newcomer can try every role; a real
    database shows nothing here (admin_api.demo_accounts is empty)."""
    rows = accounts.demo_accounts()
    if not rows:
        return
    with st.expander(t("auth.demo_accounts"), icon=":material/science:"):
        st.caption(t("auth.demo_accounts_help"))
        table(
            pd.DataFrame(
                [(user, t(f"common.roles.{role}"), password) for user, role, password in rows],
                columns=[t("auth.username"), t("auth.demo_role"), t("auth.password")],
            ),
            hide_index=True,
        )


def _single_sign_on(provider: sso.Provider) -> None:
    """The provider's button; or, for an identity whose account is disabled (or could
    not be matched), why, and a way to sign out of it."""
    failed = st.session_state.get(sso.FAILED)
    if sso.signed_in_with_provider():
        if failed:
            st.error(t("auth.sso_failed", provider=provider.label, problem=failed))
        else:
            st.error(t("auth.sso_disabled"), icon=":material/block:")
        if st.button(t("auth.sso_logout", provider=provider.label), key="sso_logout"):
            sso.log_out()
        return
    if st.button(
        t("auth.sso_button", provider=provider.label),
        type="primary",
        icon=":material/login:",
        key="sso_login",
    ):
        sso.log_in(provider)
    if sso.local_login():
        st.caption(t("auth.sso_or_local"))


def _why_logged_out() -> None:
    """Why the last session ended, when the server ended it (not a plain logout)."""
    reason = st.session_state.get(session.ENDED)
    if reason == accounts.IDLE:
        minutes = config.get_float("PORTAL_SESSION_IDLE_MINUTES")
        shown = formats.number(minutes, 0 if minutes == int(minutes) else 1)
        st.warning(t("auth.ended_idle", minutes=shown), icon=":material/timer_off:")
    elif reason == accounts.EXPIRED:
        st.warning(t("auth.ended_expired"), icon=":material/timer_off:")
    elif reason == session.PASSWORD_CHANGED:
        st.success(t("auth.ended_password_changed"), icon=":material/check_circle:")
    elif reason == accounts.REVOKED:
        st.warning(t("auth.ended_revoked"), icon=":material/logout:")


def _client() -> str | None:
    """The client's address; None on loopback (and anything that is not an address)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else None


def _client_blocked(now: datetime) -> bool:
    """Refuse the form to a client with too many recent failures (says until when)."""
    until = accounts.client_blocked_until(_client(), now)
    if until is None:
        return False
    minutes = max(1, math.ceil((until - now).total_seconds() / 60))
    st.error(t("auth.client_blocked", minutes=minutes), icon=":material/block:")
    return True


def _local_form() -> None:
    if _client_blocked(datetime.now()):
        return
    auth = session.authenticator()
    fields = {
        "Form name": t("auth.form_name"),
        "Username": t("auth.username"),
        "Password": t("auth.password"),
        "Login": t("auth.submit"),
    }
    session.ignore_rejected_cookie()
    if st.session_state.get("authentication_status") is False:
        st.session_state["authentication_status"] = None
    try:
        auth.login(location="main", fields=fields, key="login_form")
    except Exception:
        st.session_state["authentication_status"] = None  # e.g. a cookie of a disabled user
    status = st.session_state.get("authentication_status")
    now = datetime.now()
    if status:
        accounts.record_login(st.session_state["username"], now)
        session.logged_in(st.session_state["username"])
        st.rerun()
    elif status is False:
        accounts.client_failed(_client(), now)
        failed = _failed_usernames(auth)
        for username in failed:
            accounts.login_failed(username, now)
        if not failed:  # not an active user: same message, same bcrypt work
            accounts.login_failed(None, now)
        st.error(t("auth.wrong"), icon=":material/error:")


def _failed_usernames(auth) -> list[str]:
    """Known usernames whose password the library refused in this run."""
    creds = auth.authentication_controller.authentication_model.credentials["usernames"]
    return [u for u, c in creds.items() if c.get("failed_login_attempts")]
