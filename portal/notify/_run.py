"""One notification pass: find the messages that should exist, queue the new ones in the
outbox, send everything unsent, and say what happened.

"Exactly once" comes from the outbox: a message is queued only if its key (kind,
recipient, subject, period) was never queued, and a queued message stays until the SMTP
server accepted it. A failed send keeps its row (attempts, last error) and is tried
again by the next pass, from the command line or the running portal.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from portal import config
from portal.actor import SYSTEM
from portal.admin import api as admin_api
from portal.admin.api import User
from portal.db import audit
from portal.db.connection import transaction
from portal.notify import _digest, _events, _mail
from portal.notify._db import outbox as outbox_db, prefs as prefs_db
from portal.notify._events import Candidate

ACTOR = "notify"  # the audit log's actor for sends


@dataclass
class Report:
    """What a pass did, one line per message (kind, recipient, subject, period)."""

    queued: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def lines(self, dry_run: bool = False) -> list[str]:
        verb = "would send" if dry_run else "queued"
        out = [f"{verb}: {x}" for x in self.queued]
        out += [f"sent: {x}" for x in self.sent]
        out += [f"FAILED (will retry next run): {x}" for x in self.failed]
        return out


def recipients() -> dict[str, User]:
    """Active users with an e-mail address, by username."""
    found: dict[str, User] = {}
    for r in admin_api.list_users(SYSTEM).to_dict("records"):
        if r["active"] and str(r["email"] or "").strip():
            found[r["username"]] = User(
                username=r["username"], name=r["name"], role=r["role"], email=r["email"]
            )
    return found


def _lang_of(chosen: dict[str, tuple[str, str]]) -> Callable[[User], str]:
    default = config.default_lang()

    def lang(user: User) -> str:
        return chosen[user.username][1] if user.username in chosen else default

    return lang


def candidates(day: date, now: datetime, digests: bool) -> list[Candidate]:
    users = recipients()
    chosen = prefs_db.all_prefs()
    lang_of = _lang_of(chosen)
    last_told = {
        key: period.rsplit("#", 1)[0]
        for key, period in outbox_db.latest_periods("invitation").items()
    }
    found = _events.signal_candidates(users, lang_of)
    found += _events.meeting_candidates(now, users, lang_of, last_told)
    if digests:
        for user in users.values():
            frequency = chosen.get(user.username, ("weekly", ""))[0]
            if frequency == "off":
                continue
            lang = lang_of(user)
            found.append(
                Candidate(
                    "digest",
                    user,
                    "digest",
                    _digest.period(frequency, day),
                    lang,
                    partial(_digest.digest, user, day, frequency, lang),
                )
            )
    return found


def _label(kind: str, recipient: str, address: str, ref: str, period: str) -> str:
    return f"{kind} to {recipient} <{address}> ({ref}, {period})"


def queue(day: date, now: datetime, digests: bool, dry_run: bool, report: Report) -> None:
    known: dict[str, set[tuple[str, str, str]]] = {}
    for c in candidates(day, now, digests):
        keys = known.setdefault(c.kind, outbox_db.known_keys(c.kind))
        key = (c.user.username, c.subject_ref, c.period)
        if key in keys:
            continue
        mail = c.make()
        if mail is None:  # an empty digest is not sent (and not recorded: it may fill up)
            continue
        label = _label(c.kind, c.user.username, c.user.email, c.subject_ref, c.period)
        keys.add(key)
        report.queued.append(label)
        if dry_run:
            continue
        data = _mail.build(mail, c.user.email)
        with transaction() as cur:
            if not outbox_db.exists(cur, c.kind, *key):
                outbox_db.insert(cur, c.kind, c.user.username, c.user.email, *key[1:], data)


def deliver(report: Report) -> None:
    """Send every unsent message over one SMTP connection."""
    waiting = outbox_db.pending()
    handled: set[int] = set()
    if not waiting:
        return
    try:
        with _mail.smtp() as conn:
            for msg in waiting:
                _send_one(conn, msg, report)
                handled.add(msg.id)
    except (smtplib.SMTPException, OSError) as exc:
        # The connection failed (or never came up): the rest waits for the next pass.
        for msg in waiting:
            if msg.id not in handled:
                _failed(msg, f"{type(exc).__name__}: {exc}", report)


def _send_one(conn: smtplib.SMTP, msg: outbox_db.Pending, report: Report) -> None:
    """Send one message; a refusal of this message is recorded, a lost connection is
    raised to the caller."""
    label = _label(msg.kind, msg.recipient, msg.address, msg.subject_ref, msg.period)
    try:
        conn.sendmail(_mail.sender(), [msg.address], msg.message)
    except smtplib.SMTPServerDisconnected:
        raise
    except smtplib.SMTPException as exc:
        _failed(msg, f"{type(exc).__name__}: {exc}", report)
        return
    with transaction() as cur:
        outbox_db.mark_sent(cur, msg.id, datetime.now())
        audit.record(
            cur,
            ACTOR,
            "send",
            "notify",
            msg.id,
            None,
            {"kind": msg.kind, "recipient": msg.recipient},
        )
    report.sent.append(label)


def _failed(msg: outbox_db.Pending, error: str, report: Report) -> None:
    label = _label(msg.kind, msg.recipient, msg.address, msg.subject_ref, msg.period)
    with transaction() as cur:
        outbox_db.mark_failed(cur, msg.id, error[:500])
    report.failed.append(f"{label}: {error[:200]}")


def dry_pending(report: Report) -> None:
    for msg in outbox_db.pending():
        label = _label(msg.kind, msg.recipient, msg.address, msg.subject_ref, msg.period)
        report.queued.append(f"{label} [waiting since an earlier run]")


def run_pass(day: date, now: datetime, digests: bool = True, dry_run: bool = False) -> Report:
    """One pass. Without an SMTP host nothing is queued or sent (a dry run still shows
    what would go out)."""
    report = Report()
    if not dry_run and not _mail.configured():
        return report
    queue(day, now, digests, dry_run, report)
    if dry_run:
        dry_pending(report)
    else:
        deliver(report)
    return report
