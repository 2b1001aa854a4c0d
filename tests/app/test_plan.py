"""The plan page per role: members read, editors update, partners see nothing."""

import pytest
from streamlit.testing.v1 import AppTest

from portal import ROOT
from portal.admin._db.users import get_user
from portal.plan._db import plans as plans_db
from tests.app.helpers import errors, open_tab, page_as, texts

EDIT = "Redigera planen"
DETAIL = "Aktivitet i detalj"


def _detail(username: str) -> AppTest:
    """The plan page for `username` with the detail tab (picker, history, forms) open."""
    return open_tab(page_as(username, "app_pages/plan.py"), "plan_tab", DETAIL)


def _first_activity() -> dict:
    plan = plans_db.current_plan()
    return plans_db.activity(int(plans_db.activities(plan["id"]).iloc[0]["id"]))


def test_member_reads_history_indicators_and_charts_without_forms(demo_db):
    at = page_as("ledamot", "app_pages/plan.py")
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Aktiviteter", DETAIL, "Uppföljning"]
    assert "Första möte med integrationsenheten" not in texts(at)  # only the open tab runs
    assert not at.get("vega_lite_chart")
    open_tab(at, "plan_tab", DETAIL)
    text = texts(at)
    assert "Första möte med integrationsenheten" in text  # the history timeline
    assert "Demo Processledare" in text  # who made the change, by name
    assert not [b for b in at.button if b.label == "Spara uppdateringen"]
    open_tab(at, "plan_tab", "Uppföljning")
    assert len(at.get("vega_lite_chart")) == 3


def test_process_leader_updates_an_activity(demo_db):
    at = _detail("processledare")
    assert not at.exception
    assert len(at.tabs) == 5
    act = _first_activity()
    form = f"plan_update_{act['id']}"
    at.selectbox(key=f"{form}_status").set_value("done")
    at.number_input(key=f"{form}_progress").set_value(100)
    at.text_area(key=f"{form}_comment").input("Allt klart <script>alert(1)</script>")
    next(b for b in at.button if b.label == "Spara uppdateringen").click()
    at.run()
    assert not at.exception
    assert "Sparat." in texts(at)
    now = plans_db.activity(act["id"])
    assert (now["status"], now["progress"]) == ("done", 100)
    # the comment is shown literally, never as HTML
    assert any("<script>" in str(m.value) or "\\<script" in str(m.value) for m in at.markdown)
    # the form is cleared after the save, and a second click stores nothing new
    assert at.text_area(key=f"{form}_comment").value == ""
    entries = len(plans_db.activity_updates([act["id"]]))
    next(b for b in at.button if b.label == "Spara uppdateringen").click()
    at.run()
    assert len(plans_db.activity_updates([act["id"]])) == entries


def test_stale_save_in_the_page_shows_what_changed(demo_db):
    from portal.plan import _edit as plan_edit

    at = _detail("processledare")
    act = _first_activity()
    # someone else saves after the page was loaded
    plan_edit.record_update(
        act["id"], act["version"], "in_progress", 75, "Annan session", get_user("samordnare")
    )
    form = f"plan_update_{act['id']}"
    at.number_input(key=f"{form}_progress").set_value(90)
    at.text_area(key=f"{form}_comment").input("Min viktiga kommentar")
    next(b for b in at.button if b.label == "Spara uppdateringen").click()
    at.run()
    text = texts(at)
    assert "samordnare" in text and "sparades inte" in text
    # the form shows the stored values, and what was typed stays visible to copy
    assert at.number_input(key=f"{form}_progress").value == 75
    assert at.text_area(key=f"{form}_comment").value == ""
    assert "Min viktiga kommentar" in [c.value for c in at.code]
    # (the list is Markdown-escaped, as it may hold user text)
    assert "Framsteg: du utgick från 60 %, nu 75 %" in text.replace("\\", "")
    assert plans_db.activity(act["id"])["progress"] == 75
    # the form now starts from the stored values, so a second save goes through
    at.number_input(key=f"{form}_progress").set_value(90)
    next(b for b in at.button if b.label == "Spara uppdateringen").click()
    at.run()
    assert plans_db.activity(act["id"])["progress"] == 90


def test_bad_input_is_shown_at_the_field(demo_db):
    at = open_tab(page_as("samordnare", "app_pages/plan.py"), "plan_tab", EDIT)
    form = "plan_add_activity"
    buttons = [b for b in at.button if b.label == "Lägg till aktivitet"]
    buttons[0].click()  # empty description, no due month
    at.run()
    text = texts(at)
    assert "Uppgifterna kunde inte sparas" in text
    assert "Fältet får inte vara tomt." in errors(at)
    assert "Ange månaden som ÅÅÅÅ-MM, till exempel 2020-12." in errors(at)
    assert len(plans_db.activities(plans_db.current_plan()["id"])) == 6
    assert form


@pytest.mark.parametrize("who", ["partner", None])
def test_partner_and_visitor_see_nothing(demo_db, who):
    at = page_as(who, "app_pages/plan.py")
    assert at.error
    assert "Främja demokratin" not in texts(at)
    assert not at.tabs


def test_new_period_from_the_page(demo_db):
    at = open_tab(page_as("admin", "app_pages/plan.py"), "plan_tab", "Ny planperiod")
    next(b for b in at.button if b.label == "Starta planperioden").click()
    at.run()
    assert not at.exception
    assert "Den nya planperioden 2021-2022 är startad." in texts(at)
    assert plans_db.current_plan()["period_label"] == "2021-2022"
    assert "Det här är en tidigare planperiod" not in texts(at)
    # a new period is a draft: no adoption is claimed until one is recorded
    assert "Fastställd av" not in texts(at)
    assert "Utkast – fastställelsen är inte registrerad. Gäller till och med 2022." in texts(at)
    ref = next(ti for ti in at.text_input if ti.label == "Paragraf (§)")
    ref.input("§ 12")
    next(b for b in at.button if b.label == "Spara fastställelsen").click()
    at.run()
    assert not at.exception
    adopted = plans_db.current_plan()
    assert (adopted["adopted_by"], adopted["adoption_ref"]) == ("Kommunstyrelsen", "§ 12")
    assert " § 12. Gäller till och med 2022." in texts(at)
    assert "Fastställd av Kommunstyrelsen " in texts(at)
    # the selector now offers both periods; the old one stays readable, not editable
    old = AppTest.from_file(str(ROOT / "app_pages/plan.py"), default_timeout=30)
    old.session_state["user"] = get_user("admin")
    old.session_state["plan_id"] = 1
    old.run()
    assert not old.exception
    assert len(old.selectbox(key="plan_id").options) == 2
    assert "Det här är en tidigare planperiod" in texts(old)
    assert len(old.tabs) == 3
    open_tab(old, "plan_tab", DETAIL)
    assert "Första möte med integrationsenheten" in texts(old)


def test_delete_from_the_page_asks_for_confirmation(demo_db):
    at = open_tab(page_as("processledare", "app_pages/plan.py"), "plan_tab", EDIT)
    delete = next(b for b in at.button if b.label == "Ta bort aktiviteten")
    delete.click()
    at.run()
    assert "Aktiviteten har historik. Bekräfta att du vill ta bort den." in errors(at)
    assert len(plans_db.activities(plans_db.current_plan()["id"])) == 6
    next(c for c in at.checkbox if c.label.startswith("Jag förstår")).check()
    next(b for b in at.button if b.label == "Ta bort aktiviteten").click()
    at.run()
    assert not at.exception
    assert "Aktiviteten är borttagen." in texts(at)
    assert len(plans_db.activities(plans_db.current_plan()["id"])) == 5


def test_move_down_from_the_page(demo_db):
    at = open_tab(page_as("admin", "app_pages/plan.py"), "plan_tab", EDIT)
    first = _first_activity()
    next(b for b in at.button if b.label == "Flytta ner").click()
    at.run()
    assert not at.exception
    acts = plans_db.activities(plans_db.current_plan()["id"])
    assert int(acts.iloc[1]["id"]) == first["id"]


@pytest.mark.parametrize("change", ["disable", "role"])
def test_a_save_after_the_account_changed_stores_nothing(demo_db, change):
    """The save runs as the form's callback, before the page's guard: it checks the
    account itself, so a disabled account or a changed role saves nothing."""
    from portal.admin import api as admin_api

    at = _detail("processledare")
    act = _first_activity()
    admin = get_user("admin")
    if change == "disable":
        admin_api.disable_user("processledare", admin)
    else:
        admin_api.set_role("processledare", "member", admin)
    form = f"plan_update_{act['id']}"
    at.number_input(key=f"{form}_progress").set_value(95)
    next(b for b in at.button if b.label == "Spara uppdateringen").click()
    at.run()
    assert "Sparat." not in texts(at)
    assert plans_db.activity(act["id"])["progress"] == act["progress"] != 95
    # the detail tab checks the session itself (a fragment's rerun skips the guard)
    assert "Historik" not in texts(at) and not at.number_input


def test_plan_texts_and_indicator_forms_are_built_when_opened(demo_db):
    """The dimensions' descriptions, the plan's organisation text and the indicator forms
    sit in sections that run only when opened; opened, they show their content."""
    at = page_as("processledare", "app_pages/plan.py")
    dims = plans_db.dimensions(plans_db.current_plan()["id"])
    first = int(dims.iloc[0]["id"])
    labels = [e.label for e in at.expander]
    assert labels.count("Beskrivning") == len(dims)
    assert "Organisation och uppföljning" in labels
    assert "Säkerhetssamordnaren utses" not in texts(at)
    at.session_state["plan_organisation"] = True  # as a click on each of them does
    at.session_state[f"plan_description_{first}"] = True
    at.run()
    assert not at.exception
    assert "Säkerhetssamordnaren utses som samordnare" in texts(at)
    assert str(dims.iloc[0]["description"]).split(".")[0][:40] in texts(at).replace("\\", "")
    open_tab(at, "plan_tab", DETAIL)
    assert "Lägg till indikator" in [e.label for e in at.expander]
    assert not [ti for ti in at.text_input if ti.label == "Enhet"]
    act = _first_activity()
    at.session_state[f"plan_indicator_{act['id']}_open"] = True
    at.run()
    assert not at.exception
    assert [ti for ti in at.text_input if ti.label == "Enhet"]
