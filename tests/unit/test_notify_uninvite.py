"""Someone taken off a meeting's attendee list gets a CANCEL for their calendar (and
only once), while the others hear nothing new; put back, they are invited again."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar

from portal.actor import system_actor
from portal.cli import main
from portal.exports import meetings as meetings_export
from portal.meetings import api as meetings_api
from tests.smtp_helpers import MailServer, smtp_server  # noqa: F401 - the fixture

EDITOR = system_actor("samordnare", "coordinator")
GUEST = "gast@polisen.invalid"
TITLE = "Samverkansmöte skola"


@pytest.fixture
def mail(smtp_server: MailServer, demo_db, monkeypatch) -> MailServer:  # noqa: F811
    for name, value in smtp_server.env().items():
        monkeypatch.setenv(name, value)
    return smtp_server


def _notify(capsys) -> None:
    assert main(["notify"]) == 0
    capsys.readouterr()


def _about(mail: MailServer, address: str) -> list:
    return [r for r in mail.to(address) if TITLE in r.subject]


def _calendar(received) -> Calendar:
    files = received.attachments("text/calendar")
    assert len(files) == 1
    return Calendar.from_ical(files[0])


def test_removed_attendee_gets_a_cancel_and_the_others_nothing(mail, capsys):
    starts = datetime.now().replace(microsecond=0, second=0) + timedelta(days=6)
    meeting_id = meetings_api.create_meeting(
        EDITOR,
        {
            "title": TITLE,
            "type": "other",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1),
        },
    )
    everyone = [
        {"name": "Demo Processledare"},
        {"name": "Demo Säkerhetssamordnare"},
        {"name": "Gäst", "organisation": "Polisen", "email": GUEST},
    ]
    version = meetings_api.save_attendance(EDITOR, meeting_id, everyone)
    _notify(capsys)
    assert len(_about(mail, "processledare@demo.invalid")) == 1
    assert len(_about(mail, GUEST)) == 1

    version = meetings_api.save_attendance(EDITOR, meeting_id, everyone[1:2], version)
    _notify(capsys)
    for address in ("processledare@demo.invalid", GUEST):
        removed = _about(mail, address)
        assert len(removed) == 2
        assert removed[-1].subject.startswith(f"Inte längre kallad: {TITLE}")
        assert "inte längre kallad" in removed[-1].text()
        cal = _calendar(removed[-1])
        assert str(cal["method"]) == "CANCEL"
        event = cal.walk("VEVENT")[0]
        assert str(event["uid"]) == meetings_export.uid(meeting_id)
        assert str(event["attendee"]) == f"mailto:{address}"
    assert len(_about(mail, "samordnare@demo.invalid")) == 1  # still invited: nothing new

    count = len(mail.received)
    _notify(capsys)
    assert len(mail.received) == count  # told once

    meetings_api.save_attendance(EDITOR, meeting_id, everyone, version)
    _notify(capsys)
    again = _about(mail, "processledare@demo.invalid")
    assert len(again) == 3 and again[-1].subject.startswith(f"Kallelse: {TITLE}")
    assert str(_calendar(again[-1])["method"]) == "REQUEST"
