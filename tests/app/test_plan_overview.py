"""The overview's plan section: my activities, overdue, stale and recent updates."""

from tests.app.helpers import app_as, texts


def test_process_leader_overview_lists_plan_sections(demo_db):
    at = app_as("processledare")
    assert not at.exception
    text = texts(at)
    for heading in (
        "Mina aktiviteter",
        "Försenade aktiviteter",
        "Inte uppdaterade på 90 dagar eller mer",
        "Senaste uppdateringarna",
    ):
        assert heading in text
    assert "Utkast till rutin för signaler" in text  # newest demo update first
    assert "Inaktuella 4" in text


def test_member_has_no_activities_of_their_own(demo_db):
    at = app_as("ledamot")
    assert "Din roll är inte ansvarig för någon öppen aktivitet." in texts(at)


def test_stale_days_setting_changes_the_list(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_STALE_DAYS", "100000")
    at = app_as("samordnare")
    text = texts(at)
    assert "Inte uppdaterade på 100000 dagar eller mer" in text
    assert "Alla öppna aktiviteter har uppdaterats nyligen." in text
