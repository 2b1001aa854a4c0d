"""Situation picture in a real browser: the coordinator enters a year's assessment and a
member then sees it on the page, in the level chart and its table alternative."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import Server, goto, login, start_server, stop_server, wait_for_app

NARRATIVE = "E2E: nya flygblad vid skolan"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("e2e-situation"))
    yield srv
    stop_server(srv)


def _key(page, key: str):
    """A widget by its Streamlit key (Streamlit adds the class st-key-<key>)."""
    return page.locator(f".st-key-{key}")


def _choose(page, key: str, option: str) -> None:
    """Open a selectbox (a combobox in Streamlit 1.67) and pick an option; the first click
    can land during a rerun, so open it again until the option list shows."""
    box = _key(page, key).get_by_role("combobox")
    box.wait_for()
    wanted = page.get_by_role("option", name=option, exact=True)
    for _attempt in range(3):
        wait_for_app(page)
        box.click()
        try:
            wanted.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    wanted.click()
    page.wait_for_function("([el, v]) => el.value === v", arg=[box.element_handle(), option])


def test_coordinator_enters_assessment_member_sees_it(browser, page, own_server):
    login(page, own_server.url, "samordnare")
    goto(page, own_server.url, "/lagesbild")
    page.get_by_text("Ny lägesbild för år").first.click()
    year_input = _key(page, "sit_new_year").locator("input")
    year_input.fill("2027")
    year_input.press("Tab")
    _key(page, "sit_new_year_btn").locator("button").click()
    page.get_by_text("Utkast för 2027 skapat.").wait_for()
    wait_for_app(page)

    page.get_by_role("tab", name="Redigera").click()
    _choose(page, "sit_level_2027_far_right", "Hög")
    narrative = _key(page, "sit_narr_2027_far_right").locator("textarea")
    narrative.fill(NARRATIVE)
    narrative.press("Tab")
    _key(page, "sit_save_2027_far_right").locator("button").click()
    page.get_by_text("Sparat.").wait_for()

    member = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    try:
        mpage = member.new_page()
        mpage.set_default_timeout(45_000)
        login(mpage, own_server.url, "ledamot")
        goto(mpage, own_server.url, "/lagesbild")
        main = mpage.locator("[data-testid='stMain']")
        mpage.get_by_text(NARRATIVE).wait_for()
        assert mpage.get_by_role("heading", name="Högerextremism: Hög").is_visible()
        assert not mpage.get_by_role("tab", name="Redigera").count()
        assert "Spara" not in main.locator("button").all_inner_texts()

        charts = mpage.locator("[data-testid='stVegaLiteChart']")
        assert charts.count() == 0  # the charts are sent when their tab is opened
        mpage.get_by_role("tab", name="Diagram").click()
        charts.first.wait_for()
        mpage.get_by_text("Tabell med samma uppgifter").first.click()
        table = mpage.locator("[data-testid='stTable']").filter(has_text="2027").first
        table.wait_for()
        text = table.inner_text()
        assert "2027" in text and "Hög" in text and "Ingen känd" in text
    finally:
        member.close()
