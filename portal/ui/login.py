"""The login page (logged-out default page).

streamlit-authenticator renders the form and checks the bcrypt hash; this page does the
bookkeeping around it: a successful login is recorded, a failed one counts towards the
lockout (portal.services.accounts). The status is cleared before the form runs so that
"False" afterwards means a password was submitted and refused in this very run.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from portal.admin import api as accounts
from portal.i18n import t
from portal.ui import session


def render() -> None:
    st.title(t("common.app_name"))
    st.write(t("auth.intro"))
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
