"""Login state for one Streamlit session, wired to streamlit-authenticator.

The library's login form checks passwords against bcrypt hashes read from DuckDB
(auto_hash=False: nothing is hashed on a rerun) and writes a signed JWT cookie through
a browser-side component. Restoring a session from that cookie is done here, before
st.navigation, by verifying the same JWT: the library's own cookie component answers
asynchronously and triggers a rerun, and letting that rerun decide the page would lose
the URL the user asked for. The Authenticate object (and its component) is therefore
built only when it is needed: on the login page and while a cookie is being written
or deleted; at most once per run.

Sessions are revocable and bounded (rules in portal/admin/_sessions.py): each session
keeps the time it began (its password login, or its cookie's issue time) and its last
run in session_state; every run compares them with the user's revocation time, the idle
limit and the cookie lifetime, and ends the session with the reason shown on the login
page. Logging out revokes every session of the user, on every device.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

import jwt
import streamlit as st
import streamlit_authenticator as stauth

from portal import config
from portal.actor import Actor
from portal.admin import api as accounts, api as users_db
from portal.admin.api import User
from portal.ui import sso

COOKIE_NAME = "sos_portal_auth"
_AUTH_KEY = "_authenticator"
_PENDING = "_cookie_pending"  # "set" or "delete" until the browser confirms it
_MAX_COOKIE_RUNS = 6
_STARTED = "_session_started"  # when this session's login (or its cookie) happened
_SEEN = "_session_seen"  # this session's last run
_COOKIE = "_session_cookie"  # (username, issue time) of the login cookie it holds
ENDED = "_session_ended"  # why the last session ended (admin_api.IDLE, ...), for the login page
PASSWORD_CHANGED = "password_changed"  # an ENDED reason of this module's own


def build_authenticator() -> stauth.Authenticate:
    credentials = {"usernames": accounts.login_credentials(datetime.now())}
    authenticator = stauth.Authenticate(
        credentials,
        cookie_name=COOKIE_NAME,
        cookie_key=config.cookie_key(),
        cookie_expiry_days=config.get_float("PORTAL_COOKIE_EXPIRY_DAYS"),
        auto_hash=False,
        login_sleep_time=config.get_float("PORTAL_LOGIN_SLEEP"),
    )
    if served_over_https(st.context.url, st.context.headers.get("X-Forwarded-Proto")):
        _secure_cookie(authenticator)
    st.session_state[_AUTH_KEY] = authenticator
    return authenticator


def served_over_https(url: str | None, forwarded_proto: str | None) -> bool:
    """The browser asked over https, directly or through a proxy that says so. (A client
    that claims https only gets a stricter cookie: Secure never widens who receives it.)"""
    first_proto = (forwarded_proto or "").split(",")[0].strip().lower()
    return (url or "").lower().startswith("https://") or first_proto == "https"


def _secure_cookie(authenticator: stauth.Authenticate) -> None:
    """Have the login cookie written with the Secure attribute. The library sets it with
    the cookie component's defaults and takes no option for it, so the component's `set`
    gets `secure=True` bound for this instance."""
    manager = authenticator.cookie_controller.cookie_model.cookie_manager
    manager.set = partial(manager.set, secure=True)


def authenticator() -> stauth.Authenticate:
    """The instance built for this run (the login page uses it for the form)."""
    return st.session_state[_AUTH_KEY]


def cookie_username(token: str | None, key: str) -> str | None:
    """The username in a valid, unexpired login cookie signed with `key`; else None."""
    found = cookie_session(token, key, datetime.now())
    return found[0] if found else None


def cookie_session(token: str | None, key: str, now: datetime) -> tuple[str, datetime] | None:
    """(username, issue time) of a valid login cookie signed with `key`; else None.

    Refused too: an expiry that is not a finite time within the cookie lifetime.
    """
    if not token:
        return None
    try:
        data = jwt.decode(token, key, algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("username"), str):
        return None
    issued = accounts.cookie_issued_at(data.get("exp_date"), now, _lifetime())
    return (data["username"], issued) if issued is not None else None


def _lifetime() -> timedelta:
    return timedelta(days=config.get_float("PORTAL_COOKIE_EXPIRY_DAYS"))


def restore_from_cookie() -> None:
    """Log this session in from the browser's cookie, unless the user just logged out,
    the user's sessions were revoked after the cookie was issued, or it is not valid."""
    if st.session_state.get("authentication_status") or st.session_state.get("logout"):
        return
    now = datetime.now()
    found = cookie_session(st.context.cookies.get(COOKIE_NAME), config.cookie_key(), now)
    if found is None:
        return
    user = users_db.get_user(found[0])
    if user is None or not user.active or accounts.revoked(user, found[1]):
        return
    last = accounts.cookie_last_seen(found)
    if last is not None and now - last > accounts.Limits.from_settings().idle:
        # A reload of an idle tab (or the idle cookie elsewhere) does not bring it back.
        st.session_state[ENDED] = accounts.IDLE
        _start_cookie_work("delete")
        return
    _set_state(user, started=found[1])
    st.session_state[_COOKIE] = found


def ignore_rejected_cookie() -> None:
    """Keep the library from re-reading a cookie that restore_from_cookie refused.

    On the login page any cookie present was refused (forged, expired, or of a disabled
    user) or belongs to a user who logged out. streamlit-authenticator would otherwise
    try it again and, for an unknown user, raise before drawing the form, leaving the
    browser without a login form. Its own "logout" flag makes it skip the cookie.
    """
    if st.context.cookies.get(COOKIE_NAME):
        st.session_state["logout"] = True


def current_user() -> User | None:
    """The logged-in user, re-read from the database on every run.

    Reading it each run means a disabled user, a changed role and a revoked, idle or
    expired session take effect at once.
    """
    if not st.session_state.get("authentication_status"):
        return None
    username = st.session_state.get("username")
    user = users_db.get_user(username) if username else None
    if user is None or not user.active:
        _end(accounts.REVOKED)
        return None
    now = datetime.now()
    started, reason = _end_reason(user, now)
    if reason is not None:
        _end(reason)
        sso.log_out()  # an identity-provider session leaves too (a redirect), else no-op
        return None
    st.session_state[_STARTED] = started
    st.session_state[_SEEN] = now
    cookie = st.session_state.get(_COOKIE)
    if cookie:
        accounts.cookie_active(cookie, now, _lifetime())
    return user


def still_valid(actor: Actor) -> bool:
    """Whether `actor`'s session still stands with the same role, read from the database
    without ending anything. For form callbacks, which Streamlit runs before the page's
    script: a save there must not outrun a logout, a lockout or a role change; the run
    that follows ends the session as `current_user` does."""
    current: User | None = st.session_state.get("user")
    if current is None or current.username != actor.username:
        return False
    user = users_db.get_user(actor.username)
    if user is None or not user.active or user.role != actor.role:
        return False
    return _end_reason(user, datetime.now())[1] is None


def _end_reason(user: User, now: datetime) -> tuple[datetime, str | None]:
    """When this session started, and why it ends now (None: it goes on)."""
    # A session made before these keys existed (or by a test helper) starts now.
    started = st.session_state.get(_STARTED) or now
    seen = st.session_state.get(_SEEN) or now
    cookie = st.session_state.get(_COOKIE)
    # Activity in another tab with the same cookie counts: the browser is in use.
    other_tab = accounts.cookie_last_seen(cookie) if cookie else None
    seen = max(seen, other_tab) if other_tab else seen
    return started, accounts.end_reason(user, started, seen, now, accounts.Limits.from_settings())


def sso_logged_in(user: User, started: datetime | None = None) -> None:
    """A person the identity provider signed in (portal/ui/sso.py): an ordinary session
    from here on; Streamlit's identity cookie, not ours, keeps it across reloads.
    `started` is the identity token's issue time when the provider gave one."""
    st.session_state["logout"] = None
    _set_state(user, started=started or datetime.now())


def logged_in(username: str) -> None:
    """Called after a successful password login: write the cookie on the next runs."""
    st.session_state["logout"] = None
    st.session_state[_STARTED] = st.session_state[_SEEN] = datetime.now()
    st.session_state.pop(ENDED, None)
    _start_cookie_work("set")


def password_changed() -> None:
    """After the user's own password change, which revoked every session of theirs:
    this one ends too, and the login page asks for the new password.

    (Keeping this session would need a new cookie written over the old one, and the
    browser-side cookie component does not confirm a replaced value reliably.)
    """
    _end(PASSWORD_CHANGED)


def logout() -> None:
    """The user logs out: every session of theirs ends, on every device."""
    username = st.session_state.get("username")
    if username:
        accounts.log_out(username, datetime.now())
    _end(None)


def _end(reason: str | None) -> None:
    _clear()
    st.session_state[ENDED] = reason
    st.session_state["logout"] = True
    _start_cookie_work("delete")


def needs_authenticator(user: User | None) -> bool:
    return user is None or _PENDING in st.session_state


def finish_cookie_work(auth: stauth.Authenticate) -> None:
    """Write or delete the login cookie through the library's browser component.

    Repeated on each run until the component reports the browser's cookies in the
    wanted state (or a few runs have passed), because a component that mounts in a run
    cut short by a rerun may never execute.
    """
    pending = st.session_state.get(_PENDING)
    if not pending:
        return
    action, runs = pending
    browser_cookies = auth.cookie_controller.cookie_model.cookie_manager.cookies or {}
    present = COOKIE_NAME in browser_cookies
    confirmed = (action == "set") == present
    if (runs > 0 and confirmed) or runs >= _MAX_COOKIE_RUNS:
        del st.session_state[_PENDING]
        return
    st.session_state[_PENDING] = (action, runs + 1)
    if action == "set" and st.session_state.get("username"):
        auth.cookie_controller.set_cookie()
        _remember_cookie(auth.cookie_controller.cookie_model.exp_date)
    elif action == "delete":
        auth.cookie_controller.delete_cookie()


def _remember_cookie(exp_date: object) -> None:
    """Which cookie this session wrote, so its activity is noted for the idle limit."""
    now = datetime.now()
    issued = accounts.cookie_issued_at(exp_date, now, _lifetime())
    username = st.session_state.get("username")
    if issued is not None and isinstance(username, str):
        st.session_state[_COOKIE] = (username, issued)
        accounts.cookie_active((username, issued), now, _lifetime())


def _start_cookie_work(action: str) -> None:
    st.session_state[_PENDING] = (action, 0)


def _set_state(user: User, started: datetime) -> None:
    st.session_state.update(
        {_STARTED: started, _SEEN: datetime.now(), ENDED: None},
        authentication_status=True,
        username=user.username,
        name=user.name,
        email=user.email,
        roles=[user.role],
    )


def _clear() -> None:
    for key in ("name", "username", "authentication_status", "email", "roles"):
        st.session_state[key] = None
    for key in (_STARTED, _SEEN, _COOKIE):
        st.session_state[key] = None
