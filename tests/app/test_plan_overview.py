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
    assert "Inte uppdaterade på länge 4" in text


def test_member_has_no_activities_of_their_own(demo_db):
    at = app_as("ledamot")
    assert "Din roll är inte ansvarig för någon öppen aktivitet." in texts(at)


def test_stale_days_setting_changes_the_list(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_STALE_DAYS", "100000")
    at = app_as("samordnare")
    text = texts(at)
    assert "Inte uppdaterade på 100\u202f000 dagar eller mer" in text  # counts grouped
    assert "Alla öppna aktiviteter har uppdaterats nyligen." in text


def test_overview_search_links_to_the_meeting_of_an_action_item(demo_db):
    from tests.app.helpers import app_as as _app_as

    at = _app_as("ledamot")
    at.text_input(key="portal_search").input("SIGNALUTBILDNING").run()
    assert not at.exception
    links = [el for el in at.get("page_link")]
    labels = [el.proto.label for el in links]
    assert any(
        label.startswith("Åtgärdspunkt · ") and "signalutbildningen" in label for label in labels
    ), labels
    assert "1 träff" in " ".join(c.value for c in at.caption)
    at.text_input(key="portal_search").input("ingenting-heter-så").run()
    assert any("Inget i portalen innehåller" in i.value for i in at.info)


def test_progress_table_is_built_when_its_expander_opens(demo_db):
    """The chart's table alternative runs only when opened, and then shows every
    dimension with its progress as a whole percentage."""
    at = app_as("samordnare")
    columns = "Dimension"

    def progress_tables() -> list:
        return [df for df in at.dataframe if columns in df.value.columns]

    assert not progress_tables()
    at.session_state["overview_plan_table"] = True  # as a click on the expander does
    at.run()
    assert not at.exception
    (table,) = progress_tables()
    assert list(table.value[columns]) == [
        "4.1 Främja demokratin",
        "4.2 Förebygga våldsbejakande extremism",
        "4.3 Förhindra våldsbejakande extremism",
    ]
    assert table.value["Framsteg (%)"].between(0, 100).all()
