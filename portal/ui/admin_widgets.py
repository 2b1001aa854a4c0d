"""Widgets of the admin page: user list, create user, change a user.

Every action goes through portal.services.users, which checks admin.manage itself and
writes the audit entry in the same transaction.
"""

from __future__ import annotations

import streamlit as st

from portal.admin import api as user_service
from portal.admin.api import MIN_PASSWORD, User
from portal.auth import ROLES
from portal.errors import PortalError
from portal.i18n import t
from portal.i18n.formats import stamp
from portal.ui import widgets
from portal.ui.forms import show_error

_FLASH = "admin_flash"


def _done(message: str) -> None:
    st.session_state[_FLASH] = message
    st.rerun()


def _role_name(role: str) -> str:
    return t(f"common.roles.{role}")


def users_section(user: User) -> None:
    if _FLASH in st.session_state:
        st.success(st.session_state.pop(_FLASH), icon=":material/check_circle:")
    users = user_service.list_users(user)
    table = users[
        [
            "username",
            "name",
            "email",
            "role",
            "active",
            "last_login",
            "locked_until",
            "must_change_password",
            "sso",
        ]
    ].copy()
    table["role"] = table["role"].map(_role_name)
    for column in ("last_login", "locked_until"):  # never a grey "None" for "not yet"
        table[column] = [stamp(v, with_time=True) for v in table[column]]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "username": t("admin.col_username"),
            "name": t("admin.col_name"),
            "email": t("admin.col_email"),
            "role": t("admin.col_role"),
            "active": st.column_config.CheckboxColumn(t("admin.col_active")),
            "last_login": t("admin.col_last_login"),
            "locked_until": t("admin.col_locked_until"),
            "must_change_password": st.column_config.CheckboxColumn(t("admin.col_must_change")),
            "sso": st.column_config.CheckboxColumn(t("admin.col_sso")),
        },
    )
    left, right = st.columns(2)
    with left:
        _create_form(user)
    with right:
        _manage(user, list(users["username"]))


def _create_form(user: User) -> None:
    st.subheader(t("admin.create_heading"))
    with st.form("create_user", clear_on_submit=False):
        username = widgets.helped(
            st.text_input, t("admin.col_username"), max_chars=40, help=t("admin.username_help")
        )
        name = st.text_input(t("admin.col_name"), max_chars=120)
        email = st.text_input(t("admin.col_email"), max_chars=200)
        role = widgets.select(
            t("admin.col_role"), ROLES, index=ROLES.index("member"), format_func=_role_name
        )
        password = widgets.helped(
            st.text_input,
            t("admin.temp_password"),
            type="password",
            autocomplete="new-password",
            help=t("admin.temp_password_help", n=MIN_PASSWORD),
        )
        submitted = st.form_submit_button(t("admin.create"), type="primary")
    if submitted:
        try:
            user_service.add_user(
                username.strip(),
                name,
                email.strip(),
                role,
                password,
                actor=user,
                must_change_password=True,
            )
        except PortalError as exc:
            show_error(exc)
        else:
            _done(t("admin.created", username=username.strip()))


def _manage(user: User, usernames: list[str]) -> None:
    st.subheader(t("admin.manage_heading"))
    if not usernames:
        return
    target = widgets.select(t("admin.pick_user"), usernames, key="admin_target")
    current = user_service.list_users(user).set_index("username").loc[target]
    with st.form("change_role"):
        role = widgets.select(
            t("admin.col_role"),
            ROLES,
            # an account without a role (single sign-on) starts with nothing chosen
            index=ROLES.index(current["role"]) if current["role"] in ROLES else None,
            format_func=_role_name,
        )
        if st.form_submit_button(t("admin.change_role")):
            chosen = role or ""  # nothing chosen: the service refuses with the role list
            _act(
                lambda: user_service.set_role(target, chosen, user),
                t("admin.role_changed", username=target, role=_role_name(chosen)),
            )
    if current["active"]:
        if st.button(t("admin.disable"), icon=":material/block:", key="admin_disable"):
            _act(
                lambda: user_service.set_active(target, False, user),
                t("admin.disabled", username=target),
            )
    elif st.button(t("admin.enable"), icon=":material/check:", key="admin_enable"):
        _act(
            lambda: user_service.set_active(target, True, user), t("admin.enabled", username=target)
        )
    with st.form("reset_password", clear_on_submit=True):
        password = widgets.helped(
            st.text_input,
            t("admin.temp_password"),
            type="password",
            autocomplete="new-password",
            help=t("admin.temp_password_help", n=MIN_PASSWORD),
        )
        if st.form_submit_button(t("admin.reset")):
            _act(
                lambda: user_service.reset_password(target, password, user),
                t("admin.reset_done", username=target),
            )


def _act(action, message: str) -> None:
    try:
        action()
    except PortalError as exc:
        show_error(exc)
    else:
        _done(message)
