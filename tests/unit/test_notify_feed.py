"""The private calendar feed: tokens stored only as hashes, revoked by a new link, the
same UIDs as the calendar export, meetings only."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar

from portal.actor import SYSTEM
from portal.admin.api import disable_user, get_user
from portal.db.connection import cursor
from portal.exports import meetings as meetings_export
from portal.meetings import api as meetings_api
from portal.notify import api as notify_api


def _user(username: str):
    user = get_user(username)
    assert user is not None
    return user


def _token(url: str) -> str:
    assert url.startswith("http://localhost:8501/kalender/") and url.endswith(".ics")
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def test_feed_has_every_visible_meeting_with_export_uids(demo_db):
    user = _user("ledamot")
    assert notify_api.current_feed(user) is None
    url = notify_api.new_feed(user)
    assert notify_api.current_feed(user) == url  # shown again on the next visit
    body = notify_api.feed(_token(url))
    assert body is not None
    cal = Calendar.from_ical(body)
    uids = {str(e["uid"]) for e in cal.walk("VEVENT")}
    since = datetime.now() - timedelta(days=365)
    expected = {
        meetings_export.uid(m["id"])
        for m in meetings_api.meetings().to_dict("records")
        if m["starts_at"] >= since
    }
    assert expected and uids == expected
    text = body.decode()
    assert "signal" not in text.lower()  # meetings only


def test_token_is_stored_hashed_and_a_new_link_revokes_the_old(demo_db):
    user = _user("samordnare")
    old = _token(notify_api.new_feed(user))
    with cursor() as cur:
        stored = " ".join(
            str(v) for row in cur.execute("SELECT * FROM calendar_tokens").fetchall() for v in row
        )
    assert old not in stored
    new = _token(notify_api.new_feed(user))
    assert new != old
    assert notify_api.feed(old) is None
    assert notify_api.feed(new) is not None
    for bad in ("", "x", new[:-1], new + "A", "../../etc/passwd", "A" * 500):
        assert notify_api.feed(bad) is None


def test_partner_feed_has_no_meetings_and_disabled_users_none(demo_db):
    partner = _user("partner")
    token = _token(notify_api.new_feed(partner))
    body = notify_api.feed(token)
    assert body is not None and not Calendar.from_ical(body).walk("VEVENT")
    member = _token(notify_api.new_feed(_user("ledamot")))
    disable_user("ledamot", actor=SYSTEM)
    assert notify_api.feed(member) is None
