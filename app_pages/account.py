"""Mitt konto: every user changes their own password (and must, after an admin reset),
and chooses their e-mail digest and calendar feed."""

import streamlit as st

from portal.admin import api as accounts
from portal.admin.api import MIN_PASSWORD
from portal.errors import PortalError, ValidationError
from portal.i18n import t
from portal.ui import a11y, guard, notify_widgets, session, sso
from portal.ui.forms import show_error
from portal.ui.text import escape_md

# The widget key of each field a refusal can name (ValidationError.problems).
FIELDS = {"current": "account_current", "password": "account_new", "repeat": "account_repeat"}


def _field_errors(exc: ValidationError) -> None:
    """Each refused field's message, linked to its input for screen readers (aria-invalid,
    aria-describedby); a message that names no field is shown as it is."""
    named = {where: p for where, p in exc.problems.items() if where in FIELDS}
    if not named:
        show_error(exc)
        return
    for where, problem in named.items():
        with st.container(key=f"{FIELDS[where]}_error"):
            st.error(escape_md(str(problem)), icon=":material/error:")
        a11y.mark_invalid(FIELDS[where], f"{FIELDS[where]}_error")


user = guard.page("account.manage")
st.title(t("account.title"))
st.markdown(
    t(
        "account.signed_in_as",
        name=escape_md(user.name),
        username=escape_md(user.username),
        role=t(f"common.roles.{user.role}"),
    )
)

if user.must_change_password:
    st.warning(t("account.must_change"), icon=":material/lock_reset:")

if user.sso:
    # no local password: the identity provider manages it
    provider = sso.provider()
    st.info(t("account.sso_managed", provider=provider.label if provider else "SSO"))
    st.stop()

st.subheader(t("account.change_heading"))
st.caption(t("account.rules", n=MIN_PASSWORD))
with st.form("change_password", clear_on_submit=True):
    current = st.text_input(
        t("account.current"),
        type="password",
        autocomplete="current-password",
        key=FIELDS["current"],
    )
    new = st.text_input(
        t("account.new"), type="password", autocomplete="new-password", key=FIELDS["password"]
    )
    repeat = st.text_input(
        t("account.repeat"), type="password", autocomplete="new-password", key=FIELDS["repeat"]
    )
    submitted = st.form_submit_button(t("account.submit"), type="primary")

if submitted:
    try:
        accounts.change_password(user, current, new, repeat)
    except ValidationError as exc:
        _field_errors(exc)
    except PortalError as exc:
        show_error(exc)
    else:
        # Every session of the user has ended, this one too: log in with the new password.
        session.password_changed()
        st.rerun()

if user is not None and not user.must_change_password:
    notify_widgets.mail_and_calendar(user)
