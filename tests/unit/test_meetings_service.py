"""Meetings services on a real DuckDB: validation, permissions, numbering, carry-over,
agenda prefill, stale minutes, the annual-report summary."""

from datetime import date, datetime, timedelta

import pytest

from portal.admin._db import users as users_db
from portal.db.connection import cursor
from portal.errors import PermissionDenied, StaleEdit, ValidationError
from portal.meetings import _actions as acts, _agenda as lists, _core as svc
from portal.meetings._db import meetings as db
from portal.meetings._summary import year_summary
from tests.db_helpers import count_rows


@pytest.fixture
def leader(demo_db):
    return users_db.get_user("processledare")


@pytest.fixture
def member(demo_db):
    return users_db.get_user("ledamot")


def _meeting(title="Möte", mtype="other", start=datetime(2031, 3, 4, 13), hours=2, **kw):
    return {
        "title": title,
        "type": mtype,
        "starts_at": start,
        "ends_at": start + timedelta(hours=hours),
        **kw,
    }


def _count(table: str) -> int:
    return count_rows(table)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_meeting(title="  "), "title"),
        (_meeting(hours=-1), "ends_at"),
        (_meeting(hours=0), "ends_at"),
        (_meeting(link="javascript:alert(1)"), "link"),
        (_meeting(link="ftp://example.org/x"), "link"),
        (_meeting(link="www.example.org"), "link"),
        (_meeting(mtype="party"), "type"),
    ],
)
def test_bad_meeting_input_names_the_field_and_writes_nothing(leader, data, field):
    before = (_count("meetings"), _count("audit_log"))
    with pytest.raises(ValidationError) as err:
        lists.create_meeting(leader, data)
    assert field in err.value.problems
    assert (_count("meetings"), _count("audit_log")) == before


def test_member_and_partner_cannot_write(member):
    partner = users_db.get_user("partner")
    for user in (member, partner):
        with pytest.raises(PermissionDenied):
            lists.create_meeting(user, _meeting())
        with pytest.raises(PermissionDenied):
            acts.add_decision(user, 1, "x")
        with pytest.raises(PermissionDenied):
            acts.add_action(user, 1, "x", "y", None)
        with pytest.raises(PermissionDenied):
            svc.save_minutes(user, 1, "x", 1)


def test_create_is_audited_and_https_link_kept(leader):
    mid = lists.create_meeting(leader, _meeting(link="https://example.org/m", place="Sal 1"))
    m = svc.get(mid)
    assert (m["link"], m["place"], m["status"]) == ("https://example.org/m", "Sal 1", "planned")
    with cursor() as cur:
        row = cur.execute(
            "SELECT actor, action FROM audit_log WHERE entity = 'meetings' AND entity_id = ?",
            [str(mid)],
        ).fetchone()
    assert row == ("processledare", "create")


def test_decisions_are_numbered_per_meeting(leader):
    a = lists.create_meeting(leader, _meeting("A"))
    b = lists.create_meeting(leader, _meeting("B"))
    assert [acts.add_decision(leader, a, "ett"), acts.add_decision(leader, a, "två")] == [1, 2]
    assert acts.add_decision(leader, b, "första i B") == 1
    assert db.decisions(a)["number"].tolist() == [1, 2]
    with pytest.raises(ValidationError):
        acts.add_decision(leader, a, "   ")


def test_action_due_in_the_past_warns_but_saves(leader):
    mid = lists.create_meeting(leader, _meeting())
    saved = acts.add_action(
        leader,
        mid,
        "Ring polisen",
        "Demo Ledamot SOS-gruppen",
        date(2020, 1, 1),
        today=date(2026, 1, 1),
    )
    assert saved.warnings and "2020-01-01" in saved.warnings[0]
    row = db.actions(meeting_id=mid).iloc[0]
    assert row["owner_username"] == "ledamot"  # matched by display name
    ok = acts.add_action(
        leader, mid, "Senare", "Extern person", date(2030, 1, 1), today=date(2026, 1, 1)
    )
    assert ok.warnings == []
    with pytest.raises(ValidationError) as err:
        acts.add_action(leader, mid, "", "", None)
    assert set(err.value.problems) == {"text", "owner"}


def test_open_actions_carry_over_until_closed_and_closing_records_who(leader):
    first = lists.create_meeting(leader, _meeting("Första", start=datetime(2031, 1, 10, 9)))
    saved = acts.add_action(leader, first, "Ta fram rutin", "Demo Processledare", date(2031, 2, 1))
    later = datetime(2031, 2, 10, 9)
    assert "Ta fram rutin" in acts.open_actions(before=later)["text"].tolist()
    assert "Ta fram rutin" in acts.my_open_actions("processledare")["text"].tolist()
    assert "Ta fram rutin" in acts.overdue_actions(date(2031, 2, 2))["text"].tolist()
    version = int(db.actions(meeting_id=first).iloc[0]["version"])
    acts.close_action(leader, saved.id, version)
    row = db.actions(meeting_id=first).iloc[0]
    assert row["status"] == "done" and row["closed_by"] == "processledare"
    assert row["closed_at"] is not None
    assert "Ta fram rutin" not in acts.open_actions(before=later)["text"].tolist()
    with pytest.raises(StaleEdit):  # closing again with the old version
        acts.set_action_status(leader, saved.id, "open", version)


def test_new_sos_meeting_is_prefilled_with_standing_items(leader):
    earlier = lists.create_meeting(
        leader, _meeting("Tidigare", "police", start=datetime(2031, 1, 10, 9))
    )
    acts.add_action(leader, earlier, "Boka föreläsare", "Demo Processledare", None)
    closed = acts.add_action(leader, earlier, "Redan klar", "Demo Processledare", None)
    acts.close_action(leader, closed.id, 1)
    new = lists.create_meeting(leader, _meeting("SOS", "sos", start=datetime(2031, 2, 10, 13)))
    agenda = db.agenda(new)
    assert agenda["kind"].tolist() == ["actions", "late_activities", "situation", "signals"]
    notes = dict(zip(agenda["kind"], agenda["notes"], strict=True))
    assert "Boka föreläsare" in notes["actions"]
    assert "Redan klar" not in notes["actions"]
    # The real 2019-2020 plan's activities due 2020-12 are overdue by 2031.
    assert "2020-12" in notes["late_activities"]
    assert "Skapa rutiner för hur signaler" in notes["late_activities"]
    assert "inga enskilda ärenden" in notes["signals"]


def test_other_meeting_types_and_opt_out_get_no_prefill(leader):
    police = lists.create_meeting(leader, _meeting("Polis", "police"))
    plain = lists.create_meeting(leader, _meeting("SOS", "sos"), prefill=False)
    assert db.agenda(police).empty and db.agenda(plain).empty


def test_prefill_leaves_out_actions_from_later_meetings(leader):
    later = lists.create_meeting(leader, _meeting("Senare", start=datetime(2032, 5, 1, 9)))
    acts.add_action(leader, later, "Från framtiden", "X", None)
    items = acts.prefill_agenda(datetime(2032, 1, 1, 9), today=date(2031, 12, 1))
    assert "Från framtiden" not in items[0]["notes"]


def test_agenda_and_attendance_validation(leader):
    mid = lists.create_meeting(leader, _meeting())
    with pytest.raises(ValidationError) as err:
        lists.save_agenda(leader, mid, [{"title": "Ok"}, {"title": ""}])
    assert list(err.value.problems) == ["Dagordningspunkt 2"]
    lists.save_agenda(
        leader,
        mid,
        [
            {"title": "Inledning", "duration_min": 5},
            {"title": "Plan", "activity_id": 1, "presenter": "PL"},
        ],
    )
    agenda = db.agenda(mid)
    assert agenda["title"].tolist() == ["Inledning", "Plan"]
    assert int(agenda.iloc[1]["activity_id"]) == 1
    lists.save_attendance(
        leader,
        mid,
        [
            {"name": "Anna", "organisation": "Polisen", "present": True},
            {"name": "", "organisation": ""},  # empty editor row is ignored
        ],
    )
    assert db.attendees(mid)["name"].tolist() == ["Anna"]
    with pytest.raises(ValidationError):
        lists.save_attendance(leader, mid, [{"name": "", "organisation": "Skolan"}])
    assert db.attendees(mid)["name"].tolist() == ["Anna"]


def test_concurrent_minutes_edit_is_refused_not_overwritten(leader):
    mid = lists.create_meeting(leader, _meeting())
    coordinator = users_db.get_user("samordnare")
    loaded = int(svc.get(mid)["minutes_version"])
    new_version = svc.save_minutes(coordinator, mid, "Samordnarens text", loaded)
    with pytest.raises(StaleEdit) as err:
        svc.save_minutes(leader, mid, "Processledarens text", loaded)
    assert err.value.changes["minutes"] == "Samordnarens text"
    # The person's name, not the username "samordnare".
    assert str(err.value).startswith("Demo Säkerhetssamordnare har sparat mötet")
    assert svc.get(mid)["minutes"] == "Samordnarens text"
    svc.save_minutes(leader, mid, "Sammanslaget", new_version)
    assert svc.get(mid)["minutes"] == "Sammanslaget"


def test_year_summary_interface(leader):
    start = datetime(2031, 4, 2, 13)
    a = lists.create_meeting(leader, _meeting("SOS april", "sos", start=start), prefill=False)
    b = lists.create_meeting(leader, _meeting("Polis", "police", start=start + timedelta(days=9)))
    lists.create_meeting(
        leader,
        _meeting("Inställt", "sos", start=start + timedelta(days=20), status="cancelled"),
        prefill=False,
    )
    for mid in (a, b):
        svc.set_status(leader, mid, "held", 1)
    lists.save_attendance(
        leader,
        a,
        [
            {"name": "A", "organisation": "Polisen", "present": True},
            {"name": "B", "organisation": "Skolan", "present": True},
            {"name": "C", "organisation": "Skolan", "present": False},
        ],
    )
    lists.save_attendance(leader, b, [{"name": "A", "organisation": "Polisen", "present": True}])
    acts.add_decision(leader, a, "Beslut ett")
    acts.add_action(leader, a, "Öppen punkt", "Demo Processledare", date(2031, 5, 1))
    summary = year_summary(2031)
    assert summary["held"] == 2
    by_type = {r["type"]: r for r in summary["by_type"]}
    assert by_type["sos"] == {"type": "sos", "label": "SOS-möte", "count": 1}
    assert by_type["police"]["count"] == 1 and by_type["other"]["count"] == 0
    assert summary["attendance_by_org"] == [
        {"organisation": "Polisen", "count": 2},
        {"organisation": "Skolan", "count": 1},
    ]
    assert summary["decisions"] == [
        {"date": date(2031, 4, 2), "meeting": "SOS april", "number": 1, "text": "Beslut ett"}
    ]
    mine = [x for x in summary["open_actions"] if x["text"] == "Öppen punkt"]
    assert mine == [
        {
            "text": "Öppen punkt",
            "owner": "Demo Processledare",
            "due": date(2031, 5, 1),
            "status": "open",
            "status_label": "Öppen",
        }
    ]
    assert year_summary(2040)["held"] == 0


def test_demo_meetings_are_marked(demo_db):
    df = db.meetings()
    assert len(df) >= 4 and all(t.startswith("[Demo]") for t in df["title"])
    assert db.next_meeting(svc.now_local()) is not None


def test_agenda_saved_on_an_old_copy_is_refused_not_overwritten(leader):
    """Two editors open the same agenda; the second save, made on the copy loaded before
    the first, is refused and the first person's agenda stays."""
    mid = lists.create_meeting(leader, _meeting())
    coordinator = users_db.get_user("samordnare")
    loaded = int(svc.get(mid)["agenda_version"])
    newer = lists.save_agenda(leader, mid, [{"title": "Lägesbild"}], loaded)
    assert newer == loaded + 1
    with pytest.raises(StaleEdit) as err:
        lists.save_agenda(coordinator, mid, [{"title": "Min punkt"}], loaded)
    assert "har ändrat listan" in str(err.value)
    assert err.value.changes["version"] == newer
    assert db.agenda(mid)["title"].tolist() == ["Lägesbild"]
    # Having seen the saved list, the second person saves on the new version.
    lists.save_agenda(coordinator, mid, [{"title": "Lägesbild"}, {"title": "Min punkt"}], newer)
    assert db.agenda(mid)["title"].tolist() == ["Lägesbild", "Min punkt"]


def test_attendance_saved_on_an_old_copy_is_refused_not_overwritten(leader):
    mid = lists.create_meeting(leader, _meeting())
    loaded = int(svc.get(mid)["attendance_version"])
    lists.save_attendance(leader, mid, [{"name": "Anna", "present": True}], loaded)
    with pytest.raises(StaleEdit):
        lists.save_attendance(leader, mid, [{"name": "Bo"}], loaded)
    assert db.attendees(mid)["name"].tolist() == ["Anna"]
