"""The signal routine: reporting a concern, the receiving function's queue and steps.

Access rules, enforced here whatever the page showed:
- `signals.report` (municipal roles): report a concern; see one's OWN reports and their
  step, never their free text or the handling notes, never anyone else's.
- `signals.handle` (the configured receiving role, and admin): the queue, the details
  and moving a signal through the steps. Every opening of a signal's details and every
  change is written to the audit log (who, when, which signal). The audit entries hold
  no free text, so purging a signal's text leaves nothing behind in the log.
No free text is stored if it holds a personnummer, phone number or e-mail address.
No free text reaches a log line, an error message or an audit entry: a failure while
storing is logged by its type only and shown as a plain message (database messages may
quote the values, e.g. a duplicate key).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import pandas as pd

from portal import auth, vocab
from portal.db import audit
from portal.db.connection import cursor, transaction
from portal.errors import NotFound, PortalError, StaleEdit, ValidationError
from portal.i18n import t
from portal.signals import _identity as identity_check
from portal.signals._db import signals as signals_db
from portal.signals._steps import KINDS, URGENCIES, check_transition

MAX_DESCRIPTION = 2000
MAX_NOTE = 1000
ENTITY = "signal"
log = logging.getLogger(__name__)


@contextmanager
def _text_safe(action: str) -> Iterator[None]:
    """Run a write holding signal text; an unexpected failure leaves only its type in the
    log and a plain, translated message for the user (no chained trace, no values)."""
    try:
        yield
    except PortalError:
        raise  # our own messages never quote the text
    except Exception as exc:  # any driver error: its message may quote the values
        failure = type(exc).__name__
    else:
        return
    log.error("signal %s failed (%s); the text is not logged", action, failure)
    raise PortalError(t("signals.errors.store_failed")) from None  # no chained trace


def quarter_of(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def check_text(text: str | None, field: str, max_len: int, problems: dict[str, Any]) -> str:
    """The stripped text, or a problem recorded for `field` (empty, too long, identity)."""
    value = (text or "").strip()
    if not value:
        problems[field] = t(f"signals.errors.{field}_empty")
    elif len(value) > max_len:
        problems[field] = t("signals.errors.too_long", max=max_len, length=len(value))
    else:
        found = identity_check.find(value)
        if found:
            # Name each kind, and show the values masked so the writer can find them.
            kinds = [k for k in identity_check.ORDER if any(f.kind == k for f in found)]
            problems[field] = t(
                "signals.errors.identity",
                found=", ".join(t(f"signals.identity.{k}") for k in kinds),
                where=", ".join(f.masked(value) for f in found),
            )
    return value


def _fail(problems: dict[str, Any]) -> None:
    if problems:
        raise ValidationError(" ".join(problems.values()), problems)


def report(
    actor: str,
    role: str,
    *,
    observed_on: date | None,
    setting: str,
    milieu: str,
    kind: str,
    urgency: str,
    description: str,
    today: date | None = None,
    now: datetime | None = None,
) -> int:
    """Store a new concern (step `new`) and return its number; nothing is written unless
    every field is valid."""
    auth.require(role, "signals.report")
    today = today or date.today()
    problems: dict[str, str] = {}
    if observed_on is None:
        problems["observed_on"] = t("signals.errors.date_missing")
    elif observed_on > today:
        problems["observed_on"] = t("signals.errors.date_future")
    for field, value, allowed in (
        ("setting", setting, vocab.SETTINGS),
        ("milieu", milieu, vocab.MILIEUS),
        ("kind", kind, KINDS),
        ("urgency", urgency, URGENCIES),
    ):
        if value not in allowed:
            problems[field] = t("signals.errors.choose", field=t(f"signals.form.{field}"))
    text = check_text(description, "description", MAX_DESCRIPTION, problems)
    _fail(problems)
    assert observed_on is not None  # _fail raised otherwise
    with _text_safe("report"), transaction() as cur:
        signal_id = signals_db.insert_signal(
            cur,
            actor,
            observed_on,
            quarter_of(observed_on),
            setting,
            milieu,
            kind,
            urgency,
            text,
            reported_at=now,
        )
        audit.record(
            cur,
            actor,
            "create",
            ENTITY,
            signal_id,
            None,
            {
                "setting": setting,
                "milieu": milieu,
                "kind": kind,
                "urgency": urgency,
                "observed_on": observed_on,
            },
        )
    return signal_id


def my_reports(actor: str, role: str) -> pd.DataFrame:
    """The actor's own signals with their step; no free text."""
    auth.require(role, "signals.report")
    return signals_db.by_reporter(actor)


def own_status(actor: str, role: str, signal_id: int) -> dict[str, Any]:
    """The step of one of the actor's own signals; someone else's is NotFound."""
    auth.require(role, "signals.report")
    with cursor() as cur:
        row = signals_db.summary(cur, signal_id)
    if row is None or row["reporter"] != actor:
        raise NotFound(t("signals.errors.not_found"))
    return row


def queue(role: str) -> pd.DataFrame:
    """Every signal for the receiving function, open ones first; no free text."""
    auth.require(role, "signals.handle")
    return signals_db.queue()


def open_details(actor: str, role: str, signal_id: int) -> dict[str, Any]:
    """A signal's details and step history; the opening is recorded in the audit log."""
    auth.require(role, "signals.handle")
    with transaction() as cur:
        row = signals_db.details(cur, signal_id)
        if row is None:
            raise NotFound(t("signals.errors.not_found"))
        row["history"] = signals_db.steps(cur, signal_id)
        audit.record(cur, actor, "view", ENTITY, signal_id)
    return row


def advance(
    actor: str,
    role: str,
    signal_id: int,
    version: int,
    target: str,
    note: str,
    referred_to: str | None = None,
    outcome: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Move a signal one step on (who, when and a note are recorded); returns the fresh
    details. Out-of-order steps, missing details and stale versions change nothing."""
    auth.require(role, "signals.handle")
    now = now or datetime.now()
    problems: dict[str, str] = {}
    text = check_text(note, "note", MAX_NOTE, problems)
    _fail(problems)
    with _text_safe("step"), transaction() as cur:
        row = signals_db.summary(cur, signal_id)
        if row is None:
            raise NotFound(t("signals.errors.not_found"))
        if row["version"] != version:
            raise StaleEdit(
                t("signals.errors.stale"), {"step": (t(f"signals.steps.{row['step']}"))}
            )
        check_transition(row["step"], target, referred_to, outcome)
        referred = referred_to if target == "referred" else None
        result = outcome if target == "closed" else None
        if not signals_db.set_step(cur, signal_id, version, target, actor, now, referred, result):
            raise StaleEdit(t("signals.errors.stale"))
        signals_db.insert_step(cur, signal_id, target, actor, now, text, referred, result)
        audit.record(
            cur,
            actor,
            "step",
            ENTITY,
            signal_id,
            {"step": row["step"]},
            {"step": target, "referred_to": referred, "outcome": result},
        )
        fresh = signals_db.details(cur, signal_id)
        assert fresh is not None, "the signal was just updated in this transaction"
        fresh["history"] = signals_db.steps(cur, signal_id)
    return fresh
