"""The session rules, checked on the server on every run (no Streamlit here).

A login cookie (written by streamlit-authenticator) holds only the username and its
expiry (`exp_date`, epoch seconds); its issue time is that expiry minus the configured
cookie lifetime. A session began when its password login happened, or when its cookie
was issued. It is over when:

- the user's `sessions_revoked_at` is at or after its start (logout, password change or
  reset, lockout, disabling, role change: portal/admin/_users.py and _accounts.py);
- it has been idle longer than PORTAL_SESSION_IDLE_MINUTES;
- it is older than the cookie lifetime (PORTAL_COOKIE_EXPIRY_DAYS), so an open tab
  never outlives its cookie.

The idle limit also holds across reloads: the last activity of each login cookie
(its username and issue time tell one cookie from another) is kept in process memory,
so reloading an idle tab does not restore its session from the cookie. A restart
forgets it (the cookie's own expiry and every revocation still hold).

A cookie whose expiry is not finite or lies further ahead than now plus the cookie
lifetime was not written by this portal's setting and is refused.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from portal import config
from portal.admin._db.users import User

IDLE = "idle"
EXPIRED = "expired"
REVOKED = "revoked"

_LOCK = threading.Lock()
# (username, issue time) tells one cookie from another -> the last run that held it
_COOKIE_SEEN: dict[tuple[str, datetime], datetime] = {}
_PRUNE_ABOVE = 1000  # entries; past this, cookies past their lifetime are dropped


@dataclass(frozen=True)
class Limits:
    idle: timedelta
    absolute: timedelta

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            idle=timedelta(minutes=config.get_float("PORTAL_SESSION_IDLE_MINUTES")),
            absolute=timedelta(days=config.get_float("PORTAL_COOKIE_EXPIRY_DAYS")),
        )


def cookie_issued_at(exp_date: object, now: datetime, lifetime: timedelta) -> datetime | None:
    """When a cookie with this `exp_date` was issued, or None if the value is not a
    finite time between now and now + lifetime (expired, forged or from a longer
    setting)."""
    if isinstance(exp_date, bool) or not isinstance(exp_date, int | float | str):
        return None
    try:
        expires = float(exp_date)
    except ValueError:
        return None
    if not math.isfinite(expires):
        return None
    if not now.timestamp() < expires <= (now + lifetime).timestamp():
        return None
    return datetime.fromtimestamp(expires) - lifetime


def revoked(user: User, started: datetime) -> bool:
    """Whether the user's sessions were revoked at or after this session began."""
    return user.sessions_revoked_at is not None and started <= user.sessions_revoked_at


def end_reason(
    user: User, started: datetime, last_seen: datetime, now: datetime, limits: Limits
) -> str | None:
    """Why this session is over (REVOKED, EXPIRED, IDLE), or None if it may go on."""
    if revoked(user, started):
        return REVOKED
    if now - started > limits.absolute:
        return EXPIRED
    if now - last_seen > limits.idle:
        return IDLE
    return None


def cookie_active(cookie: tuple[str, datetime], now: datetime, lifetime: timedelta) -> None:
    """Note a run of a session that holds this login cookie."""
    with _LOCK:
        _COOKIE_SEEN[cookie] = now
        if len(_COOKIE_SEEN) > _PRUNE_ABOVE:
            for key, seen in list(_COOKIE_SEEN.items()):
                if now - seen > lifetime:  # an expired cookie is refused anyway
                    del _COOKIE_SEEN[key]


def cookie_last_seen(cookie: tuple[str, datetime]) -> datetime | None:
    """The last run of any session holding this cookie (in this process), if any."""
    with _LOCK:
        return _COOKIE_SEEN.get(cookie)


def forget_cookies() -> None:
    """Empty the activity record (tests)."""
    with _LOCK:
        _COOKIE_SEEN.clear()
