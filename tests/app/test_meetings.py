"""The meetings page per role, in AppTest: lists, forms, meeting mode, safe minutes."""

import importlib.util
import re
from datetime import time

import pytest

from portal.admin._db import users as users_db
from portal.meetings import _core as svc
from portal.meetings._db import meetings as db, writes
from tests.app.helpers import app_as, open_section, page_as, seen, texts

PAGE = "app_pages/meetings.py"


def _upcoming_sos_id() -> int:
    df = db.meetings("sos")
    return int(df[df["status"] == "planned"].iloc[0]["id"])


def _frames(at) -> str:
    return "\n".join(df.value.to_csv() for df in at.dataframe)


@pytest.mark.parametrize("username", ["admin", "samordnare", "processledare"])
def test_editors_see_lists_and_the_new_meeting_form(demo_db, username):
    at = app_as(username, PAGE)
    assert not at.exception
    text = texts(at)
    assert "Samverkansmöten" in text and "Kommande möten" in text and "Tidigare möten" in text
    assert not any(b.label == "Skapa möte" for b in at.button)  # built when opened
    open_section(at, "mt_new_open")
    assert any(b.label == "Skapa möte" for b in at.button)
    assert "[Demo] Regionalt nätverksmöte, Länsstyrelsen" in _frames(at)


def test_member_reads_but_cannot_create(demo_db):
    at = app_as("ledamot", PAGE)
    assert not at.exception
    assert "Du kan läsa mötet men inte ändra det." in texts(at)
    assert not any(b.label in ("Skapa möte", "Spara status") for b in at.button)
    assert "[Demo] SOS-gruppens möte" in _frames(at)
    assert "Närvaro per organisation" in texts(at)
    frames = len(at.dataframe)
    at = open_section(at, "mt_attendance_table")  # the chart's table, built when opened
    assert len(at.dataframe) == frames + 1
    columns = [list(df.value.columns) for df in at.dataframe]
    assert ["Organisation", "Antal närvarande"] in columns


def test_partner_is_refused_by_the_page_guard(demo_db):
    at = page_as("partner", PAGE)
    assert "Du har inte behörighet till den här sidan." in texts(at)
    assert "[Demo]" not in texts(at) + _frames(at)


def test_leader_creates_a_meeting_and_lands_on_it(demo_db):
    at = open_section(app_as("processledare", PAGE), "mt_new_open")
    title = next(ti for ti in at.text_input if ti.label == "Rubrik")
    title.input("Extrainsatt SOS-möte")
    next(b for b in at.button if b.label == "Skapa möte").click()
    at.run()
    assert not at.exception
    new_id = int(
        at.query_params["mote"][0]
        if isinstance(at.query_params["mote"], list)
        else at.query_params["mote"]
    )
    assert svc.get(new_id)["title"] == "Extrainsatt SOS-möte"
    # The standing SOS items were prefilled.
    assert len(db.agenda(new_id)) == 4


def test_end_before_start_shows_a_clear_error_and_writes_nothing(demo_db):
    before = len(db.meetings())
    at = open_section(app_as("processledare", PAGE), "mt_new_open")
    next(ti for ti in at.text_input if ti.label == "Rubrik").input("Fel tid")
    next(ti for ti in at.time_input if ti.label == "Sluttid").set_value(time(12, 0))
    next(b for b in at.button if b.label == "Skapa möte").click()
    at.run()
    assert "Sluttiden måste vara efter starttiden." in texts(at)
    assert len(db.meetings()) == before


def test_minutes_markdown_cannot_inject_html(demo_db):
    mid = _upcoming_sos_id()
    leader = users_db.get_user("processledare")
    evil = "# Rubrik\n<script>alert('x')</script>\n<img src=x onerror=\"alert(1)\">\n**fet**"
    svc.save_minutes(leader, mid, evil, int(svc.get(mid)["minutes_version"]))
    for username in ("ledamot", "processledare"):
        at = app_as(username, None)
        at.query_params["mote"] = str(mid)
        at.switch_page(PAGE)
        at.run()
        assert not at.exception
        shown = [m for m in at.markdown if "onerror" in m.value]
        assert shown, username
        assert all(m.allow_html is False for m in shown)


def test_member_meeting_mode_shows_agenda_item_by_item_without_entry(demo_db):
    mid = _upcoming_sos_id()
    at = app_as("ledamot", None)
    at.query_params["mote"] = str(mid)
    at.query_params["lage"] = "1"
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    text = texts(at)
    assert "Punkt 1 av 5" in text and "Aktuellt läge" in text
    assert "Snabbregistrering" not in text
    assert "Boka lokal och föreläsare för signalutbildningen" in text
    next(b for b in at.button if b.label == "Nästa punkt").click().run()
    assert "Punkt 2 av 5" in texts(at)
    next(b for b in at.button if b.label == "Nästa punkt").click().run()
    assert "3. Lägesbild" in texts(at)
    if importlib.util.find_spec("portal.ui.situation_widgets") is None:
        assert "Den här delen av portalen finns inte ännu." in texts(at)
    assert not at.exception


def test_leader_records_decision_and_action_in_meeting_mode(demo_db):
    mid = _upcoming_sos_id()
    at = app_as("processledare", None)
    at.query_params["mote"] = str(mid)
    at.query_params["lage"] = "1"
    at.switch_page(PAGE)
    at.run()
    assert "Snabbregistrering" in texts(at)
    at.text_area(key=f"mt_decision_text_{mid}").input("Vi genomför en föräldrakväll.")
    next(b for b in at.button if b.label == "Lägg till beslut").click().run()
    assert "Beslut § 1 är registrerat." in texts(at)
    at.text_area(key=f"mt_action_text_{mid}").input("Boka aulan")
    at.selectbox(key=f"mt_action_owner_{mid}").set_value("Demo Ledamot SOS-gruppen")
    next(b for b in at.button if b.label == "Lägg till åtgärdspunkt").click().run()
    assert not at.exception
    assert "Åtgärdspunkten är registrerad." in texts(at)
    assert "Vi genomför en föräldrakväll" in texts(at)
    actions = db.actions(meeting_id=mid)
    assert actions["text"].tolist() == ["Boka aulan"]
    assert actions.iloc[0]["owner_username"] == "ledamot"


def test_overview_shows_next_meeting_and_action_items(demo_db):
    at = app_as("processledare")
    assert not at.exception
    text = texts(at)
    assert "Nästa möte" in text and "Mina öppna åtgärdspunkter" in text
    assert "Försenade åtgärdspunkter" in text
    # Each list is one Markdown list in its narrow column, not a grid.
    assert not at.dataframe
    # The leader owns the overdue item: it is in both lists, each heading and list one block.
    blocks = [seen(m.value) for m in at.markdown if "Boka lokal och" in str(m.value)]
    assert [b.split("\n\n")[0] for b in blocks] == [
        "**Mina öppna åtgärdspunkter**",
        "**Försenade åtgärdspunkter**",
    ]
    block = blocks[1]
    items = block.split("\n\n", 1)[1].split("\n- ")
    item = next(i for i in items if "Boka lokal och föreläsare" in i)
    assert item.startswith("- **[Demo] Boka lokal och föreläsare för signalutbildningen**")
    who, due, status = item.split("\n", 1)[1].split(" · ")
    assert who.strip() and due[:4].isdigit() and status.startswith("Öppen")
    assert not re.search(r"\b(nan|None|NaT)\b", " ".join(items))


def test_coordinator_closes_an_action_and_it_records_who(demo_db):
    open_df = db.actions(open_only=True)
    target = open_df[open_df["text"].str.contains("Boka lokal")].iloc[0]
    at = app_as("samordnare", PAGE)
    box = next(s for s in at.selectbox if s.label == "Åtgärdspunkt")
    box.set_value(int(target["id"]))
    next(b for b in at.button if b.label == "Spara status").click().run()
    assert not at.exception
    row = db.actions(meeting_id=int(target["meeting_id"]))
    row = row[row["id"] == target["id"]].iloc[0]
    assert (row["status"], row["closed_by"]) == ("done", "samordnare")
    assert row["closed_at"] is not None


def test_concurrent_minutes_edit_shows_stale_error_in_the_page(demo_db):
    mid = _upcoming_sos_id()
    at = app_as("processledare", None)
    at.query_params["mote"] = str(mid)
    at.switch_page(PAGE)
    at.run()
    # Someone else saves the minutes after the leader opened them.
    other = users_db.get_user("samordnare")
    svc.save_minutes(other, mid, "Samordnarens version", int(svc.get(mid)["minutes_version"]))
    at.text_area(key=f"mt_minutes_text_{mid}").input("Processledarens version")
    next(b for b in at.button if b.label == "Spara protokollet").click().run()
    assert not at.exception
    assert any("har sparat mötet efter att du öppnade det" in e.value for e in at.error)
    assert svc.get(mid)["minutes"] == "Samordnarens version"


def test_concurrent_meeting_edit_is_refused(demo_db):
    mid = _upcoming_sos_id()
    at = app_as("processledare", None)
    at.query_params["mote"] = str(mid)
    at.switch_page(PAGE)
    at.run()
    other = users_db.get_user("samordnare")
    current = svc.get(mid)
    svc.update_meeting(other, mid, {**current, "place": "Annan sal"}, int(current["version"]))
    next(ti for ti in at.text_input if ti.label == "Rubrik").input("Min nya rubrik")
    next(b for b in at.button if b.label == "Spara").click().run()
    assert not at.exception
    assert any("har sparat mötet efter att du öppnade det" in e.value for e in at.error)
    after = svc.get(mid)
    assert (after["title"], after["place"]) == (current["title"], "Annan sal")


def test_past_meetings_are_paged(demo_db):
    from datetime import datetime, timedelta

    from portal.db.connection import transaction

    with transaction() as cur:
        for n in range(30):
            start = datetime(2020, 1, 6, 13) + timedelta(days=7 * n)
            writes.insert_meeting(
                cur,
                {
                    "title": f"Gammalt möte {n:02d}",
                    "type": "other",
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=1),
                },
                "test",
            )
    at = app_as("ledamot", PAGE)
    _, past = svc.now_local(), db.meetings()
    total = int((past["ends_at"] < svc.now_local()).sum())
    assert f"Visar 1–25 av {total}" in texts(at)
    assert "Gammalt möte 00" not in _frames(at)  # the oldest is on a later page
    next(b for b in at.button if b.key == "mt_past_page_next").click()
    at.run()
    assert f"Visar 26–{min(50, total)} av {total}" in texts(at)
    assert "Gammalt möte 00" in _frames(at) or total > 50


def test_action_form_links_an_activity_found_by_search(demo_db):
    """The action form offers activities by search (a plan may hold thousands), and a
    word a person types ("hemsida") narrows the list to activities that say it."""
    from portal.plan import api as plan_api

    mid = _upcoming_sos_id()
    at = app_as("processledare", None)
    at.query_params["mote"] = str(mid)
    at.query_params["lage"] = "1"
    at.switch_page(PAGE)
    at.run()
    pick = at.selectbox(key=f"mt_action_activity_{mid}")
    everything = len(pick.options)
    at.text_input(key=f"mt_action_search_{mid}").input("hemsida").run()
    pick = at.selectbox(key=f"mt_action_activity_{mid}")
    found = [o for o in pick.options if o != "–"]
    plan = plan_api.current_plan()
    assert plan is not None
    matches, total = plan_api.choices(int(plan["id"]), "hemsida")
    assert found and len(found) == total < everything - 1
    assert all("hemsida" in str(d).lower() for d in matches["description"])
    at.text_area(key=f"mt_action_text_{mid}").input("Bjud in till föräldrakväll")
    at.selectbox(key=f"mt_action_owner_{mid}").set_value("Demo Ledamot SOS-gruppen")
    pick.set_value(pick.options[1])
    next(b for b in at.button if b.label == "Lägg till åtgärdspunkt").click().run()
    assert not at.exception
    action = db.actions(meeting_id=mid).iloc[0]
    assert action["text"] == "Bjud in till föräldrakväll"
    assert int(action["activity_id"]) > 0


def test_agenda_offers_linked_activities_and_search_matches_only(demo_db):
    """The agenda grid's activity column lists the links already made and the first
    matches of the search above it, never the whole plan."""
    from portal.plan import api as plan_api

    mid = _upcoming_sos_id()
    at = app_as("processledare", None)
    at.query_params["mote"] = str(mid)
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    box = at.text_input(key=f"mt_agenda_search_{mid}")
    box.input("zzz-ingen-aktivitet-heter-så").run()
    assert not at.exception
    assert "Inga aktiviteter matchar urvalet." in texts(at)
    plan = plan_api.current_plan()
    assert plan is not None
    assert plan_api.choices(int(plan["id"]), "zzz-ingen-aktivitet-heter-så")[1] == 0
    linked = [int(a) for a in db.agenda(mid)["activity_id"].dropna()]
    assert len(plan_api.chosen(int(plan["id"]), linked)) == len(set(linked))


def test_agenda_save_on_an_old_copy_shows_the_refusal_and_keeps_the_other_list(demo_db):
    from portal.meetings import api as meetings_api

    mid = _upcoming_sos_id()
    at = app_as("processledare", None)
    at.query_params["mote"] = str(mid)
    at.switch_page(PAGE)
    at.run()
    loaded = int(meetings_api.get(mid)["agenda_version"])
    meetings_api.save_agenda(
        users_db.get_user("samordnare"), mid, [{"title": "Samordnarens punkt"}], loaded
    )
    next(b for b in at.button if b.label == "Spara dagordningen").click().run()
    assert not at.exception
    assert any("har ändrat listan efter att du öppnade den" in e.value for e in at.error)
    assert "Din version (inte sparad)" in texts(at)
    assert db.agenda(mid)["title"].tolist() == ["Samordnarens punkt"]
