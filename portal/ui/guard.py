"""Page guards: every page checks the role itself, whatever the navigation showed."""

from __future__ import annotations

import streamlit as st

from portal import auth
from portal.admin.api import User
from portal.i18n import t


def page(permission: str) -> User | None:
    """The current user if they may see this page; otherwise explain and stop the page.

    Public pages (support.view) return None for a visitor who is not logged in.
    """
    user: User | None = st.session_state.get("user")
    role = user.role if user else None
    if not auth.can(role, permission):
        st.error(t("common.not_logged_in") if user is None else t("common.forbidden"))
        st.stop()
    return user


def role() -> str | None:
    user: User | None = st.session_state.get("user")
    return user.role if user else None
