"""The login page (logged-out default page)."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from portal.i18n import t
from portal.services import accounts
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
    try:
        auth.login(location="main", fields=fields, key="login_form")
    except Exception:  # noqa: BLE001 - the library raises LoginError for unknown states
        st.session_state["authentication_status"] = None  # e.g. a cookie of a disabled user
    accounts.record_failed_logins(_failed_attempts(auth))
    status = st.session_state.get("authentication_status")
    if status:
        accounts.record_login(st.session_state["username"], datetime.now())
        session.logged_in(st.session_state["username"])
        st.rerun()
    elif status is False:
        st.error(t("auth.wrong"), icon=":material/error:")


def _failed_attempts(auth) -> dict[str, int]:
    """Failed attempts the library counted in this run, per username."""
    creds = auth.authentication_controller.authentication_model.credentials["usernames"]
    return {u: c.get("failed_login_attempts", 0) for u, c in creds.items()
            if c.get("failed_login_attempts")}
