"""The signals page per role, through the real app and page guards (AppTest)."""

import re

import pytest

from portal import ROOT
from portal.db.connection import cursor
from tests.app.helpers import app_as, page_as, texts
from tests.app.signal_page import (
    PAGE,
    button as _button,
    member_reports,
    on as _on,
    signal_count as _signal_count,
    submit_report as _submit_report,
)

NEWEST = "slutat umgås med vänner"  # from the newest demo signal's description
GOOD = "En elev i årskurs 8 har visat symboler från en högerextrem organisation på rasten."


def _shows_signal_text(at) -> bool:
    """Whether any demo signal's free text is on screen (markdown escapes the brackets)."""
    cells = " ".join(
        str(v) for df in at.dataframe for col in df.value.columns for v in df.value[col]
    )
    return any(mark in texts(at) + cells for mark in ("[Demo]", "\\[Demo\\]", NEWEST))


def _tabs(at):
    return [tab.label for tab in at.tabs]


def _queue(username):
    return _on(app_as(username, PAGE), "Ta emot och hantera")


def test_member_sees_form_guidance_and_no_queue(demo_db):
    at = app_as("ledamot", PAGE)
    assert not at.exception
    assert _tabs(at) == ["Anmäl oro", "Mina anmälningar", "Sammanställning"]
    text = texts(at)
    assert "ring 112 nu" in text
    assert "Inga namn, personnummer" in text
    assert not _shows_signal_text(at)  # no other signal's text anywhere
    assert "Du har inte anmält något ännu." not in text  # the closed tabs are not sent
    _on(at, "Mina anmälningar")
    assert "Du har inte anmält något ännu." in texts(at)
    assert not _shows_signal_text(at)
    labels = [ti.label for ti in at.text_input] + [ta.label for ta in at.text_area]
    assert not any("namn" in label.lower() for label in labels)


def test_member_reports_and_sees_only_own(demo_db):
    before = _signal_count()
    at = _submit_report(app_as("ledamot", PAGE), GOOD)
    assert not at.exception
    assert "Din anmälan har nummer" in texts(at)
    assert _signal_count() == before + 1
    assert at.text_area[0].value == ""  # a fresh, empty form
    _on(at, "Mina anmälningar")
    mine = at.table[0].value
    assert len(mine) == 1
    assert list(mine["Status"]) == ["Ny, ej mottagen"]
    assert GOOD not in texts(at)  # own description is not echoed back either


@pytest.mark.parametrize(
    ("description", "message"),
    [
        ("Eleven med personnummer 19121212-1212 har hotat en lärare.", "personnummer"),
        ("Ring pappan på 070-123 45 67.", "telefonnummer"),
        ("   ", "Skriv en beskrivning"),
    ],
)
def test_bad_description_is_refused_and_kept_for_editing(demo_db, description, message):
    before = _signal_count()
    at = _submit_report(app_as("ledamot", PAGE), description)
    assert any(message in e.value for e in at.error)
    assert _signal_count() == before
    assert at.text_area[0].value == description  # the user can correct it


def test_process_leader_reports_but_cannot_handle(demo_db):
    at = app_as("processledare", PAGE)
    assert not at.exception
    assert "Ta emot och hantera" not in _tabs(at)
    mine = _on(at, "Mina anmälningar").table[0].value
    assert len(mine) > 0 and "Status" in mine.columns
    assert not _shows_signal_text(at)


@pytest.mark.parametrize("username", ["samordnare", "admin"])
def test_receiver_sees_queue_and_opens_details_with_audit(demo_db, username):
    at = _queue(username)
    assert not at.exception
    assert "Ta emot och hantera" in _tabs(at)
    assert "Nya signaler att ta emot: 1" in texts(at)
    assert not _shows_signal_text(at)  # details only after opening
    _button(at, "Visa detaljer").click()
    at.run()
    assert NEWEST in texts(at) and _shows_signal_text(at)
    with cursor() as cur:
        actor, entity = cur.execute(
            "SELECT actor, entity FROM audit_log WHERE action = 'view'"
        ).fetchone()
    assert (actor, entity) == (username, "signal")


def test_coordinator_moves_a_signal_on(demo_db):
    at = _queue("samordnare")
    _button(at, "Visa detaljer").click()  # the newest new signal is first
    at.run()
    assert at.radio[0].options == ["Mottagen"]
    note = next(ta for ta in at.text_area if ta.label == "Anteckning")
    note.input("Mottagen, anmälaren kontaktad.")
    _button(at, "Spara steget").click()
    at.run()
    assert not at.exception
    assert "är nu: Mottagen" in texts(at)
    assert at.radio[0].options == ["Inledande bedömning"]


def test_coordinator_step_without_note_is_refused(demo_db):
    at = _queue("samordnare")
    _button(at, "Visa detaljer").click()
    at.run()
    _button(at, "Spara steget").click()
    at.run()
    assert any("anteckning" in e.value for e in at.error)
    with cursor() as cur:
        assert cur.execute("SELECT count(*) FROM signals WHERE step = 'new'").fetchone()[0] == 1


def test_receiver_role_setting_moves_the_queue(demo_db, monkeypatch):
    monkeypatch.setenv("PORTAL_SIGNAL_RECEIVER_ROLE", "process_leader")
    assert "Ta emot och hantera" in _tabs(app_as("processledare", PAGE))
    assert "Ta emot och hantera" not in _tabs(app_as("samordnare", PAGE))
    assert "Ta emot och hantera" in _tabs(app_as("admin", PAGE))


def test_page_guard_refuses_partner_and_visitor(demo_db):
    for who in ("partner", None):
        at = page_as(who, PAGE)
        assert at.error
        assert not at.text_area and not at.dataframe
        assert "Anmäl" not in texts(at)


def test_partner_navigation_has_no_signals_page(demo_db):
    at = app_as("partner")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(str(ROOT / PAGE))


def test_aggregate_tab_suppresses_for_members(demo_db):
    at = _on(app_as("ledamot", PAGE), "Sammanställning")
    assert "Signaler per kvartal" in texts(at)
    tables = [df.value for df in at.dataframe]
    cells = {str(v) for df in tables for col in df.columns for v in df[col]}
    assert "<3" in cells and "1" not in cells
    assert not at.get("vega_lite_chart")  # every bar would be suppressed: no chart


def test_aggregate_tab_is_exact_for_the_coordinator(demo_db):
    at = app_as("samordnare", PAGE)
    assert not at.get("vega_lite_chart")  # a page load does not send the closed tab's charts
    charts = _on(at, "Sammanställning").get("vega_lite_chart")
    assert len(charts) == 2


@pytest.mark.parametrize(("username", "handler"), [("ledamot", False), ("samordnare", True)])
def test_overview_section(demo_db, username, handler):
    at = app_as(username)
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert "Signaler i år" in labels and "Mina anmälningar" in labels
    assert ("Nya att ta emot" in labels) is handler


def test_user_text_stays_inert_for_the_receiver(demo_db):
    member_reports("<script>alert(1)</script> <img src=x onerror=alert(2)> **fet**")
    at = _queue("samordnare")
    _button(at, "Visa detaljer").click()
    at.run()
    shown = next(m.value for m in at.markdown if "script" in m.value)
    assert not re.search(r"(?<!\\)[<*]", shown)  # every < and * is escaped
    assert "\\<script\\>" in shown and "\\*\\*fet\\*\\*" in shown


def test_identity_message_shows_the_value_masked(demo_db):
    at = _submit_report(app_as("ledamot", PAGE), "Gäller 19121212-1212 och a@b.se")
    message = " ".join(e.value for e in at.error)
    assert "personnummer" in message and "e-postadress" in message
    assert "19121212-1212" not in message and "19••••••-••••" in message


def test_page_in_english(demo_db):
    at = app_as("samordnare")
    at.sidebar.selectbox[0].select("en")
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert [tab.label for tab in at.tabs] == [
        "Report a concern",
        "My reports",
        "Receive and handle",
        "Summary",
    ]
    assert "call 112 now" in texts(at)


def test_queue_is_paged_and_filtered(demo_db):
    for n in range(30):
        member_reports(f"Oro nummer {n}.", milieu="far_left" if n % 2 else "other")
    at = _queue("samordnare")
    assert "Nya signaler att ta emot: 31" in texts(at)
    queue = next(df.value for df in at.dataframe if "Status" in df.value.columns)
    assert len(queue) == 25
    with cursor() as cur:
        still_open = cur.execute("SELECT count(*) FROM signals WHERE step <> 'closed'").fetchone()[
            0
        ]
    assert f"Visar 1–25 av {still_open}" in texts(at)
    _button(at, "Nästa sida").click()
    at.run()
    assert f"Visar 26–{still_open} av {still_open}" in texts(at)
    queue = next(df.value for df in at.dataframe if "Status" in df.value.columns)
    assert len(queue) == still_open - 25
    at.selectbox(key="signal_filter_milieu").select("far_left")
    at.run()  # a new filter starts on the first page
    queue = next(df.value for df in at.dataframe if "Status" in df.value.columns)
    milieus = queue["Vilken miljö verkar det gälla?"]
    assert set(milieus) == {"Vänsterextremism"} and len(queue) >= 15
    assert "Visar 1–" in texts(at)
