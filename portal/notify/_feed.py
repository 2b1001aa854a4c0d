"""Each user's private calendar feed and their mail choices.

The feed token is HMAC-SHA256(server key, "calendar-feed:<username>:<nonce>"): the page
can show the same URL on every visit, the database holds only the nonce and the token's
SHA-256 (a copy of the database does not give away any feed), and "Ny länk" draws a new
nonce, which revokes the old URL in the same commit.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from portal import auth, config
from portal.actor import Actor
from portal.admin import api as admin_api
from portal.db import audit
from portal.db.connection import transaction
from portal.errors import ValidationError
from portal.exports import meetings as meetings_export
from portal.i18n import LANGS, t
from portal.meetings import api as meetings_api
from portal.notify._db import prefs as prefs_db
from portal.notify._mail import page_url

FREQUENCIES = ("weekly", "daily", "off")
PAST_DAYS = 365  # the feed holds the last year and everything ahead


def _token(username: str, nonce: str) -> str:
    key = config.cookie_key().encode("utf-8")
    mac = hmac.new(key, f"calendar-feed:{username}:{nonce}".encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).decode("ascii").rstrip("=")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_feed(actor: Actor) -> str:
    """A new feed URL for the acting user; the previous one stops working."""
    actor.require("account.manage")
    nonce = secrets.token_urlsafe(24)
    token = _token(actor.username, nonce)
    with transaction() as cur:
        prefs_db.replace_token(cur, actor.username, nonce, _hash(token))
        audit.record(cur, actor.username, "rotate", "calendar_feed", actor.username)
    return feed_url(token)


def feed_url(token: str) -> str:
    return page_url(f"/kalender/{token}.ics")


def current_feed(actor: Actor) -> str | None:
    """The acting user's feed URL, or None before the first one is made."""
    actor.require("account.manage")
    nonce = prefs_db.nonce(actor.username)
    return feed_url(_token(actor.username, nonce)) if nonce else None


def feed(token: str) -> bytes | None:
    """The calendar behind `token`, or None: a wrong, revoked or malformed token, or a
    disabled account, all look the same to the caller (404)."""
    if not token or len(token) > 100:
        return None
    username = prefs_db.user_for_token(_hash(token))
    if username is None:
        return None
    user = admin_api.get_user(username)
    nonce = prefs_db.nonce(username)
    if user is None or not user.active or nonce is None:
        return None
    if not hmac.compare_digest(_token(username, nonce), token):
        return None  # the server key changed since the token was made
    rows: list[dict] = []
    if auth.can(user.role, "meetings.view"):
        since = datetime.now() - timedelta(days=PAST_DAYS)
        rows = [
            m
            for m in meetings_api.meetings().to_dict("records")
            if m["starts_at"] is not None and m["starts_at"] >= since
        ]
    return meetings_export.calendar_bytes(rows)


def mail_choices(actor: Actor) -> tuple[str, str]:
    """(digest frequency, mail language) of the acting user; defaults until chosen."""
    actor.require("account.manage")
    return prefs_db.prefs(actor.username) or ("weekly", config.default_lang())


def save_mail_choices(actor: Actor, digest: str, lang: str) -> None:
    actor.require("account.manage")
    problems = {}
    if digest not in FREQUENCIES:
        problems["digest"] = t("notify.bad_choice")
    if lang not in LANGS:
        problems["lang"] = t("notify.bad_choice")
    if problems:
        raise ValidationError(t("notify.bad_choice"), problems)
    with transaction() as cur:
        before = prefs_db.prefs(actor.username)
        prefs_db.save_prefs(cur, actor.username, digest, lang)
        audit.record(
            cur,
            actor.username,
            "update",
            "notify_prefs",
            actor.username,
            {"digest": before[0], "lang": before[1]} if before else None,
            {"digest": digest, "lang": lang},
        )
