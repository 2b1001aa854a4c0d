"""Every write refuses text beyond its field's limit on the server, names the field and
stores nothing (a megabyte of text was accepted into meetings, the directory, the
situation picture and the report's final note; three 1 MB public entries made /stod
take minutes)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from portal.admin._db import users as users_db
from portal.db.connection import cursor
from portal.directory import _core as directory
from portal.directory._db import directory as dir_db
from portal.errors import ValidationError
from portal.meetings import _actions, _agenda, _core as meetings
from portal.meetings._db import meetings as meetings_db
from portal.report import api as report_api
from portal.situation import _core as situation
from portal.situation._db import situation as situation_db

MEGABYTE = "x" * 1_000_000
START = datetime(2031, 3, 4, 13)


def _meeting(**extra) -> dict:
    return {
        "title": "Möte",
        "type": "other",
        "starts_at": START,
        "ends_at": START + timedelta(hours=1),
        **extra,
    }


@pytest.fixture
def leader(demo_db):
    return users_db.get_user("processledare")


def _meetings_count() -> int:
    with cursor() as cur:
        row = cur.execute("SELECT count(*) FROM meetings").fetchone()
    return int(row[0]) if row else 0


def test_meeting_place_over_the_limit_is_refused(leader):
    before = _meetings_count()
    with pytest.raises(ValidationError) as err:
        _agenda.create_meeting(leader, _meeting(place=MEGABYTE))
    assert "place" in err.value.problems
    assert _meetings_count() == before


@pytest.mark.parametrize(
    "write",
    [
        lambda actor, mid: meetings.save_minutes(actor, mid, MEGABYTE, 1),
        lambda actor, mid: _agenda.save_agenda(actor, mid, [{"title": "A", "notes": MEGABYTE}]),
        lambda actor, mid: _agenda.save_agenda(actor, mid, [{"title": MEGABYTE}]),
        lambda actor, mid: _agenda.save_attendance(actor, mid, [{"name": MEGABYTE}]),
        lambda actor, mid: _actions.add_action(actor, mid, "Boka", MEGABYTE, None),
    ],
    ids=["minutes", "agenda-notes", "agenda-title", "attendee", "action-owner"],
)
def test_meeting_texts_over_the_limit_are_refused(leader, write):
    mid = _agenda.create_meeting(leader, _meeting(), prefill=False)
    before = meetings_db.meeting(mid)
    with pytest.raises(ValidationError):
        write(leader, mid)
    assert meetings_db.meeting(mid) == before
    assert meetings_db.agenda(mid).empty and meetings_db.attendees(mid).empty
    assert meetings_db.actions(meeting_id=mid).empty


@pytest.mark.parametrize("field", ["name", "organization", "description", "hours"])
def test_directory_entry_over_the_limit_is_refused(demo_db, field):
    entry = {"name": "Stöd", "organization": "Org", "visibility": "public", field: MEGABYTE}
    with cursor() as cur:
        before = dir_db.count_entries(cur)
    with pytest.raises(ValidationError) as err:
        directory.save("admin", "admin", entry)
    assert "för lång" in str(err.value.problems) or "tecken" in str(err.value.problems)
    with cursor() as cur:
        assert dir_db.count_entries(cur) == before


def test_situation_texts_over_the_limit_are_refused(demo_db):
    year = 2027
    situation.create_year(year, "samordnare", "coordinator")
    with pytest.raises(ValidationError) as err:
        situation.save_assessment(
            year,
            "far_right",
            {"level": "low", "trend": "unknown", "narrative": MEGABYTE},
            None,
            "samordnare",
            "coordinator",
        )
    assert "narrative" in err.value.problems
    with cursor() as cur:
        row = situation_db.year(cur, year)
    assert row is not None
    summary_before = row["summary"]
    with pytest.raises(ValidationError) as err:
        situation.save_year(
            year, {"summary": MEGABYTE}, int(row["version"]), "samordnare", "coordinator"
        )
    assert "summary" in err.value.problems
    with cursor() as cur:
        stored = situation_db.year(cur, year)
    assert stored is not None and stored["summary"] == summary_before


def test_report_final_note_is_refused_not_cut(demo_db):
    admin = users_db.get_user("admin")
    with pytest.raises(ValidationError) as err:
        report_api.finalize(admin, 2020, lambda report: {}, note="n" * 501)
    assert "note" in err.value.problems
