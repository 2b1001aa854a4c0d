"""The situation picture page per role: member reads, coordinator edits, partner nothing."""

import pytest

from portal import ROOT
from portal.actor import SYSTEM
from portal.admin import _users as user_service
from portal.situation._db import situation as db
from tests.app.helpers import app_as, open_section, open_tab, page_as, texts

PAGE = "app_pages/situation.py"


def _dataframe_text(at) -> str:
    return "\n".join(df.value.to_string() for df in at.dataframe)


def _buttons(at) -> list[str]:
    return [b.label for b in at.button]


def test_member_reads_without_edit_controls_and_sees_suppressed_counts(demo_db):
    at = page_as("ledamot", PAGE)
    assert not at.exception
    text = texts(at)
    assert "Lägesbild" in text
    assert "Utkast" in text  # the demo's newest year (2026) is a draft
    assert [tab.label for tab in at.tabs] == ["Bedömning", "Diagram", "Indikatorer"]
    assert "Spara" not in _buttons(at) and "Godkänn lägesbilden" not in _buttons(at)
    assert not at.text_area and not at.multiselect
    # only the open tab runs: the charts and the indicator table come when opened
    assert not at.get("vega_lite_chart") and not at.dataframe
    open_tab(at, "situation_tab", "Indikatorer")
    assert "Antal under 3 visas som" in texts(at)
    assert "<3" in _dataframe_text(at)
    open_tab(at, "situation_tab", "Diagram")
    assert len(at.get("vega_lite_chart")) >= 4
    assert not at.exception
    assert not at.table  # each chart's table alternative is built when opened
    open_section(at, "table_nivaer")
    assert len(at.table) == 1 and "2026" in at.table[0].value.to_string()


def test_member_reads_the_real_2017_statement(demo_db):
    at = page_as("ledamot", PAGE)
    at.selectbox(key="situation_year").select(2017).run()
    text = texts(at)
    assert "I dagsläget anses det inte finnas någon våldsbejakande extremism" in text
    assert "Godkänd 2019-05-02 av Kommunstyrelsen" in text
    at.selectbox(key="situation_year").select(2019).run()
    assert "planerad men inte framtagen" in texts(at)


def test_coordinator_sees_exact_counts(demo_db):
    at = open_tab(page_as("samordnare", PAGE), "situation_tab", "Indikatorer")
    assert not at.exception
    assert "Du ser exakta antal" in texts(at)
    assert "<3" not in _dataframe_text(at)
    assert [tab.label for tab in at.tabs][-2:] == ["Redigera", "Importera"]


def test_coordinator_edits_and_approves_a_year(demo_db):
    at = open_tab(page_as("samordnare", PAGE), "situation_tab", "Redigera")
    at.selectbox(key="sit_level_2026_far_right").select("high")
    at.text_area(key="sit_narr_2026_far_right").input("Fler flygblad vid skolorna.")
    at.button(key="sit_save_2026_far_right").click().run()
    assert not at.exception
    assert "Sparat." in texts(at)
    row = db.assessments(2026).set_index("milieu").loc["far_right"]
    assert (row["level"], row["narrative"], row["updated_by"]) == (
        "high",
        "Fler flygblad vid skolorna.",
        "samordnare",
    )
    at.button(key="sit_approve_2026").click().run()
    assert "Lägesbilden för 2026 är godkänd." in texts(at)
    assert db.get_year(2026)["status"] == "approved"
    # locked: a change without a reason is refused and nothing changes
    at.text_area(key="sit_narr_2026_far_right").input("Tyst ändring")
    at.button(key="sit_save_2026_far_right").click().run()
    assert "skriv en motivering" in texts(at)
    assert db.assessments(2026).set_index("milieu").loc["far_right", "narrative"] != "Tyst ändring"
    at.text_input(key="sit_reason_2026_far_right").input("Uppgift från kommunpolisen")
    at.button(key="sit_save_2026_far_right").click().run()
    assert "Sparat." in texts(at)
    assert db.revisions(2026).iloc[0]["reason"] == "Uppgift från kommunpolisen"


def test_coordinator_creates_a_year_and_adds_an_indicator(demo_db):
    at = page_as("samordnare", PAGE)
    at.number_input(key="sit_new_year").set_value(2027)
    at.button(key="sit_new_year_btn").click().run()
    assert not at.exception
    assert "Utkast för 2027 skapat." in texts(at)
    assert at.selectbox(key="situation_year").value == 2027
    open_tab(at, "situation_tab", "Importera")
    at.text_input(key="sit_ind_period").input("2027-Q1")
    at.number_input(key="sit_ind_count").set_value(2)
    at.button(key="sit_ind_add").click().run()
    assert "Indikatorn är sparad." in texts(at)
    assert list(db.indicators(2027)["count"]) == [2]
    # a duplicate is refused with a clear message
    at.text_input(key="sit_ind_period").input("2027-Q1")
    at.number_input(key="sit_ind_count").set_value(5)
    at.button(key="sit_ind_add").click().run()
    assert "Det finns redan ett antal för 2027" in texts(at)
    assert len(db.indicators(2027)) == 1


def test_process_leader_reads_only(demo_db):
    at = page_as("processledare", PAGE)
    assert not at.exception
    assert len(at.tabs) == 3
    assert "Antal under 3 visas som" in texts(open_tab(at, "situation_tab", "Diagram"))


def test_partner_gets_nothing(demo_db):
    at = page_as("partner", PAGE)
    assert "Du har inte behörighet" in texts(at)
    assert not at.tabs and not at.dataframe and not at.get("vega_lite_chart")
    assert "Högerextremism" not in texts(at)
    app = app_as("partner")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(str(ROOT / PAGE))


def test_member_reaches_the_page_through_navigation(demo_db):
    at = app_as("ledamot", PAGE)
    assert not at.exception
    assert "Lägesbild" in texts(at)


def test_overview_shows_compact_chart_and_overdue_warning(db_path):
    user_service.add_user(
        "ledamot2", "Ledamot", "l@example.se", "member", "ett-långt-lösenord-2", actor=SYSTEM
    )
    at = app_as("ledamot2")
    assert not at.exception
    text = texts(at)
    assert "Lägesbild" in text
    assert "Den årliga lägesbilden är försenad: senast godkänd är 2017" in text
    assert "Senaste bedömning: 2019-05-02" in text
    assert at.get("vega_lite_chart")


def test_overview_without_warning_when_up_to_date(demo_db):
    at = app_as("ledamot")
    # Neither warning (an overdue action item elsewhere on the overview may say "försenad").
    assert "Den årliga lägesbilden" not in texts(at)
    assert not [w for w in at.warning if "lägesbild" in str(w.value)]
    assert "Senaste bedömning: 2025-11-15" in texts(at)


def test_user_text_stays_inert(demo_db):
    from portal.situation import _core as service

    evil = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [länk](javascript:x)'
    row = db.assessments(2026).set_index("milieu").loc["other"]
    service.save_assessment(
        2026,
        "other",
        {
            "level": "low",
            "trend": "unchanged",
            "narrative": evil,
            "sources_used": [],
            "sources_not_used": [],
        },
        int(row["version"]),
        "samordnare",
        "coordinator",
    )
    at = page_as("ledamot", PAGE)
    assert not at.exception
    shown = [m.value for m in at.markdown if "script" in m.value]
    assert shown and all("<script>" not in v and "\\<script" in v for v in shown)
    assert all("\\[länk\\]" in v for v in shown)
    assert all(not getattr(m.proto, "allow_html", False) for m in at.markdown)


def test_coordinator_deletes_an_indicator(demo_db):
    at = open_tab(page_as("samordnare", PAGE), "situation_tab", "Importera")
    before = len(db.indicators(2026))
    chosen = at.selectbox(key="sit_del_id").value
    at.button(key="sit_del_btn").click().run()
    assert "Borttagen." in texts(at)
    assert len(db.indicators(2026)) == before - 1
    assert chosen not in set(db.indicators(2026)["id"])


def test_page_in_english(demo_db):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=30)
    at.session_state["lang"] = "en"
    at.session_state["authentication_status"] = True
    at.session_state["username"] = "ledamot"
    at.run()
    at.session_state["situation_tab"] = "Indicators"  # opened as the page loads
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Assessment", "Charts", "Indicators"]
    text = texts(at)
    assert "Situation picture" in text and "Counts below 3 are shown as" in text
