"""The account page's e-mail and calendar section: digest frequency, mail language and
the private calendar feed URL (with "Ny länk", which revokes the old one)."""

from __future__ import annotations

import streamlit as st

from portal.admin.api import User
from portal.i18n import LANGS, t
from portal.notify import api as notify_api
from portal.ui import forms

_LANG_NAMES = {"sv": "Svenska", "en": "English"}


def mail_and_calendar(user: User) -> None:
    st.subheader(t("notify.heading"))
    forms.flash()
    _mail_status(user)
    _mail_form(user)
    _feed(user)


def _mail_status(user: User) -> None:
    if not notify_api.configured():
        st.info(t("notify.no_smtp"), icon=":material/mail_off:")
    elif not user.email.strip():
        st.warning(t("notify.no_email"), icon=":material/mail_off:")
    else:
        # The address is text (st.text): an address is never read as Markdown.
        st.text(t("notify.smtp_on", email=user.email))


def _mail_form(user: User) -> None:
    digest, lang = notify_api.mail_choices(user)
    forms.errors("notify_prefs")
    with st.form("notify_prefs"):
        chosen_digest = st.radio(
            t("notify.digest_label"),
            notify_api.FREQUENCIES,
            index=notify_api.FREQUENCIES.index(digest),
            format_func=lambda f: t(f"notify.frequencies.{f}"),
            horizontal=True,
        )
        chosen_lang = st.radio(
            t("notify.lang_label"),
            LANGS,
            index=LANGS.index(lang),
            format_func=_LANG_NAMES.__getitem__,
            horizontal=True,
        )
        if st.form_submit_button(t("notify.save")):
            forms.submit(
                "notify_prefs",
                lambda: notify_api.save_mail_choices(user, chosen_digest, chosen_lang),
                t("notify.saved"),
            )


def _feed(user: User) -> None:
    st.markdown(f"**{t('notify.feed_heading')}**")
    st.caption(t("notify.feed_help"))
    url = notify_api.current_feed(user)
    if url:
        st.text(t("notify.feed_label"))
        st.code(url, language=None, wrap_lines=True)
        label, done = t("notify.feed_new"), t("notify.feed_made")
    else:
        st.text(t("notify.feed_none"))
        label, done = t("notify.feed_create"), t("notify.feed_created")
    if st.button(label, help=t("notify.feed_new_help") if url else None, key="notify_new_feed"):
        forms.submit("notify_feed", lambda: notify_api.new_feed(user), done)
    forms.errors("notify_feed")
