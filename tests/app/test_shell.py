"""The app shell: login gate, navigation per role, page guards, language."""

import pytest

from portal import ROOT
from tests.app.helpers import app_as, page_as, texts


def test_logged_out_shows_swedish_login_form(demo_db):
    at = app_as(None)
    assert not at.exception
    labels = [ti.label for ti in at.text_input]
    assert labels == ["Användarnamn", "Lösenord"]
    assert any(b.label == "Logga in" for b in at.button)
    assert "Handlingsplan mot" not in texts(at)


def test_wrong_password_shows_a_clear_message(demo_db):
    at = app_as(None)
    at.text_input[0].input("ledamot")
    at.text_input[1].input("fel-lösenord")
    next(b for b in at.button if b.label == "Logga in").click()
    at.run()
    assert "Fel användarnamn eller lösenord" in texts(at)
    assert at.session_state["authentication_status"] is False


def test_right_password_logs_in(demo_db):
    at = app_as(None)
    at.text_input[0].input("processledare")
    at.text_input[1].input("demo-processledare")
    next(b for b in at.button if b.label == "Logga in").click()
    at.run()
    assert at.session_state["authentication_status"] is True
    assert at.session_state["user"].role == "process_leader"
    assert "Översikt" in texts(at)


@pytest.mark.parametrize("username", ["admin", "samordnare", "processledare", "ledamot"])
def test_municipal_roles_land_on_overview_with_demo_banner(demo_db, username):
    at = app_as(username)
    assert not at.exception
    text = texts(at)
    assert "Översikt" in text
    assert "Demodata" in text
    assert "Hela planen" in text


def test_member_sees_plan_page(demo_db):
    at = app_as("ledamot", "app_pages/plan.py")
    assert not at.exception
    assert "4.1 Främja demokratin" in texts(at)
    assert len(at.dataframe) == 3


def test_partner_navigation_has_no_plan_page(demo_db):
    at = app_as("partner")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(str(ROOT / "app_pages/plan.py"))
    assert "Främja demokratin" not in texts(at)
    assert not at.dataframe


@pytest.mark.parametrize("page", ["app_pages/plan.py", "app_pages/overview.py"])
def test_page_guards_refuse_partner_and_visitor(demo_db, page):
    for who in ("partner", None):
        at = page_as(who, page)
        assert at.error, f"{page} did not refuse {who}"
        assert not at.dataframe
        assert "Främja demokratin" not in texts(at)


def test_public_support_page_without_login(demo_db):
    at = page_as(None, "app_pages/support.py")
    text = texts(at)
    assert "020-100 200" in text
    assert "112" in text
    assert not at.error


def test_disabled_user_session_is_logged_out(demo_db):
    from portal.actor import SYSTEM
    from portal.admin._users import disable_user

    disable_user("ledamot", actor=SYSTEM)
    at = app_as("ledamot")
    assert at.session_state["authentication_status"] is None
    assert [ti.label for ti in at.text_input] == ["Användarnamn", "Lösenord"]


def test_english_can_be_selected(demo_db):
    at = app_as("ledamot")
    at.sidebar.selectbox[0].select("en")
    at.run()
    assert "Overview" in texts(at)


def test_demo_login_page_lists_every_demo_account_with_its_password(demo_db):
    at = app_as(None)
    assert not at.exception
    assert [e.label for e in at.expander] == ["Demokonton: prova varje roll"]
    assert "Listan visas bara i demoläge" in texts(at)
    table = at.table[0].value.to_csv().replace("\\", "")  # cells are Markdown-escaped
    for user, role in (
        ("admin", "Administratör"),
        ("samordnare", "Säkerhetssamordnare"),
        ("processledare", "Processledare"),
        ("ledamot", "Ledamot"),
        ("partner", "Partner"),
    ):
        assert user in table and f"demo-{user}" in table, user
        assert role.split()[0] in table, role


def test_real_database_lists_no_accounts_on_the_login_page(db_path):
    at = app_as(None)
    assert not at.exception
    assert not at.expander
    assert "demo-" not in texts(at)
    assert not at.table
