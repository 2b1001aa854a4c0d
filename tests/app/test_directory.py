"""The directory page and the public support page, per role, in AppTest."""

import pytest

from portal.db import audit
from tests.app.helpers import app_as, page_as, texts


def _card_names(at) -> list[str]:
    values = [str(m.value) for m in at.markdown]
    return [v.strip("*").replace("\\", "") for v in values
            if v.startswith("**") and v.endswith("**") and "\n" not in v]


def test_partner_sees_public_and_partner_entries_but_not_internal(demo_db):
    at = page_as("partner", "app_pages/directory.py")
    assert not at.exception
    names = " ".join(_card_names(at))
    assert "Orostelefonen" in names
    assert "Samtalsgrupp för föräldrar" in names          # a partners entry
    assert "Socialtjänsten" not in names                  # internal
    assert not at.tabs  # no editing tabs for a partner


def test_member_sees_internal_entries_without_edit_tabs(demo_db):
    at = page_as("ledamot", "app_pages/directory.py")
    assert not at.exception
    assert "Socialtjänsten" in " ".join(_card_names(at))
    assert not at.tabs


@pytest.mark.parametrize("username", ["admin", "samordnare", "processledare"])
def test_editors_get_edit_check_and_import_tabs(demo_db, username):
    at = page_as(username, "app_pages/directory.py")
    assert not at.exception
    labels = [tab.label for tab in at.tabs]
    assert labels[0] == "Sök" and labels[1] == "Lägg till eller ändra"
    assert labels[2].startswith("Att kontrollera (")
    assert "Poster som inte kontrollerats på 12 månader" in texts(at)


def test_search_box_filters_cards_case_insensitively(demo_db):
    at = page_as("partner", "app_pages/directory.py")
    at.text_input(key="dir_query").input("OROSTELEFON").run()
    assert _card_names(at) == ["Orostelefonen"]
    assert "1 träff" in [str(c.value) for c in at.caption]


def test_visitor_cannot_open_the_directory(db_path):
    at = page_as(None, "app_pages/directory.py")
    assert "Du behöver logga in" in texts(at) or at.error


def test_support_page_shows_public_entries_only(demo_db):
    at = page_as(None, "app_pages/support.py")
    assert not at.exception
    shown = " ".join(_card_names(at))
    assert "Orostelefonen" in shown and "Polisen 114 14" in shown
    assert "Samtalsgrupp" not in shown and "Socialtjänsten" not in shown
    body = texts(at)
    assert "020-100 200" in body and "112" in body
    assert "Ring kommunens växel" in body  # no coordinator contact configured


def test_support_page_shows_configured_coordinator(db_path, monkeypatch):
    monkeypatch.setenv("PORTAL_COORDINATOR_CONTACT", "0304-60 10 00")
    at = page_as(None, "app_pages/support.py")
    assert "Så når du samordnaren: 0304\\-60 10 00" in texts(at)


def test_editor_adds_an_entry_through_the_form(demo_db):
    at = page_as("processledare", "app_pages/directory.py")
    form_inputs = [ti for ti in at.text_input if ti.key != "dir_query"]
    form_inputs[0].input("Familjecentralen <b>test</b>")
    form_inputs[1].input("Tjörns kommun")
    next(b for b in at.button if b.label == "Spara").click()
    at.run()
    assert not at.exception
    assert "Posten är sparad." in texts(at)
    assert not audit.entries(entity="dir_entries").empty


def test_editor_sees_row_problem_for_bad_phone(demo_db):
    at = page_as("processledare", "app_pages/directory.py")
    form_inputs = [ti for ti in at.text_input if ti.key != "dir_query"]
    form_inputs[0].input("Ny post")
    form_inputs[1].input("Tjörns kommun")
    phone = next(ti for ti in at.text_input if ti.label == "Telefon")
    phone.input("ring mig")
    next(b for b in at.button if b.label == "Spara").click()
    at.run()
    assert "telefonnumret" in " ".join(str(e.value) for e in at.error)


def test_overview_has_directory_section_for_municipal_roles(demo_db):
    at = app_as("samordnare")
    assert not at.exception
    assert "Stödkatalogen" in texts(at)
    assert "Att kontrollera" in texts(at)


def test_directory_in_english_has_no_missing_messages(demo_db):
    from streamlit.testing.v1 import AppTest

    from portal import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = "processledare"
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("app_pages/directory.py")
    at.run()
    assert not at.exception
    body = texts(at) + " ".join(tab.label for tab in at.tabs)
    assert "Support directory" in body and "To check (" in body
    assert "directory." not in body and "support." not in body


def test_editor_marks_a_stale_entry_as_checked(demo_db):
    at = page_as("processledare", "app_pages/directory.py")
    before = at.tabs[2].label
    assert at.selectbox(key="dir_check_choice").value
    at.button(key="dir_check_verify").click()
    at.run()
    assert not at.exception
    assert "Posten är markerad som kontrollerad i dag." in texts(at)
    at.run()
    after = at.tabs[2].label
    assert _count(after) == _count(before) - 1, (before, after)


def _count(tab_label: str) -> int:
    return int(tab_label.split("(")[1].rstrip(")"))
