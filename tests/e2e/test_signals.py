"""The signal routine in a real browser, on this module's own server (it writes data):
a member reports (a personnummer is refused first, a name is warned about) and sees only
their own report and, once closed, its outcome; the coordinator receives it and closes it;
a partner cannot reach /signaler."""

import re

import pytest

from tests.e2e.conftest import goto, login, start_server, stop_server, wait_for_app

GOOD = "En elev i årskurs 8 visade symboler från en högerextrem organisation på rasten."
WITH_PNR = "Eleven 19121212-1212 visade symboler från en högerextrem organisation."


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("e2e-signals"))
    yield server
    stop_server(server)


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(45_000)
    return context, page


def _main(page):
    return page.locator("[data-testid='stMain']")


def _send_report(page, text):
    box = page.get_by_role("textbox", name="Beskriv vad du har sett eller hört")
    box.fill(text)
    box.press("Tab")  # move focus so the last keystroke reaches the server first
    page.get_by_role("button", name="Skicka anmälan").click()


def _save_step(page, note, step_name=None):
    if step_name:
        page.locator("[data-testid='stRadio']").get_by_text(step_name, exact=True).click()
        wait_for_app(page)
    box = page.get_by_role("textbox", name="Anteckning")
    box.fill(note)
    box.press("Tab")
    page.get_by_role("button", name="Spara steget").click()


def test_report_receive_and_close(browser, srv):
    member_ctx, member = _new_page(browser)
    try:
        login(member, srv.url, "ledamot")
        goto(member, srv.url, "/signaler")
        assert "ring 112 nu" in _main(member).inner_text()

        # a personnummer in the description is refused, nothing is stored
        _send_report(member, WITH_PNR)
        member.get_by_text(re.compile("innehåller ett personnummer")).wait_for()
        member.get_by_role("tab", name="Mina anmälningar").click()
        member.get_by_text("Du har inte anmält något ännu.").wait_for()

        # with the number removed it is accepted
        member.get_by_role("tab", name="Anmäl oro").click()
        _send_report(member, "Anna Svensson i årskurs 8 visade symboler på rasten.")
        member.get_by_text(re.compile("ser ut att innehålla ett namn")).wait_for()
        member.get_by_text("Skicka ändå – texten pekar inte ut någon person").wait_for()
        _send_report(member, GOOD)
        sent = member.get_by_text(re.compile(r"Din anmälan har nummer \d+"))
        sent.wait_for()
        number = re.search(r"nummer (\d+)", sent.inner_text()).group(1)

        # the member sees their own report only (the demo data has others' reports)
        member.get_by_role("tab", name="Mina anmälningar").click()
        table = _main(member).locator("[data-testid='stTable'] tbody tr")
        table.first.wait_for()
        assert table.count() == 1
        assert table.first.inner_text().split()[0] == number
        assert "Ny, ej mottagen" in table.first.inner_text()
        assert "Ta emot och hantera" not in _main(member).inner_text()
    finally:
        member_ctx.close()

    coord_ctx, coord = _new_page(browser)
    try:
        login(coord, srv.url, "samordnare")
        goto(coord, srv.url, "/signaler")
        coord.get_by_role("tab", name="Ta emot och hantera").click()
        coord.get_by_text("Nya signaler att ta emot: 2").wait_for()
        coord.get_by_role("button", name="Visa detaljer").click()
        coord.get_by_text(f"Signal {number}", exact=True).wait_for()
        coord.get_by_text("visade symboler från en högerextrem").wait_for()

        _save_step(coord, "Mottagen, anmälaren kontaktad.")
        coord.get_by_text(f"Signal {number} är nu: Mottagen").wait_for()
        _save_step(coord, "Bedömning: samtal med rektor bokat.")
        coord.get_by_text(f"Signal {number} är nu: Inledande bedömning").wait_for()
        _save_step(coord, "Rektor hanterar det inom skolan.", step_name="Avslutad")
        coord.get_by_text(f"Signal {number} är nu: Avslutad").wait_for()
        coord.get_by_text("Signalen är avslutad.").wait_for()
    finally:
        coord_ctx.close()

    member_ctx, member = _new_page(browser)
    try:
        login(member, srv.url, "ledamot")
        goto(member, srv.url, "/signaler")
        member.get_by_role("tab", name="Mina anmälningar").click()
        row = _main(member).locator("[data-testid='stTable'] tbody tr").first
        row.wait_for()
        assert "Avslutad" in row.inner_text()
        assert "Ingen grund för oro" in row.inner_text()  # the outcome category (issue 17)
        assert "Rektor hanterar" not in _main(member).inner_text()  # notes stay private
    finally:
        member_ctx.close()


def test_partner_cannot_reach_signals(page, srv):
    login(page, srv.url, "partner")
    goto(page, srv.url, "/signaler")
    page.wait_for_timeout(1000)
    body = _main(page).inner_text()
    assert "Anmäl en oro" not in body
    assert "Signaler om våldsbejakande extremism" not in body
    assert page.get_by_role("textbox", name="Beskriv vad du har sett eller hört").count() == 0
