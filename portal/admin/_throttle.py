"""Failed password logins counted per client address, beside the per-account lockout.

The per-account lockout (_accounts.py) alone lets anyone keep an account locked by
typing wrong passwords for it. After PORTAL_LOGIN_CLIENT_ATTEMPTS failures within
PORTAL_LOGIN_CLIENT_MINUTES from one client address, the login form refuses that client
until its oldest failure in the window has aged out; refused attempts are never checked
and so never count against any account.

The counter lives in process memory: the portal is one server process, and a restart
forgetting the counts only gives a client a fresh window. A client is the address
Streamlit reports (`st.context.ip_address`; None on loopback, counted as one client).
Behind a reverse proxy every visitor has the proxy's address: the proxy must pass the
real one, or all visitors share one counter.
"""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta

from portal import config

_LOCK = threading.Lock()
_FAILURES: dict[str, deque[datetime]] = {}
_LOOPBACK = "loopback"


def _settings() -> tuple[int, timedelta]:
    limit = max(1, config.get_int("PORTAL_LOGIN_CLIENT_ATTEMPTS"))
    return limit, timedelta(minutes=config.get_float("PORTAL_LOGIN_CLIENT_MINUTES"))


def _recent(client: str, now: datetime, window: timedelta) -> deque[datetime]:
    """The client's failures inside the window (older ones dropped). Caller holds _LOCK."""
    times = _FAILURES.setdefault(client, deque())
    while times and now - times[0] >= window:
        times.popleft()
    if not times:
        del _FAILURES[client]  # keep the map as small as the set of recent offenders
    return times


def client_blocked_until(client: str | None, now: datetime) -> datetime | None:
    """When this client may try again, or None if it may try now."""
    limit, window = _settings()
    with _LOCK:
        times = _recent(client or _LOOPBACK, now, window)
        return times[-limit] + window if len(times) >= limit else None


def client_failed(client: str | None, now: datetime) -> None:
    """Count one failed password login from this client."""
    _, window = _settings()
    key = client or _LOOPBACK
    with _LOCK:
        _recent(key, now, window)
        _FAILURES.setdefault(key, deque()).append(now)


def forget_clients() -> None:
    """Empty the counter (tests, and a fresh start)."""
    with _LOCK:
        _FAILURES.clear()
