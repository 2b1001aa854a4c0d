"""The session rules (portal/admin/_sessions.py) and the per-client login counter
(portal/admin/_throttle.py), without a browser."""

from datetime import datetime, timedelta

import pytest

from portal.admin import api as admin_api
from portal.admin._db.users import User

NOW = datetime(2026, 3, 2, 12, 0, 0)
DAY = timedelta(days=1)
LIMITS = admin_api.Limits(idle=timedelta(minutes=60), absolute=DAY)


def user(revoked_at: datetime | None = None) -> User:
    return User(username="kim", name="Kim", role="member", sessions_revoked_at=revoked_at)


def test_a_cookie_is_issued_one_lifetime_before_its_expiry():
    exp = (NOW + timedelta(hours=20)).timestamp()
    assert admin_api.cookie_issued_at(exp, NOW, DAY) == NOW - timedelta(hours=4)


@pytest.mark.parametrize(
    "exp",
    [
        float("nan"),
        float("inf"),
        float("-inf"),
        "nan",
        "inf",
        1e308,
        9e9,  # the year 2255
        (NOW + DAY + timedelta(seconds=1)).timestamp(),  # beyond the setting
        (NOW - timedelta(seconds=1)).timestamp(),  # expired
        NOW.timestamp(),  # expires now
        True,
        None,
        [1],
        {"a": 1},
        "not a number",
    ],
)
def test_expiry_values_that_are_not_a_finite_time_within_the_setting_are_refused(exp):
    assert admin_api.cookie_issued_at(exp, NOW, DAY) is None


def test_a_cookie_from_a_longer_setting_is_refused_until_it_fits():
    exp = (NOW + timedelta(days=29)).timestamp()  # written while the setting was 30 days
    assert admin_api.cookie_issued_at(exp, NOW, DAY) is None
    assert admin_api.cookie_issued_at(exp, NOW, timedelta(days=30)) is not None


def test_a_session_begun_at_or_before_the_revocation_is_revoked():
    at = NOW - timedelta(minutes=5)
    assert admin_api.revoked(user(at), at - timedelta(microseconds=1))
    assert admin_api.revoked(user(at), at)
    assert not admin_api.revoked(user(at), at + timedelta(microseconds=1))
    assert not admin_api.revoked(user(None), at)


def test_end_reason_revoked_expired_idle_or_none():
    recent = NOW - timedelta(minutes=1)
    assert admin_api.end_reason(user(), recent, recent, NOW, LIMITS) is None
    assert admin_api.end_reason(user(NOW), recent, recent, NOW, LIMITS) == admin_api.REVOKED
    old = NOW - DAY - timedelta(seconds=1)
    assert admin_api.end_reason(user(), old, recent, NOW, LIMITS) == admin_api.EXPIRED
    idle = NOW - timedelta(minutes=60, seconds=1)
    assert admin_api.end_reason(user(), idle, idle, NOW, LIMITS) == admin_api.IDLE
    just = NOW - timedelta(minutes=60)
    assert admin_api.end_reason(user(), just, just, NOW, LIMITS) is None


def test_limits_follow_the_settings(monkeypatch):
    monkeypatch.setenv("PORTAL_SESSION_IDLE_MINUTES", "15")
    monkeypatch.setenv("PORTAL_COOKIE_EXPIRY_DAYS", "0.5")
    limits = admin_api.Limits.from_settings()
    assert limits.idle == timedelta(minutes=15) and limits.absolute == timedelta(hours=12)


@pytest.fixture
def fresh_counter(monkeypatch):
    monkeypatch.setenv("PORTAL_LOGIN_CLIENT_ATTEMPTS", "3")
    monkeypatch.setenv("PORTAL_LOGIN_CLIENT_MINUTES", "15")
    admin_api.forget_clients()
    yield
    admin_api.forget_clients()


def test_a_client_is_refused_after_its_failures_until_the_oldest_ages_out(fresh_counter):
    for minute in range(3):
        assert admin_api.client_blocked_until("192.0.2.7", NOW) is None
        admin_api.client_failed("192.0.2.7", NOW + timedelta(minutes=minute))
    later = NOW + timedelta(minutes=3)
    assert admin_api.client_blocked_until("192.0.2.7", later) == NOW + timedelta(minutes=15)
    assert admin_api.client_blocked_until("198.51.100.1", later) is None  # another client
    assert admin_api.client_blocked_until("192.0.2.7", NOW + timedelta(minutes=15)) is None


def test_loopback_clients_share_one_counter(fresh_counter):
    for _ in range(3):
        admin_api.client_failed(None, NOW)
    assert admin_api.client_blocked_until(None, NOW) is not None


def test_a_cookies_last_activity_is_remembered_per_cookie():
    admin_api.forget_cookies()
    one, other = ("kim", NOW - DAY / 2), ("kim", NOW - DAY / 4)
    assert admin_api.cookie_last_seen(one) is None
    admin_api.cookie_active(one, NOW, DAY)
    assert admin_api.cookie_last_seen(one) == NOW
    assert admin_api.cookie_last_seen(other) is None
    admin_api.forget_cookies()


def test_the_activity_record_drops_only_cookies_past_their_lifetime(monkeypatch):
    from portal.admin import _sessions

    admin_api.forget_cookies()
    monkeypatch.setattr(_sessions, "_PRUNE_ABOVE", 2)
    admin_api.cookie_active(("old", NOW - 3 * DAY), NOW - 2 * DAY, DAY)
    admin_api.cookie_active(("idle", NOW - DAY / 2), NOW - DAY / 2, DAY)
    admin_api.cookie_active(("new", NOW), NOW, DAY)
    assert admin_api.cookie_last_seen(("old", NOW - 3 * DAY)) is None
    assert admin_api.cookie_last_seen(("idle", NOW - DAY / 2)) == NOW - DAY / 2
    admin_api.forget_cookies()
