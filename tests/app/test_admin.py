"""AppTest of the admin and account pages, and the forced password change."""

from portal.actor import SYSTEM
from portal.admin import _users as svc
from portal.admin._db import users as users_db
from portal.db import audit
from tests.app.helpers import app_as, open_tab, texts

PW = "ett-långt-lösenord-1"


def click(at, label):
    next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception, at.exception
    return at


def test_admin_page_lists_users_and_shows_three_tabs(demo_db):
    at = app_as("admin", "app_pages/admin.py")
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Användare", "Granskningslogg", "Säkerhetskopior"]
    users = at.dataframe[0].value
    assert list(users["username"]) == ["admin", "ledamot", "partner", "processledare", "samordnare"]
    assert "last_login" in users.columns
    # nobody has logged in or been locked: empty cells, not "None"/"NaT" on the screen
    for column in ("last_login", "locked_until"):
        assert set(users[column]) == {""}, column


def test_admin_creates_user_who_must_change_password(demo_db):
    at = app_as("admin", "app_pages/admin.py")
    form = {ti.label: ti for ti in at.text_input}
    form["Användarnamn"].input("kim")
    form["Namn"].input("Kim Berg")
    form["E-post"].input("kim@example.se")
    at.selectbox[0].select("coordinator")
    at.text_input[3].input(PW)
    click(at, "Skapa användare")
    assert "Användaren kim är skapad" in texts(at)
    kim = users_db.get_user("kim")
    assert kim.role == "coordinator" and kim.must_change_password
    assert "kim" in list(at.dataframe[0].value["username"])


def test_admin_changes_role_disables_and_resets(demo_db):
    at = app_as("admin", "app_pages/admin.py")
    at.selectbox(key="admin_target").select("ledamot")
    at.run()
    at.selectbox[2].select("process_leader")
    click(at, "Byt roll")
    assert users_db.get_user("ledamot").role == "process_leader"
    click(at, "Inaktivera")
    assert not users_db.get_user("ledamot").active
    click(at, "Aktivera")
    assert users_db.get_user("ledamot").active
    at.text_input[4].input("kort")
    click(at, "Återställ lösenord")
    assert any("minst 12" in e.value for e in at.error)
    at.text_input[4].input(PW)
    click(at, "Återställ lösenord")
    assert users_db.get_user("ledamot").must_change_password


def test_audit_log_tab_filters_and_exports(demo_db):
    svc.disable_user("ledamot", users_db.get_user("admin"))
    at = open_tab(app_as("admin", "app_pages/admin.py"), "admin_tab", "Granskningslogg")
    at.selectbox(key="audit_actor").select("admin")
    at.run()
    log = at.dataframe[0].value  # only the open tab runs: the log is the one table
    assert list(log["action"]) == ["Avstängd"] and list(log["entity_id"]) == ["ledamot"]
    assert list(log["entity"]) == ["Användare"]  # words, not the table name "users"
    assert list(log["actor"]) == [f"{users_db.get_user('admin').name} (admin)"]
    at.selectbox(key="audit_actor").select("cli")
    at.run()
    log = at.dataframe[0].value  # only the open tab runs: the log is the one table
    assert set(log["actor"]) == {"Kommandoraden"} and "None" not in set(log["entity_id"])
    csv = at.get("download_button")
    assert csv, "no CSV export button"


def test_forced_password_change_leaves_only_the_account_page(demo_db):
    svc.reset_password("ledamot", "tillfälligt-123", SYSTEM)
    at = app_as("ledamot")
    assert not at.exception
    assert "Ditt lösenord har återställts" in texts(at)
    assert not at.dataframe  # the overview is not shown
    ti = {t.label: t for t in at.text_input}
    ti["Nuvarande lösenord"].input("tillfälligt-123")
    ti["Nytt lösenord"].input(PW)
    ti["Upprepa det nya lösenordet"].input(PW)
    click(at, "Byt lösenord")
    assert not users_db.get_user("ledamot").must_change_password
    assert "Lösenordet är bytt" in texts(at)
    actions = list(audit.entries(entity="users")["action"])
    assert actions[:2] == ["change_password", "reset_password"]


def test_account_page_refuses_a_weak_password_with_a_message(demo_db):
    at = app_as("samordnare", "app_pages/account.py")
    ti = {t.label: t for t in at.text_input}
    ti["Nuvarande lösenord"].input("demo-samordnare")
    ti["Nytt lösenord"].input("samordnare")
    ti["Upprepa det nya lösenordet"].input("samordnare")
    click(at, "Byt lösenord")
    assert any("minst 12" in e.value for e in at.error)


def test_backup_tab_offers_a_zip_download(demo_db):
    at = open_tab(app_as("admin", "app_pages/admin.py"), "admin_tab", "Säkerhetskopior")
    click(at, "Skapa säkerhetskopia")
    assert "Säkerhetskopian sos-portal-backup-" in texts(at)
    assert any(b.label == "Ladda ned säkerhetskopian" for b in at.get("download_button"))
    assert "backup" in list(audit.entries(entity="database")["action"])
