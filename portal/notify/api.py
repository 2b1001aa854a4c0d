"""Notifications: e-mail (digests, meeting invitations and minutes, signal alerts) and
each user's private calendar feed. The façade the account page, the calendar route and
the command line use; everything else in portal.notify is private to it."""

from __future__ import annotations

from datetime import date, datetime

from portal.notify import _worker
from portal.notify._db.outbox import history as _history
from portal.notify._feed import (
    FREQUENCIES as FREQUENCIES,
    current_feed as current_feed,
    feed as feed,
    mail_choices as mail_choices,
    new_feed as new_feed,
    save_mail_choices as save_mail_choices,
)
from portal.notify._mail import configured as configured
from portal.notify._run import Report as Report, run_pass as _run_pass


def run(on: date | None = None, dry_run: bool = False) -> Report:
    """One pass as of `on` (default today): queue what is new, send what is unsent."""
    day = on or date.today()
    now = datetime.now() if on is None else datetime.combine(day, datetime.now().time())
    return _run_pass(day, now, digests=True, dry_run=dry_run)


def sent_to(username: str, limit: int = 20) -> list[dict[str, object]]:
    """The latest messages to one user: kind, subject, period, when queued and sent."""
    return _history(username, limit)


def start_sender() -> bool:
    """Start the running portal's sender thread (once; only with an SMTP host set)."""
    return _worker.start()


def stop_sender() -> None:
    """Stop the sender thread after its current pass."""
    _worker.stop()
