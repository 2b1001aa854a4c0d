"""A whole meeting cycle in Chromium: the process leader creates a meeting, records a
decision and an action item in meeting mode, a member sees them, and the open action
item is on the next meeting's prefilled agenda. Runs its own server (it writes data)."""

import re

import pytest

from tests.e2e.conftest import goto, login, start_server, stop_server, wait_for_app

DECISION = "E2E-beslut: föräldrakväll i mars"
ACTION = "E2E-åtgärd: boka aulan"
EVIL = (
    "# Läget\n<script>window.__pwned = 1</script>\n\n"
    '<img src=x onerror="window.__pwned = 2">\n\n**fetstil**'
)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("e2e-meetings"))
    yield srv
    stop_server(srv)


@pytest.fixture
def context_page(browser):
    """A second, independent browser session (another person at another computer)."""
    contexts = []

    def make():
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
        contexts.append(ctx)
        pg = ctx.new_page()
        pg.set_default_timeout(45_000)
        return pg

    yield make
    for ctx in contexts:
        ctx.close()


def _main(page):
    return page.locator("[data-testid='stMain']")


def _create_meeting(page, base: str, title: str) -> str:
    goto(page, base, "/moten")
    page.get_by_text("Nytt möte").click()
    field = page.get_by_label("Rubrik")
    field.fill(title)
    field.press("Tab")
    page.get_by_role("button", name="Skapa möte").click()
    page.wait_for_url(re.compile(r"mote=\d+"))
    wait_for_app(page)
    _main(page).get_by_role("heading", name=title).wait_for()
    return re.search(r"mote=(\d+)", page.url).group(1)


def _meeting_mode(page) -> None:
    page.get_by_text("Mötesläge").click()
    page.wait_for_url(re.compile(r"lage=1"))
    page.get_by_text(re.compile(r"Punkt 1 av \d+")).wait_for()


def test_meeting_cycle(own_server, page, context_page):
    base = own_server.url
    login(page, base, "processledare")
    meeting_id = _create_meeting(page, base, "E2E SOS-möte")
    _meeting_mode(page)

    decision = page.get_by_role("textbox", name="Beslut", exact=True)
    decision.fill(DECISION)
    decision.press("Tab")
    page.get_by_role("button", name="Lägg till beslut").click()
    page.get_by_text("Beslut § 1 är registrerat.").wait_for()

    action = page.get_by_role("textbox", name="Åtgärd", exact=True)
    action.fill(ACTION)
    action.press("Tab")
    owner = page.get_by_role("combobox", name="Ansvarig")
    owner.click()
    page.keyboard.type("Demo Ledamot")
    page.get_by_role("option", name="Demo Ledamot SOS-gruppen").click()
    page.get_by_role("button", name="Lägg till åtgärdspunkt").click()
    page.get_by_text("Åtgärdspunkten är registrerad.").wait_for()
    assert DECISION in _main(page).inner_text()

    # A member, in their own browser, opens the meeting and sees both.
    member = context_page()
    login(member, base, "ledamot")
    goto(member, base, f"/moten?mote={meeting_id}&lage=1")
    _main(member).get_by_text(DECISION).wait_for()
    assert "Snabbregistrering" not in _main(member).inner_text()
    member.get_by_role("button", name="Nästa punkt").wait_for()
    # The action item is in the open action items listed (as text blocks) beside item 1.
    _main(member).get_by_text(ACTION).first.wait_for()

    # The next SOS meeting's agenda is prefilled with the open action item.
    _create_meeting(page, base, "E2E uppföljande SOS-möte")
    _meeting_mode(page)
    _main(page).get_by_role(
        "heading", name="1. Öppna åtgärdspunkter från tidigare möten"
    ).wait_for()
    notes = _main(page).locator("[data-testid='stMarkdown']", has_text=ACTION)
    assert notes.count() >= 1  # the prefilled snapshot in the item's notes


def test_minutes_markup_stays_inert(own_server, page, context_page):
    base = own_server.url
    login(page, base, "processledare")
    meeting_id = _create_meeting(page, base, "E2E protokoll")
    page.get_by_role("tab", name="Protokoll").click()
    box = page.get_by_role("textbox", name="Protokoll")
    box.fill(EVIL)
    box.press("Tab")
    page.get_by_role("button", name="Spara protokollet").click()
    page.get_by_text("Sparat.").wait_for()

    member = context_page()
    login(member, base, "ledamot")
    goto(member, base, f"/moten?mote={meeting_id}")
    member.get_by_role("tab", name="Protokoll").click()
    _main(member).get_by_role("heading", name="Läget").wait_for()
    _main(member).get_by_text("fetstil").wait_for()
    for pg in (page, member):
        assert pg.evaluate("() => window.__pwned") is None
        assert pg.locator("[data-testid='stMain'] img[src='x']").count() == 0
        assert pg.locator("[data-testid='stMain'] script:has-text('__pwned')").count() == 0


def test_agenda_saved_by_two_people_is_refused_for_the_later_copy(own_server, page, context_page):
    """Two editors open the same meeting's agenda; the first saves, the second's save of
    the copy loaded before is refused in words, and the first person's agenda stays."""
    base = own_server.url
    login(page, base, "processledare")
    meeting_id = _create_meeting(page, base, "E2E två redigerare")
    other = context_page()
    login(other, base, "samordnare")
    goto(other, base, f"/moten?mote={meeting_id}")
    page.get_by_role("button", name="Spara dagordningen").click()
    wait_for_app(page)
    other.get_by_role("button", name="Spara dagordningen").click()
    _main(other).get_by_text(re.compile("har ändrat listan efter att du öppnade den")).wait_for()
    _main(other).get_by_text("Din version (inte sparad)").wait_for()
    # The first person's agenda is what is stored: reloading shows it, unchanged.
    goto(other, base, f"/moten?mote={meeting_id}")
    _main(other).get_by_text("Sammanlagd tid: 60 minuter").wait_for()
