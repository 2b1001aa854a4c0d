"""The app shell that main.py runs: language, login gate, role-based navigation, sidebar.

st.navigation is called on every run, logged out too. The page files live in app_pages/,
not pages/: with a pages/ folder beside app.py, Streamlit runs the first request after
a server start through its folder-based navigation, which cannot resolve our URLs (and
would run a page file without this shell).

Every role's start page sits behind a hidden default page at "/" that switches to it,
so the start page also answers at its own URL (/oversikt, /stodkatalog): Streamlit
serves a default page only at "/" and calls its own URL "not found".
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import streamlit as st

from portal import auth, config, startup
from portal.admin import api as admin_api
from portal.errors import PortalError
from portal.i18n import LANGS, set_lang, t
from portal.notify import api as notify_api
from portal.ui import a11y, login, session, sso, widgets
from portal.ui.text import escape_md

_LANG_NAMES = {"sv": "Svenska", "en": "English"}
# The favicon is our own file, sent inline: a ":material/..." page icon makes every
# visitor's browser fetch it from Google's font servers.
_FAVICON = Path(__file__).resolve().parent.parent / "assets" / "favicon.svg"


def run() -> None:
    st.set_page_config(page_title="SOS-portalen", page_icon=str(_FAVICON), layout="wide")
    _language()
    problem = config.startup_problem(admin_api.is_demo())
    if problem:
        # Still call st.navigation, with only the page that explains the refusal.
        st.navigation(
            [
                st.Page(
                    lambda: _refuse(problem), title="SOS-portalen", url_path="login", default=True
                )
            ]
        ).run()
        return
    startup.run_once()
    # The e-mail sender runs in this process (above start-up: its messages carry files
    # from the exports layer); it starts once, and only when an SMTP host is set.
    notify_api.start_sender()
    sso.redirect_pending()
    _single_sign_on()
    session.restore_from_cookie()
    user = session.current_user()
    st.session_state["user"] = user
    role = user.role if user else None
    # After an admin reset the user must choose a password first: every URL leads to the
    # account page, and the navigation is hidden until the change is made.
    forced = user is not None and user.must_change_password and auth.built(_ACCOUNT)
    pages = _pages(role)
    navigation = st.navigation(pages, position="hidden" if forced else "sidebar")
    if forced and navigation.url_path != _ACCOUNT.url_path:
        st.switch_page(next(p for p in pages if p.url_path == _ACCOUNT.url_path))
    presenting = _presenting(navigation.url_path)
    # Each page its own browser-tab title (WCAG 2.4.2): "Handlingsplan – SOS-portalen".
    st.set_page_config(
        page_title=f"{navigation.title} – SOS-portalen",
        initial_sidebar_state=_sidebar_state(presenting),
    )
    _sidebar(user)
    a11y.page_setup()
    if session.needs_authenticator(user):
        session.finish_cookie_work(session.build_authenticator())
    if admin_api.is_demo() and not presenting:
        st.warning(t("common.demo_banner"), icon=":material/science:")
    if user is not None and user.role == auth.NO_ROLE:
        st.info(t("auth.no_role"), icon=":material/hourglass_empty:")
    navigation.run()


def _single_sign_on() -> None:
    """Match the identity Streamlit holds from the provider to an account, once per
    session; a failure is shown on the login page."""
    try:
        user = sso.sign_in_from_identity()
    except PortalError as exc:
        st.session_state[sso.FAILED] = str(exc)
        return
    if user is not None:
        session.sso_logged_in(user, sso.issued_at())


# Views made for a projector: page URL -> (query parameter, value). There the content
# fills the screen: the sidebar starts collapsed and the demo banner is left out.
_PRESENTATION = {"moten": ("lage", "1")}


def _presenting(url_path: str) -> bool:
    param = _PRESENTATION.get(url_path)
    return param is not None and st.query_params.get(param[0]) == param[1]


def _sidebar_state(presenting: bool) -> Literal["collapsed", "expanded", "auto"]:
    """Collapsed on a shared screen, opened again on the run that leaves it, else auto."""
    was = st.session_state.get("shell_presenting", False)
    st.session_state["shell_presenting"] = presenting
    if presenting:
        return "collapsed"
    return "expanded" if was else "auto"


_ACCOUNT = next(p for p in auth.PAGES if p.key == "account")


def _refuse(problem: str) -> None:
    st.title(t("common.app_name"))
    st.error(t("auth.refuse_start", problem=problem), icon=":material/gpp_bad:")


def _language() -> None:
    """The session's language, kept in the URL (?lang=en) so that it survives a reload,
    a bookmark and a new tab. A page switch drops the URL's parameters, but the session
    keeps the choice and this puts it back on the new page's URL."""
    asked = st.query_params.get("lang")
    if asked in LANGS:
        st.session_state["lang"] = asked
    elif st.session_state.get("lang") not in LANGS:
        st.session_state["lang"] = config.default_lang()
    lang = st.session_state["lang"]
    set_lang(lang)
    if lang == config.default_lang():
        st.query_params.pop("lang", None)
    elif asked != lang:
        st.query_params["lang"] = lang


def _language_chosen() -> None:
    # Runs before the rerun, so _language() reads the new choice from the URL.
    st.query_params["lang"] = st.session_state["lang"]


def _pages(role: str | None) -> list[st.Page]:
    """The pages this role may open. A flat list: Streamlit's sectioned navigation puts
    headings inside its <ul>, which screen readers and axe-core report as a broken list."""
    if role is None:
        pages = [
            st.Page(
                login.render,
                title=t("common.pages.login"),
                icon=":material/login:",
                url_path="login",
                default=True,
            )
        ]
    else:
        pages = [
            st.Page(
                _home,
                title=t("common.app_name"),
                url_path="start",
                default=True,
                visibility="hidden",
            )
        ]
    for spec in auth.pages_for(role):
        pages.append(
            st.Page(
                spec.path,
                title=t(f"common.pages.{spec.key}"),
                icon=spec.icon,
                url_path=spec.url_path,
            )
        )
    return pages


def _home() -> None:
    """The hidden page at "/": go on to the role's start page at its own URL."""
    user = st.session_state.get("user")
    target = auth.default_page(user.role if user else None)
    spec = next(p for p in auth.PAGES if p.key == target)
    if auth.built(spec):
        st.switch_page(spec.path)
    st.title(t("common.app_name"))


def _sidebar(user) -> None:
    logo = config.logo_path()
    if logo:
        st.logo(str(logo))
    with st.sidebar:
        widgets.select(
            t("common.language"),
            LANGS,
            key="lang",
            format_func=lambda code: _LANG_NAMES[code],
            on_change=_language_chosen,
        )
        if user is not None:
            st.caption(
                t(
                    "common.logged_in_as",
                    name=escape_md(user.name),
                    role=t(f"common.roles.{user.role}"),
                )
            )
            if st.button(t("common.logout"), icon=":material/logout:", key="logout_button"):
                session.logout()
                if not sso.log_out():  # the provider's identity leaves by a redirect
                    st.rerun()
