"""E-mail notifications against a real SMTP server (aiosmtpd on loopback) and a real
demo database: what is sent, to whom, in which language, exactly once, and retried."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from portal.actor import system_actor
from portal.admin.api import get_user
from portal.cli import main
from portal.db.connection import cursor
from portal.errors import ValidationError
from portal.exports import meetings as meetings_export
from portal.meetings import api as meetings_api
from portal.notify import api as notify_api
from portal.plan import api as plan_api
from tests.smtp_helpers import MailServer, smtp_server  # noqa: F401 - the fixture

EDITOR = system_actor("samordnare", "coordinator")
BASE = "https://portal.kommun.invalid"
GUEST = "gast@polisen.invalid"


@pytest.fixture
def mail(smtp_server: MailServer, demo_db, monkeypatch) -> MailServer:  # noqa: F811
    for name, value in smtp_server.env().items():
        monkeypatch.setenv(name, value)
    return smtp_server


def _notify(capsys, *args: str) -> tuple[int, str]:
    code = main(["notify", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _overdue_for(role: str) -> list[str]:
    view = plan_api.current_plan_view(date.today())
    assert view is not None
    acts = view[2]
    return list(acts[(acts["responsible_role"] == role) & acts["overdue"]]["description"])


def _links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"<>]+", text)


def test_digest_names_overdue_activities_in_swedish_once(mail, capsys):
    code, out = _notify(capsys)
    assert code == 0, out
    digests = [r for r in mail.to("processledare@demo.invalid") if "sammanfattning" in r.subject]
    assert len(digests) == 1
    digest = digests[0]
    assert digest.subject.startswith("SOS-portalen: veckans sammanfattning")
    assert digest.message["To"] == "processledare@demo.invalid"
    text = digest.text()
    overdue = _overdue_for("process_leader")
    assert overdue, "the demo plan has overdue activities for the process leader"
    assert "Dina aktiviteter som är försenade" in text
    for description in overdue:
        assert description[:60] in text
    assert "Dina åtgärdspunkter som passerat sitt datum" in text
    # Every link, in both parts, points back at the portal's own address.
    links = _links(text) + _links(digest.html())
    assert links and all(link.startswith(BASE + "/") for link in links)
    assert BASE + "/handlingsplan" in links
    # The HTML part is well-formed enough to name the language and escape the text.
    assert '<html lang="sv">' in digest.html()

    before = len(mail.received)
    code, out = _notify(capsys)
    assert code == 0 and "nothing to send" in out
    assert len(mail.received) == before  # a second run sends nothing


def test_every_send_is_audited_without_content(mail, capsys):
    _notify(capsys)
    with cursor() as cur:
        rows = cur.execute(
            "SELECT actor, action, entity, after_json FROM audit_log WHERE entity = 'notify'"
        ).fetchall()
        unsent = cur.execute(
            "SELECT count(*) FROM notify_outbox WHERE sent_at IS NULL OR message IS NOT NULL"
        ).fetchone()
    assert len(rows) == len(mail.received) > 0
    for actor, action, _entity, after in rows:
        assert (actor, action) == ("notify", "send")
        assert set(__import__("json").loads(after)) == {"kind", "recipient"}
    assert unsent == (0,)  # sent messages keep no content in the outbox


def test_english_for_a_user_who_chose_english(mail, capsys):
    user = get_user("processledare")
    assert user is not None
    notify_api.save_mail_choices(user, "daily", "en")
    _notify(capsys)
    digest = [r for r in mail.to("processledare@demo.invalid") if "digest" in r.subject][0]
    assert digest.subject == f"SOS-portalen: daily digest ({date.today().isoformat()})"
    assert "Your activities that are overdue" in digest.text()
    assert '<html lang="en">' in digest.html()


def test_digest_off_sends_no_digest(mail, capsys):
    user = get_user("processledare")
    assert user is not None
    notify_api.save_mail_choices(user, "off", "sv")
    _notify(capsys)
    assert not [r for r in mail.to("processledare@demo.invalid") if "sammanfattning" in r.subject]


def test_user_text_is_escaped_in_the_html_part(mail, capsys):
    starts = datetime.now().replace(microsecond=0, second=0) + timedelta(days=5)
    meeting_id = meetings_api.create_meeting(
        EDITOR,
        {
            "title": "<b>Möte</b> & <script>x</script>",
            "type": "other",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1),
        },
    )
    meetings_api.save_attendance(EDITOR, meeting_id, [{"name": "Demo Processledare"}])
    _notify(capsys)
    invite = [r for r in mail.to("processledare@demo.invalid") if "<b>Möte</b>" in r.subject][0]
    assert "<script>" not in invite.html()
    assert "&lt;b&gt;Möte&lt;/b&gt; &amp; &lt;script&gt;" in invite.html()


def _invitation(received) -> Calendar:
    files = received.attachments("text/calendar")
    assert len(files) == 1
    return Calendar.from_ical(files[0])


def test_meeting_invitation_on_create_move_and_cancel(mail, capsys):
    starts = datetime.now().replace(microsecond=0, second=0) + timedelta(days=10)
    data = {
        "title": "Extra SOS-möte",
        "type": "sos",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "place": "Kommunhuset",
    }
    meeting_id = meetings_api.create_meeting(EDITOR, data)
    meetings_api.save_attendance(
        EDITOR,
        meeting_id,
        [
            {"name": "Demo Processledare"},
            {"name": "Gäst utan adress", "organisation": "Polisen"},
            {"name": "Gäst med adress", "organisation": "Polisen", "email": GUEST},
            {"name": "Ej kallad", "email": "ej.kallad@polisen.invalid", "invited": False},
        ],
    )
    _notify(capsys)
    guest = [r for r in mail.to(GUEST) if "Extra SOS-möte" in r.subject]
    assert len(guest) == 1
    assert "bjudits in till mötet" in guest[0].text() and "/konto" not in guest[0].text()
    assert str(_invitation(guest[0]).walk("VEVENT")[0]["attendee"]) == f"mailto:{GUEST}"
    invites = [r for r in mail.to("processledare@demo.invalid") if "Extra SOS-möte" in r.subject]
    assert not mail.to("ej.kallad@polisen.invalid")
    assert len(invites) == 1
    assert invites[0].subject.startswith("Kallelse: Extra SOS-möte")
    cal = _invitation(invites[0])
    assert str(cal["method"]) == "REQUEST"
    event = cal.walk("VEVENT")[0]
    assert str(event["uid"]) == meetings_export.uid(meeting_id)
    assert int(event["sequence"]) == 0
    assert "Lägesbild" in str(event["description"])  # the standing SOS agenda
    assert f"{BASE}/moten?mote={meeting_id}" in str(event["description"])
    assert event.decoded("dtstart").replace(tzinfo=None) == starts

    # Moved: a new REQUEST with a higher SEQUENCE for the same UID.
    m = meetings_api.get(meeting_id)
    moved = {
        **data,
        "starts_at": starts + timedelta(days=1),
        "ends_at": starts + timedelta(days=1, hours=2),
    }
    meetings_api.update_meeting(EDITOR, meeting_id, moved, m["version"])
    _notify(capsys)
    invites = [r for r in mail.to("processledare@demo.invalid") if "Extra SOS-möte" in r.subject]
    assert len(invites) == 2
    assert len([r for r in mail.to(GUEST) if "Extra SOS-möte" in r.subject]) == 2
    second = _invitation(invites[1]).walk("VEVENT")[0]
    assert str(second["uid"]) == meetings_export.uid(meeting_id)
    assert int(second["sequence"]) == 1

    # Cancelled: METHOD:CANCEL, same UID, higher SEQUENCE, to those invited before.
    m = meetings_api.get(meeting_id)
    meetings_api.set_status(EDITOR, meeting_id, "cancelled", m["version"])
    _notify(capsys)
    invites = [r for r in mail.to("processledare@demo.invalid") if "Extra SOS-möte" in r.subject]
    assert len(invites) == 3
    assert len([r for r in mail.to(GUEST) if "Inställt: Extra SOS-möte" in r.subject]) == 1
    assert invites[2].subject.startswith("Inställt: Extra SOS-möte")
    cancel = _invitation(invites[2])
    assert str(cancel["method"]) == "CANCEL"
    event = cancel.walk("VEVENT")[0]
    assert str(event["uid"]) == meetings_export.uid(meeting_id)
    assert int(event["sequence"]) == 2
    assert str(event["status"]) == "CANCELLED"
    count = len(mail.received)
    _notify(capsys)
    assert len(mail.received) == count


def test_guest_address_is_checked(demo_db):
    starts = datetime.now().replace(microsecond=0, second=0) + timedelta(days=4)
    meeting_id = meetings_api.create_meeting(
        EDITOR,
        {
            "title": "Kontroll",
            "type": "other",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1),
        },
    )
    for bad in ("inte en adress", "a@b.se\nBcc: x@y.se", "a@b.se, c@d.se"):
        with pytest.raises(ValidationError):
            meetings_api.save_attendance(EDITOR, meeting_id, [{"name": "Gäst", "email": bad}])


def test_minutes_pdf_with_own_action_items_first(mail, capsys, tmp_path):
    starts = datetime.now().replace(microsecond=0, second=0) - timedelta(days=2)
    meeting_id = meetings_api.create_meeting(
        EDITOR,
        {
            "title": "Avstämning signalrutin",
            "type": "other",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1),
        },
    )
    meetings_api.save_attendance(
        EDITOR, meeting_id, [{"name": "Demo Processledare"}, {"name": "Demo Säkerhetssamordnare"}]
    )
    meetings_api.add_action(
        EDITOR, meeting_id, "Ringa skolan om rutinen", "Demo Ledamot SOS-gruppen", None
    )
    meetings_api.add_action(
        EDITOR, meeting_id, "Skriva utkast till rutin", "Demo Processledare", None
    )
    m = meetings_api.get(meeting_id)
    meetings_api.set_status(EDITOR, meeting_id, "held", m["version"])
    _notify(capsys)
    minutes = [
        r
        for r in mail.to("processledare@demo.invalid")
        if r.subject.startswith("Protokoll: Avstämning signalrutin")
    ]
    assert len(minutes) == 1
    text = minutes[0].text()
    assert text.index("Dina åtgärdspunkter") < text.index("Skriva utkast till rutin")
    assert text.index("Skriva utkast till rutin") < text.index("Övriga åtgärdspunkter")
    assert text.index("Övriga åtgärdspunkter") < text.index("Ringa skolan om rutinen")
    pdfs = minutes[0].attachments("application/pdf")
    assert len(pdfs) == 1 and pdfs[0].startswith(b"%PDF")
    # The action owner who was not invited gets the minutes too.
    assert mail.to("ledamot@demo.invalid")
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the minutes PDF")
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdfs[0])
    pdf_text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Avstämning signalrutin" in pdf_text
    assert "Skriva utkast till rutin" in pdf_text


def test_refused_send_is_reported_and_sent_next_run(mail, capsys):
    mail.refuse = 1
    code, out = _notify(capsys)
    assert code == 1
    assert "FAILED (will retry next run)" in out and "451" in out
    with cursor() as cur:
        failed = cur.execute(
            "SELECT kind, recipient, attempts, last_error FROM notify_outbox WHERE sent_at IS NULL"
        ).fetchall()
    assert len(failed) == 1 and failed[0][2] == 1 and "451" in failed[0][3]
    kind, recipient = failed[0][0], failed[0][1]
    got = len(mail.received)
    code, out = _notify(capsys)
    assert code == 0, out
    assert len(mail.received) == got + 1
    assert f"sent: {kind} to {recipient}" in out
    with cursor() as cur:
        assert cur.execute(
            "SELECT count(*) FROM notify_outbox WHERE sent_at IS NULL"
        ).fetchone() == (0,)


def test_server_down_keeps_messages_for_the_next_run(mail, capsys, monkeypatch):
    monkeypatch.setenv("PORTAL_SMTP_PORT", "1")  # nothing listens there
    code, out = _notify(capsys)
    assert code == 1 and "ConnectionRefusedError" in out
    monkeypatch.setenv("PORTAL_SMTP_PORT", str(mail.port))
    code, out = _notify(capsys)
    assert code == 0 and mail.received
    assert "queued:" not in out  # nothing new: the waiting messages went out


def test_no_smtp_host_sends_nothing(demo_db, capsys, monkeypatch):
    monkeypatch.delenv("PORTAL_SMTP_HOST", raising=False)
    code, out = _notify(capsys)
    assert code == 0 and "PORTAL_SMTP_HOST is not set" in out
    code, out = _notify(capsys, "--dry-run")
    assert code == 0 and "would send: digest to processledare" in out
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM notify_outbox").fetchone() == (0,)
    assert notify_api.start_sender() is False


def test_dry_run_and_on_date(mail, capsys):
    code, out = _notify(capsys, "--dry-run", "--on", "2027-01-05")
    assert code == 0
    assert "would send: digest to processledare" in out and "2027-W01" in out
    assert not mail.received


def test_sender_thread_sends_right_after_a_write(mail, capsys):
    assert notify_api.start_sender() is True
    try:
        deadline = datetime.now() + timedelta(seconds=30)
        starts = datetime.now().replace(microsecond=0, second=0) + timedelta(days=3)
        meeting_id = meetings_api.create_meeting(
            EDITOR,
            {
                "title": "Snabbinkallat möte",
                "type": "other",
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=1),
            },
        )
        meetings_api.save_attendance(EDITOR, meeting_id, [{"name": "Demo Processledare"}])
        while datetime.now() < deadline:
            if [r for r in mail.received if "Snabbinkallat möte" in r.subject]:
                break
            __import__("time").sleep(0.2)
        assert [r.rcpt_tos for r in mail.received if "Snabbinkallat möte" in r.subject] == [
            ["processledare@demo.invalid"]
        ]
    finally:
        notify_api.stop_sender()


def _digest_to(mail: MailServer, address: str) -> str:
    found = [r for r in mail.to(address) if "sammanfattning" in r.subject]
    assert len(found) == 1
    return found[0].text()


def test_directory_and_situation_reminders_go_to_their_roles(mail, capsys):
    # From the remind month on, last year's unapproved picture is the coordinator's task.
    code, out = _notify(capsys, "--on", "2030-04-01")
    assert code == 0, out
    coordinator = _digest_to(mail, "samordnare@demo.invalid")
    assert "Lägesbilden för 2029 är inte fastställd." in coordinator
    assert BASE + "/lagesbild" in coordinator
    leader = _digest_to(mail, "processledare@demo.invalid")
    assert "Lägesbilden" not in leader
    # Directory editors are asked to verify entries; members (no editing) are not.
    assert "Poster i stödkatalogen som behöver kontrolleras" in leader
    assert not [r for r in mail.to("ledamot@demo.invalid") if "stödkatalogen" in r.text()]


def test_no_situation_reminder_before_the_remind_month(mail, capsys):
    code, out = _notify(capsys, "--on", "2030-02-01")
    assert code == 0, out
    assert "Lägesbilden" not in _digest_to(mail, "samordnare@demo.invalid")


def test_moved_back_is_sent_again_and_a_title_edit_is_not(mail, capsys):
    starts = datetime.now().replace(microsecond=0, second=0) + timedelta(days=8)
    first = {
        "title": "Flyttat möte",
        "type": "other",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1),
    }
    moved = {
        **first,
        "starts_at": starts + timedelta(hours=3),
        "ends_at": starts + timedelta(hours=4),
    }
    meeting_id = meetings_api.create_meeting(EDITOR, first)
    meetings_api.save_attendance(EDITOR, meeting_id, [{"name": "Demo Processledare"}])

    def invites() -> list:
        return [r for r in mail.received if "möte" in r.subject and "Flyttat" in r.subject]

    def save(data: dict) -> None:
        meetings_api.update_meeting(
            EDITOR, meeting_id, data, meetings_api.get(meeting_id)["version"]
        )
        _notify(capsys)

    _notify(capsys)
    save(moved)
    save(first)  # moved back: calendars must hear it, with a higher SEQUENCE
    assert len(invites()) == 3
    last = _invitation(invites()[-1]).walk("VEVENT")[0]
    assert int(last["sequence"]) == 2
    assert last.decoded("dtstart").replace(tzinfo=None) == starts
    save({**first, "place": "Sal 2"})  # another room is news too
    assert len(invites()) == 4
    assert "Plats: Sal 2" in invites()[-1].text()
    save({**first, "place": "Sal 2", "title": "Flyttat möte (ny rubrik)"})  # title only
    assert len(invites()) == 4
