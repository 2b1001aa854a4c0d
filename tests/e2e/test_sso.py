"""Single sign-on through a real OpenID Connect provider on loopback (oidc-provider-mock:
discovery, authorization and token endpoints), in Chromium: first sign-in with a mapped
role lands on the role's start page; claims that map to nothing give an account with no
role; a disabled account is stopped, also in the middle of a session; logout; every
sign-in, first sign-in and role change from claims is in the audit log."""

from __future__ import annotations

import json
import urllib.request
import uuid
from pathlib import Path

import duckdb
import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import expect

from tests.e2e.conftest import _free_port, start_server, stop_server, wait_for_app

LABEL = "Kommunens inloggning"
PEOPLE = [
    User(
        sub="anna-1",
        claims={"name": "Anna Andersson", "email": "anna@kommun.se", "groups": ["sos-samordnare"]},
    ),
    User(
        sub="bertil-2",
        claims={"name": "Bertil Berg", "email": "bertil@kommun.se", "groups": ["ekonomi"]},
    ),
    User(
        sub="cecilia-3",
        claims={"name": "Cecilia Ek", "email": "cecilia@polisen.se", "groups": ["sos-partner"]},
    ),
]


def _secrets(tmp: Path, port: int, idp: str) -> Path:
    path = tmp / "secrets.toml"
    path.write_text(
        f"""
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "e2e-sso-cookie-secret-{"s" * 32}"

[auth.kommunen]
client_id = "sos-portalen"
client_secret = "e2e-client-secret"
server_metadata_url = "{idp}/.well-known/openid-configuration"

[sso]
name = "{LABEL}"
role_claim = "groups"

[sso.roles]
"sos-samordnare" = "coordinator"
"sos-partner" = "partner"
"sos-ledamot" = "member"
"sos-processledare" = "process_leader"
""",
        encoding="utf-8",
    )
    return path


# The journeys share one server and provider, and the audit test reads what the sign-ins
# before it wrote: `make test` runs each module on one xdist worker (`--dist loadfile`).


@pytest.fixture(scope="module")
def sso(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e-sso")
    with run_server_in_thread(user_claims=PEOPLE) as idp_server:
        idp = f"http://localhost:{idp_server.server_port}"
        port = _free_port()
        secrets = _secrets(tmp, port, idp)
        srv = start_server(tmp, port=port, args=["--secrets.files", str(secrets)])
        try:
            yield srv, idp
        finally:
            stop_server(srv)


def _sign_in(page, url: str, sub: str) -> None:
    page.goto(url + "/")
    wait_for_app(page)
    page.get_by_role("button", name=f"Logga in med {LABEL}").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.locator("input[name=sub]").first.fill(sub)
    page.get_by_role("button", name="Authorize").click()
    wait_for_app(page)


def _audit(db: Path) -> list[tuple[str, str, str | None]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(
            "SELECT actor, action, after_json FROM audit_log WHERE action LIKE 'sso%' ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_login_page_offers_the_provider_and_local_accounts(sso, page, tmp_path):
    srv, _ = sso
    page.goto(srv.url + "/")
    wait_for_app(page)
    page.get_by_role("button", name=f"Logga in med {LABEL}").wait_for()
    page.get_by_label("Användarnamn").wait_for()  # local accounts stay
    page.screenshot(path=str(tmp_path / "login-sso.png"), full_page=True)


def test_first_sign_in_with_a_mapped_role_lands_on_the_start_page(sso, page):
    srv, _ = sso
    _sign_in(page, srv.url, "anna-1")
    page.wait_for_url("**/oversikt")
    sidebar = page.get_by_test_id("stSidebar")
    assert "Anna Andersson" in sidebar.inner_text()
    assert "Säkerhetssamordnare" in sidebar.inner_text()
    assert page.get_by_role("link", name="Signaler").count() >= 1  # coordinator's pages
    listing = srv.cli("user", "list")
    assert "sso-anna\tcoordinator\tactive\tAnna Andersson" in listing.stdout


def test_unmapped_claims_give_no_role_until_an_admin_assigns_one(sso, page, tmp_path):
    srv, _ = sso
    _sign_in(page, srv.url, "bertil-2")
    page.wait_for_url("**/konto")
    page.get_by_text("ingen roll i SOS-portalen ännu").wait_for()
    page.screenshot(path=str(tmp_path / "no-role.png"), full_page=True)
    main = page.get_by_test_id("stMain").inner_text()
    assert "ingen roll i SOS-portalen ännu" in main
    assert "Lösenord" not in main  # no local password for an SSO account
    nav = page.get_by_test_id("stSidebarNav").inner_text()
    assert "Stöd och hjälp" in nav and "Mitt konto" in nav
    assert "Översikt" not in nav and "Handlingsplan" not in nav
    page.goto(srv.url + "/handlingsplan")
    wait_for_app(page)
    assert "Handlingsplan" not in page.get_by_test_id("stSidebarNav").inner_text()
    # an administrator assigns a role; the next sign-in (a new session) has it
    listing = srv.cli("user", "list")
    assert "sso-bertil\tnone\tactive\tBertil Berg" in listing.stdout


def test_logout_ends_the_portal_and_the_provider_session(sso, page):
    srv, _ = sso
    _sign_in(page, srv.url, "cecilia-3")
    page.wait_for_url("**/stodkatalog")
    wait_for_app(page)
    page.get_by_role("button", name="Logga ut").click()
    # Streamlit deletes its identity cookie and sends the browser to the provider's
    # end-session endpoint (RP-initiated logout), where the mock provider asks for a
    # confirmation before it returns to the portal
    sso_button = page.get_by_role("button", name=f"Logga in med {LABEL}")
    end_session = page.get_by_role("button", name="End session")
    sso_button.or_(end_session).first.wait_for()
    if "end_session" in page.url:
        end_session.click()
    sso_button.wait_for()
    assert not [c for c in page.context.cookies() if c["name"].startswith("_streamlit_user")]
    page.goto(srv.url + "/stodkatalog")
    wait_for_app(page)
    page.get_by_role("button", name=f"Logga in med {LABEL}").wait_for()
    assert "Cecilia" not in page.get_by_test_id("stSidebar").inner_text()


def _new_person(idp: str, name: str) -> tuple[str, str]:
    """A person the provider has not signed in before (sub, portal username): a journey
    that disables its account stays safe to rerun after a failed attempt."""
    token = uuid.uuid4().hex[:8]
    sub, local = f"{name}-{token}", f"{name}{token}"
    claims = {
        "name": f"{name.title()} Dahl",
        "email": f"{local}@kommun.se",
        "groups": ["sos-ledamot"],
    }
    request = urllib.request.Request(
        f"{idp}/users/{sub}",
        data=json.dumps(claims).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=30) as resp:
        assert resp.status == 204
    return sub, f"sso-{local}"


def test_a_disabled_account_is_stopped_at_once_and_at_the_next_sign_in(sso, page, browser):
    srv, idp = sso
    sub, username = _new_person(idp, "david")
    _sign_in(page, srv.url, sub)
    page.wait_for_url("**/oversikt")
    out = srv.cli("user", "disable", username)  # handed to the running server
    assert out.returncode == 0, out.stderr
    page.get_by_role("link", name="Stöd och hjälp").first.click()  # the next run
    page.get_by_role("link", name="Logga in", exact=True).wait_for()  # signed out at once
    expect(page.get_by_test_id("stSidebar")).not_to_contain_text("David")
    assert page.get_by_role("button", name="Logga ut").count() == 0
    page.goto(srv.url + "/")
    page.get_by_text("Ditt konto i SOS-portalen är avstängt").wait_for()
    other = browser.new_context(locale="sv-SE").new_page()
    try:
        other.set_default_timeout(45_000)
        _sign_in(other, srv.url, sub)
        other.get_by_text("Ditt konto i SOS-portalen är avstängt").wait_for()
        other.get_by_role("button", name=f"Logga ut från {LABEL}").wait_for()
    finally:
        other.context.close()


def test_a_role_change_at_the_provider_follows_at_the_next_sign_in(sso, page):
    srv, idp = sso
    request = urllib.request.Request(
        f"{idp}/users/anna-1",
        data=json.dumps(
            {"name": "Anna Andersson", "email": "anna@kommun.se", "groups": ["sos-processledare"]}
        ).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=30) as resp:
        assert resp.status == 204
    _sign_in(page, srv.url, "anna-1")
    page.wait_for_url("**/oversikt")
    assert "Processledare" in page.get_by_test_id("stSidebar").inner_text()


def test_every_sign_in_is_audited(sso):
    srv, _ = sso
    stop_server(srv)  # the audit log is read from the file
    entries = _audit(srv.db)
    actions = [(actor, action) for actor, action, _ in entries]
    for who in ("sso-anna", "sso-bertil", "sso-cecilia"):
        assert (who, "sso_first_login") in actions
        assert (who, "sso_login") in actions
    # The disabled person has a fresh account per attempt (sso-david<token>).
    david = {actor for actor, action in actions if actor.startswith("sso-david")}
    assert any((who, "sso_login_refused") in actions for who in david)
    assert all((who, "sso_first_login") in actions for who in david)
    first = {a: json.loads(j) for a, act, j in entries if act == "sso_first_login"}
    assert first["sso-anna"]["role"] == "coordinator" and first["sso-bertil"]["role"] == "none"
    changes = [json.loads(j) for a, act, j in entries if act == "sso_role_from_claims"]
    assert changes == [{"role": "process_leader", "from": "claims"}]
