"""A new signal alerts the receiving function without any of its content: the unique
word of a signal's description is in no received byte, no output line, no log record,
no audit entry and no outbox row."""

from __future__ import annotations

from datetime import date

import pytest

from portal.cli import main
from portal.db.connection import cursor
from portal.signals import api as signals_api
from tests.signal_helpers import WORD, audit_text, captured_logs
from tests.smtp_helpers import MailServer, smtp_server  # noqa: F401 - the fixture


def _outbox_text() -> str:
    with cursor() as cur:
        rows = cur.execute("SELECT * FROM notify_outbox").fetchall()
    return " ".join(str(v) for row in rows for v in row)


@pytest.mark.parametrize(("setting", "milieu"), [("refugee_housing", "far_right")])
def test_signal_alert_carries_no_content(
    smtp_server: MailServer,  # noqa: F811
    demo_db,
    monkeypatch,
    capsys,
    setting: str,
    milieu: str,
):
    for name, value in smtp_server.env().items():
        monkeypatch.setenv(name, value)
    main(["notify"])  # the demo's own waiting signals first
    capsys.readouterr()
    smtp_server.received.clear()
    today = date.today()
    with captured_logs() as logs:
        signal_id = signals_api.report(
            "ledamot",
            "member",
            observed_on=today,
            setting=setting,
            milieu=milieu,
            kind="statements",
            urgency="soon",
            description=f"Eleven sa {WORD} flera gånger på rasten.",
        )
        code = main(["notify"])
        out = capsys.readouterr()
    assert code == 0
    alerts = smtp_server.to("samordnare@demo.invalid")
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.subject == "SOS-portalen: en ny signal väntar"
    assert "https://portal.kommun.invalid/signaler" in alert.text()
    # Nobody but the receiving function is told.
    assert all(r.rcpt_tos == ["samordnare@demo.invalid"] for r in smtp_server.received)
    everything = b"".join(r.raw for r in smtp_server.received)
    for forbidden in (WORD, "Eleven", "rasten"):
        assert forbidden.encode() not in everything
        assert forbidden.lower().encode() not in everything.lower()
        assert forbidden not in out.out + out.err
        assert not any(forbidden in line for line in logs.lines)
        assert forbidden not in audit_text()
        assert forbidden not in _outbox_text()
    # Neither the setting nor the milieu, in Swedish words or as keys, nor the signal id.
    text = alert.text() + alert.html()
    for label in (setting, milieu, f"signal:{signal_id}", f"#{signal_id}"):
        assert label not in text
    assert smtp_server.received  # the search above searched real bytes
