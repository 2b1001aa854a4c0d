"""Meeting mode on a projector (1920×1080) and the public page on a phone (375 px)."""

from tests.e2e.conftest import goto, login

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def test_meeting_mode_is_readable_on_a_projector(browser, server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(45_000)
    try:
        login(page, server.url, "ledamot")
        goto(page, server.url, "/moten?mote=1&lage=1")  # the first demo meeting
        heading = page.locator("[data-testid='stMain'] h1").first
        heading.wait_for()
        size = float(heading.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
        assert size >= 32, f"agenda item heading is {size}px"
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
    finally:
        context.close()


def test_public_page_fits_a_phone(browser, server):
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, locale="sv-SE", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(45_000)
    try:
        goto(page, server.url, "/stod")
        page.get_by_role("heading", name="Stöd och hjälp").wait_for()
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        call = page.get_by_role("link", name="Ring Orostelefonen 020-100 200")
        assert call.get_attribute("href") == "tel:020100200"
        box = call.bounding_box()
        assert box and box["height"] >= 24  # a target a thumb can hit (WCAG 2.5.8)
    finally:
        context.close()
