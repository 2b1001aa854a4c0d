"""The directory page and the public support page, per role, in AppTest."""

import re

import pytest

from portal.db import audit
from tests.app.helpers import app_as, open_tab, page_as, seen, texts

_HIGHLIGHT = re.compile(r":orange-background\[([^\]\\]*)\]")


def _card_names(at) -> list[str]:
    """Names on the result cards, without the escapes and the search highlight (a card's
    text is one Markdown block: the bold name, then the small grey line of tags)."""
    names = []
    for m in at.markdown:
        value = str(m.value)
        if value.startswith("**") and "**  \n:small[:gray[" in value:
            name = value[2 : value.index("**  \n")]
            names.append(_HIGHLIGHT.sub(r"\1", name).replace("\\", ""))
    return names


def _tab(username: str, label: str):
    """The directory page for `username` with its lazy tab `label` open."""
    return open_tab(page_as(username, "app_pages/directory.py"), "directory_tab", label)


def _stale_count(at) -> int:
    """The count of entries to check, from the caption above the editor's tabs."""
    line = next(c for c in _captions(at) if "att kontrollera" in c)
    return int(line.split()[0])


def _form_inputs(at) -> list:
    """The entry form's text boxes: every text box except the two search boxes."""
    return [ti for ti in at.text_input if ti.key not in ("dir_query", "dir_edit_query")]


def test_partner_sees_public_and_partner_entries_but_not_internal(demo_db):
    at = page_as("partner", "app_pages/directory.py")
    assert not at.exception
    names = " ".join(_card_names(at))
    assert "Orostelefonen" in names
    assert "Samtalsgrupp för föräldrar" in names  # a partners entry
    assert "Socialtjänsten" not in names  # internal
    assert not at.tabs  # no editing tabs for a partner


def test_member_sees_internal_entries_without_edit_tabs(demo_db):
    at = page_as("ledamot", "app_pages/directory.py")
    assert not at.exception
    assert "Elevhälsan" in _card_names(at)  # an internal entry, on the first page
    at.text_input(key="dir_query").input("socialtjänsten").run()
    assert "Socialtjänsten" in " ".join(_card_names(at))
    assert not at.tabs


@pytest.mark.parametrize("username", ["admin", "samordnare", "processledare"])
def test_editors_get_edit_check_and_import_tabs(demo_db, username):
    at = page_as(username, "app_pages/directory.py")
    assert not at.exception
    labels = [tab.label for tab in at.tabs]
    assert labels == ["Sök", "Lägg till eller ändra", "Att kontrollera", "Import och export"]
    assert _stale_count(at) > 0
    # Only the open tab runs: the check list is built when its tab is opened.
    assert "Poster som inte kontrollerats på 12 månader" not in texts(at)
    at = open_tab(at, "directory_tab", "Att kontrollera")
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
    assert "Så når du samordnaren: 0304-60 10 00" in texts(at)


def test_editor_adds_an_entry_through_the_form(demo_db):
    at = _tab("processledare", "Lägg till eller ändra")
    form_inputs = _form_inputs(at)
    form_inputs[0].input("Familjecentralen <b>test</b>")
    form_inputs[1].input("Tjörns kommun")
    next(b for b in at.button if b.label == "Spara").click()
    at.run()
    assert not at.exception
    assert "Posten är sparad." in texts(at)
    assert not audit.entries(entity="dir_entries").empty


def test_editor_sees_row_problem_for_bad_phone(demo_db):
    at = _tab("processledare", "Lägg till eller ändra")
    form_inputs = _form_inputs(at)
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
    # The entries waiting longest: one Markdown list of lines, not a grid.
    assert not at.dataframe
    block = next(str(m.value) for m in at.markdown if "kontrollerad" in str(m.value))
    heading, items = seen(block).split("\n\n")  # one block: heading and list
    assert heading == ":small[:gray[Poster som inte kontrollerats på 12 månader]]"
    lines = items.split("\n")  # all of the demo's entries to check (fewer than ten)
    assert 1 < len(lines) < 10 and all(line.startswith("- **") for line in lines)
    assert all("Senast kontrollerad 20" in line or "Aldrig kontrollerad" in line for line in lines)
    assert not re.search(r"\b(nan|None|NaT)\b", block)


def test_directory_in_english_has_no_missing_messages(demo_db):
    from streamlit.testing.v1 import AppTest

    from portal import ROOT

    at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=30)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = "processledare"
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("app_pages/directory.py")
    at.run()
    assert not at.exception
    body = texts(at) + " ".join(tab.label for tab in at.tabs)
    assert "Support directory" in body and "To check" in body
    assert re.search(r"\d+ entries to check", body)
    assert "directory." not in body and "support." not in body


def test_editor_marks_a_stale_entry_as_checked(demo_db):
    at = _tab("processledare", "Att kontrollera")
    before = _stale_count(at)
    assert at.selectbox(key="dir_check_choice").value
    at.button(key="dir_check_verify").click()
    at.run()
    assert not at.exception
    assert "Posten är markerad som kontrollerad i dag." in texts(at)
    at.run()
    assert _stale_count(at) == before - 1
    # The check tab stays open after the verification.
    assert at.selectbox(key="dir_check_choice").value


def _captions(at) -> list[str]:
    return [str(c.value) for c in at.caption]


def test_the_check_count_follows_a_verification_at_once(demo_db):
    """The count "N poster att kontrollera" is read after the change, not before it."""
    at = _tab("samordnare", "Att kontrollera")
    before = _stale_count(at)
    assert before > 0
    at.button(key="dir_check_verify").click()
    at.run()
    assert not at.exception
    assert _stale_count(at) == before - 1
    assert "Posten är markerad som kontrollerad i dag." in texts(at)


def _markdown(at) -> list[str]:
    return [str(m.value) for m in at.markdown] + [str(c.value) for c in at.caption]


def test_search_highlights_the_matched_words_as_markdown_not_html(demo_db):
    at = page_as("ledamot", "app_pages/directory.py")
    at.text_input(key="dir_query").input("förälder").run()
    assert not at.exception
    assert _card_names(at) == ["[Demo] Samtalsgrupp för föräldrar"]
    shown = _markdown(at)
    name = "**\\[Demo\\] Samtalsgrupp för :orange-background[föräldrar]**  \n"
    assert any(v.startswith(name) for v in shown)
    assert any(":orange-background[föräldrar] som är" in v for v in shown)  # description
    assert not any("<" in v for v in shown)


def test_a_search_with_markup_shows_it_literally_and_finds_nothing(demo_db):
    at = page_as("ledamot", "app_pages/directory.py")
    at.text_input(key="dir_query").input("<b>oro</b> **x**").run()
    assert not at.exception
    assert _card_names(at) == []
    assert not any(":orange-background" in v or "<b>" in v for v in _markdown(at))


def test_support_page_searches_public_entries_with_highlight(demo_db):
    at = page_as(None, "app_pages/support.py")
    at.text_input(key="stod_query").input("orostelfonen").run()
    assert not at.exception
    assert _card_names(at) == ["Orostelefonen"]
    assert any(v.startswith("**:orange-background[Orostelefonen]**  \n") for v in _markdown(at))
    at.text_input(key="stod_query").input("föräldrar").run()  # a partners entry
    assert _card_names(at) == []
    assert "Ingen verksamhet matchar sökningen" in texts(at)
    at.text_input(key="stod_query").input("ANHÖRIGA").run()
    assert _card_names(at) == ["Orostelefonen"]  # the one public entry for relatives


def test_a_cards_details_are_built_when_opened(demo_db):
    """Each card's "Mer information" runs only when opened; then every field shows."""
    from portal.directory import api as dir_views

    at = page_as("partner", "app_pages/directory.py")
    at.text_input(key="dir_query").input("orostelefon").run()
    assert _card_names(at) == ["Orostelefonen"]
    assert [e.label for e in at.expander].count("Mer information") == 1
    assert "Organisation:**" not in texts(at, raw=True)
    entry = dir_views.results_page("partner", 0, query="orostelefon").rows[0]
    at.session_state[f"dir_details_{entry['id']}"] = True  # as a click on it does
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "Organisation:** Rädda Barnen" in texts(at, raw=True)
    assert "Senast kontrollerad" in shown or "Aldrig kontrollerad" in shown
