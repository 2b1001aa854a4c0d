"""axe-core (WCAG 2.1 A and AA rules) on every page for every role, in Chromium.

The page list comes from the registry in portal/auth.py, so every page a feature adds is
checked for every role that may open it. Violations of impact serious or critical fail.
Each page is also checked for its language (`<html lang="sv">`) and its own title.
Known violations that come from Streamlit itself and cannot be fixed from the app are
listed in docs/ACCESSIBILITY.md and in STREAMLIT_OWNED (as CSS selectors axe skips).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal import auth
from portal.i18n import t
from tests.e2e.conftest import goto, login

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STREAMLIT_OWNED: list[str] = []
ROLE_USERS = {
    "admin": "admin",
    "coordinator": "samordnare",
    "process_leader": "processledare",
    "member": "ledamot",
    "partner": "partner",
}


def _violations(page) -> list[str]:
    context = {"exclude": [[sel] for sel in STREAMLIT_OWNED]} if STREAMLIT_OWNED else None
    results = Axe().run(
        page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _settle(page) -> None:
    page.wait_for_timeout(800)  # let charts and data grids finish their first paint


def test_logged_out_pages(page, server):
    problems = {}
    goto(page, server.url, "/")
    page.get_by_label("Användarnamn").wait_for()
    _settle(page)
    problems["/ (login)"] = _violations(page)
    for spec in auth.pages_for(None):
        goto(page, server.url, f"/{spec.url_path}")
        _settle(page)
        problems[f"/{spec.url_path}"] = _violations(page)
    assert not {k: v for k, v in problems.items() if v}


def _lang_and_title(page, title: str) -> None:
    """WCAG 3.1.1 and 2.4.2: the document says it is Swedish and names the page (both
    are set by the shell once the page has run, so wait for them)."""
    page.wait_for_function("() => document.documentElement.lang === 'sv'", timeout=10_000)
    page.wait_for_function(f"() => document.title === {title!r}", timeout=10_000)


@pytest.mark.parametrize("role", auth.ROLES)
def test_every_page_of_every_role(page, server, role):
    login(page, server.url, ROLE_USERS[role])
    problems = {}
    titles = set()
    for spec in auth.pages_for(role):
        goto(page, server.url, f"/{spec.url_path}")
        _settle(page)
        problems[f"/{spec.url_path}"] = _violations(page)
        _lang_and_title(page, f"{t(f'common.pages.{spec.key}', 'sv')} – SOS-portalen")
        titles.add(page.title())
    assert not {k: v for k, v in problems.items() if v}
    assert len(titles) == len(auth.pages_for(role))  # no two pages share a title


def test_every_page_has_its_own_title(server, page):
    """WCAG 2.4.2: the browser tab (and a screen reader) names the page, not only the
    portal."""
    page.goto(server.url + "/")
    page.get_by_label("Användarnamn").wait_for()
    assert page.title() == "Logga in – SOS-portalen"
    login(page, server.url, "admin")
    titles = {}
    for path, name in (
        ("/oversikt", "Översikt"),
        ("/handlingsplan", "Handlingsplan"),
        ("/moten", "Samverkansmöten"),
        ("/stodkatalog", "Stödkatalog"),
        ("/admin", "Administration"),
    ):
        goto(page, server.url, path)
        page.wait_for_function(f"() => document.title.startsWith({name!r})")
        titles[path] = page.title()
        assert titles[path] == f"{name} – SOS-portalen"
    assert len(set(titles.values())) == len(titles)
