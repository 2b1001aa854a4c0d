"""Foundation journeys in a real browser: login per role, navigation, guards, logout."""

import pytest

from tests.e2e.conftest import goto, login, sidebar_links, wait_for_app

MUNICIPAL = ["Översikt", "Handlingsplan"]


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("admin", MUNICIPAL),
        ("samordnare", MUNICIPAL),
        ("processledare", MUNICIPAL),
        ("ledamot", MUNICIPAL),
        ("partner", []),
    ],
)
def test_each_demo_user_logs_in_and_sees_their_pages(page, server, username, expected):
    login(page, server.url, username)
    links = sidebar_links(page)
    for name in expected:
        assert name in links
    if username == "partner":
        assert "Handlingsplan" not in links and "Översikt" not in links
    if expected:
        assert "Stöd och hjälp" in links
    assert page.get_by_text("Demodata").first.is_visible()


def test_member_sees_the_real_plan(page, server):
    login(page, server.url, "ledamot")
    goto(page, server.url, "/handlingsplan")
    page.get_by_role("heading", name="4.3 Förhindra våldsbejakande extremism").wait_for()
    assert page.get_by_text("Fastställd av Kommunstyrelsen 2 maj 2019 § 97").is_visible()


def test_partner_direct_url_to_plan_shows_no_plan_data(page, server):
    login(page, server.url, "partner")
    goto(page, server.url, "/handlingsplan")
    page.wait_for_timeout(1000)
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "Främja demokratin" not in body
    assert "Målsättning" not in body


def test_logout_returns_to_login_and_stays_out(page, server):
    login(page, server.url, "ledamot")
    wait_for_app(page)
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_label("Användarnamn").wait_for()
    # a new page load must not log back in from the cookie
    page.wait_for_timeout(1500)
    goto(page, server.url, "/handlingsplan")
    page.get_by_label("Användarnamn").wait_for()
    assert "Främja demokratin" not in page.locator("[data-testid='stMain']").inner_text()


def test_public_support_page_without_login(page, server):
    goto(page, server.url, "/stod")
    page.get_by_role("heading", name="Stöd och hjälp").wait_for()
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "020-100 200" in body
    assert "112" in body
    assert "Logga in" in " ".join(sidebar_links(page))


def test_wrong_password_is_refused(page, server):
    page.goto(server.url + "/")
    page.get_by_label("Användarnamn").fill("ledamot")
    page.get_by_label("Lösenord").fill("inte-rätt")
    page.get_by_label("Lösenord").press("Tab")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Fel användarnamn eller lösenord").wait_for()
