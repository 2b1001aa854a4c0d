"""The portal-wide search: finds what people type (accents and case aside) in the plan,
meetings, the situation picture and the directory, shows each role only what it may see,
and never shows a signal."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from portal import auth
from portal.admin._db import users as users_db
from portal.meetings import _actions, _agenda as meetings
from portal.search import api as search_api
from portal.signals import api as signals_api

MUNICIPAL = ("admin", "coordinator", "process_leader", "member")
WORD = "zebrakvällen"  # a word nothing else in the demo holds


@pytest.fixture
def decision(demo_db) -> int:
    leader = users_db.get_user("processledare")
    start = datetime(2026, 4, 14, 13)
    mid = meetings.create_meeting(
        leader,
        {
            "title": "SOS-möte april",
            "type": "sos",
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
        },
        prefill=False,
    )
    _actions.add_decision(
        leader, mid, f"Vi ordnar {WORD} för föräldrar mot våldsbejakande extremism."
    )
    return mid


@pytest.mark.parametrize("role", MUNICIPAL)
def test_a_decision_is_found_by_a_word_in_it_by_every_municipal_role(decision, role):
    hits = search_api.search(role, WORD.upper())
    found = [h for h in hits if h.kind == "decision"]
    assert len(found) == 1
    assert WORD in found[0].title and "SOS-möte april" in found[0].title
    assert found[0].page == "moten" and found[0].params == (("mote", str(decision)),)
    assert found[0].when == date(2026, 4, 14)


@pytest.mark.parametrize("role", ["partner", None, "none"])
def test_roles_without_meetings_find_no_decision(decision, role):
    assert auth.can("member", "meetings.view")
    assert not [h for h in search_api.search(role, WORD) if h.kind == "decision"]
    assert not [h for h in search_api.search(role, WORD) if h.page != "stodkatalog"]


def test_accents_and_case_do_not_matter(decision):
    hits = search_api.search("member", "VALDSBEJAKANDE zebrakvallen")
    assert [h.kind for h in hits if h.page == "moten"] == ["decision"]


def test_a_signal_is_never_in_the_results_for_any_role(demo_db):
    signals_api.report(
        "ledamot",
        "member",
        observed_on=date.today(),
        setting="school",
        milieu="far_right",
        kind="statements",
        urgency="soon",
        description=f"Eleven sa {WORD} flera gånger på rasten.",
    )
    for role in (*auth.ROLES, None):
        assert not search_api.search(role, WORD), role


def test_plan_activities_are_found_and_link_to_the_plan_search(demo_db):
    hits = [h for h in search_api.search("member", "hemsida") if h.kind == "activity"]
    assert hits and all("hemsida" in h.title.lower() for h in hits)
    assert all(h.page == "handlingsplan" and h.params[0][0] == "sok" for h in hits)


def test_directory_hits_follow_what_the_role_may_see(demo_db):
    partner = search_api.search("partner", "anhöriga")
    assert partner and {h.page for h in partner} == {"stodkatalog"}
    municipal = search_api.search("admin", "anhöriga")
    assert len([h for h in municipal if h.page == "stodkatalog"]) >= len(partner)
    assert search_api.search(None, "anhöriga") == []  # visitors search on /stod instead


def test_a_query_without_a_real_word_finds_nothing(demo_db):
    assert search_api.search("admin", " a  ") == []
    assert search_api.search("admin", "") == []
