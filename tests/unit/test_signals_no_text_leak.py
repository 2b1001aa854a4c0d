"""Issue 17, item 4: nothing of a signal's text in a log line, an error message, an
exception a user could see, or an audit entry. A unique word goes in through the service
and is searched for everywhere it must not be."""

from __future__ import annotations

import traceback
from datetime import date, datetime

import pytest

from portal.db.connection import cursor
from portal.errors import PortalError, ValidationError
from portal.signals import _core as svc
from tests.signal_helpers import WORD, audit_text, captured_logs

TEXT = f"En elev skrev {WORD} på tavlan i klassrummet."


def _report(description: str = TEXT) -> int:
    return svc.report(
        "ledamot",
        "member",
        observed_on=date(2026, 6, 10),
        setting="school",
        milieu="other",
        kind="statements",
        urgency="soon",
        description=description,
        today=date(2026, 6, 15),
    )


def _shown(exc: BaseException) -> str:
    """What a trace shows of an exception's values: the message of it and of every
    exception chained to it that a trace would print (code lines left out: they are this
    test's own source)."""
    parts: list[str] = []
    current: BaseException | None = exc
    while current is not None:
        parts += traceback.format_exception_only(current)
        chained = current.__cause__
        if chained is None and not current.__suppress_context__:
            chained = current.__context__
        current = chained
    return "".join(parts)


def test_report_and_steps_leave_no_text_in_logs_or_audit(db_path):
    with captured_logs() as logs:
        signal_id = _report()
        svc.advance("samordnare", "coordinator", signal_id, 1, "received", f"Noterat {WORD}.")
        details = svc.open_details("samordnare", "coordinator", signal_id)
        assert WORD in details["description"]  # it was stored, for the receiver
        assert audit_text() and WORD not in audit_text()
        assert not any(WORD in line for line in logs.lines)


def test_refused_text_is_not_quoted_back(db_path):
    with captured_logs() as logs:
        with pytest.raises(ValidationError) as exc:
            _report(f"{WORD} har personnummer 19900101-1234")
        assert WORD not in _shown(exc.value)
        assert "19900101" not in _shown(exc.value)
        assert not any(WORD in line for line in logs.lines)


def test_a_failing_write_quotes_no_text(db_path):
    """A real DuckDB error whose message quotes the value (a duplicate key) becomes a plain
    message; only the error's type is logged."""
    with captured_logs() as logs:
        with cursor() as cur:
            cur.execute("CREATE UNIQUE INDEX one_text ON signals (description)")
        _report()
        with pytest.raises(PortalError) as exc:
            _report()
        assert "Det gick inte att spara" in str(exc.value)
        assert WORD not in _shown(exc.value)
        assert exc.value.__suppress_context__  # a trace does not show the driver's error
        assert any("ConstraintException" in line for line in logs.lines)
        assert not any(WORD in line for line in logs.lines)
        assert WORD not in audit_text()


def test_a_failing_step_quotes_no_note(db_path):
    with captured_logs() as logs:
        with cursor() as cur:
            cur.execute("CREATE UNIQUE INDEX one_note ON signal_steps (note)")
        first, second = _report(), _report("En annan oro om en grupp på fritidsgården.")
        note = f"Kontakt tagen, {WORD}."
        svc.advance("samordnare", "coordinator", first, 1, "received", note, now=datetime.now())
        with pytest.raises(PortalError) as exc:
            svc.advance("samordnare", "coordinator", second, 1, "received", note)
        assert WORD not in _shown(exc.value)
        assert not any(WORD in line for line in logs.lines)
        assert WORD not in audit_text()
