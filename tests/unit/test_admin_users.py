"""User administration: every change audited, server-side permission checks, rules."""

import json

import pytest

from portal.actor import system_actor
from portal.admin import _accounts as accounts, _passwords as passwords, _users as svc
from portal.admin._db import users as users_db
from portal.db import audit, meta
from portal.db.connection import transaction
from portal.errors import NotFound, PermissionDenied, ValidationError

PW = "ett-långt-lösenord-1"


def admin():
    return users_db.get_user("admin")


def log(action: str):
    df = audit.entries(entity="users")
    return df[df["action"] == action]


def test_create_user_hashes_password_and_audits_without_it(demo_db):
    svc.add_user(
        "kim", "Kim Berg", "kim@example.se", "member", PW, actor=admin(), must_change_password=True
    )
    user = users_db.get_user("kim")
    assert user.role == "member" and user.must_change_password and user.active
    entry = log("create").iloc[0]
    assert entry["actor"] == "admin" and entry["entity_id"] == "kim"
    assert json.loads(entry["after_json"])["role"] == "member"
    dump = audit.entries().to_csv()
    assert PW not in dump
    with transaction() as cur:
        stored = users_db.password_hash(cur, "kim")
    assert stored.startswith("$2") and PW not in stored


def test_change_role_disable_enable_reset_are_audited(demo_db):
    svc.set_role("ledamot", "process_leader", admin())
    assert users_db.get_user("ledamot").role == "process_leader"
    svc.disable_user("ledamot", admin())
    assert not users_db.get_user("ledamot").active
    svc.enable_user("ledamot", admin())
    assert users_db.get_user("ledamot").active
    svc.reset_password("ledamot", PW, admin())
    assert users_db.get_user("ledamot").must_change_password
    role = log("change_role").iloc[0]
    assert json.loads(role["before_json"]) == {"role": "member"}
    assert json.loads(role["after_json"]) == {"role": "process_leader"}
    assert len(log("disable")) == 1 and len(log("enable")) == 1
    reset = log("reset_password").iloc[0]
    assert reset["actor"] == "admin" and PW not in str(reset["after_json"])


def test_reset_clears_a_lockout(demo_db):
    from datetime import datetime, timedelta

    with transaction() as cur:
        users_db.mark_failed(cur, "ledamot", 0, datetime.now() + timedelta(minutes=10))
    svc.reset_password("ledamot", PW, admin())
    assert "ledamot" in users_db.login_credentials(datetime.now())


@pytest.mark.parametrize("username", ["samordnare", "processledare", "ledamot", "partner"])
def test_non_admins_are_refused_on_the_server(demo_db, username):
    actor = users_db.get_user(username)
    calls = [
        lambda: svc.add_user("kim", "Kim", "kim@example.se", "admin", PW, actor=actor),
        lambda: svc.set_role(username, "admin", actor),
        lambda: svc.disable_user("admin", actor),
        lambda: svc.enable_user(username, actor),
        lambda: svc.reset_password("admin", PW, actor),
        lambda: svc.list_users(actor),
        lambda: svc.audit_log(actor),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert users_db.get_user("kim") is None
    assert users_db.get_user(username).role != "admin"
    assert users_db.get_user("admin").active


def test_a_disabled_admin_cannot_act(demo_db):
    svc.add_user("chef", "Chef", "chef@example.se", "admin", PW, actor=admin())
    chef = users_db.get_user("chef")
    svc.disable_user("chef", admin())
    with pytest.raises(PermissionDenied):
        svc.disable_user("ledamot", chef)
    # a non-admin person is refused, re-read from the database
    with pytest.raises(PermissionDenied):
        svc.disable_user("ledamot", users_db.get_user("ledamot"))
    # the command line's system actor acts only with its own explicit role
    with pytest.raises(PermissionDenied):
        svc.disable_user("ledamot", system_actor(role="member"))


def test_the_last_active_admin_stays(demo_db):
    with pytest.raises(ValidationError, match="administrat"):
        svc.disable_user("admin", admin())
    with pytest.raises(ValidationError):
        svc.set_role("admin", "member", admin())
    assert users_db.get_user("admin").active


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("kort", "minst 12"),
        ("elva-tecken", "minst 12"),
        ("KimKimKimKim", "användarnamnet"),
        (" mellanslag-först-x", "mellanslag"),
        ("kontroll\x07tecken-x", "styrtecken"),
        ("x" * 80, "högst 72"),
    ],
)
def test_password_rules(demo_db, password, reason):
    with pytest.raises(ValidationError, match=reason):
        passwords.validate_password("kimkimkimkim", password, demo_mode=False)


def test_demo_passwords_only_in_demo_mode(demo_db):
    passwords.validate_password("samordnare", "demo-samordnare", demo_mode=True)
    with pytest.raises(ValidationError, match="demoläge"):
        passwords.validate_password("samordnare", "demo-samordnare", demo_mode=False)
    with transaction() as cur:
        meta.put(cur, "demo", "false")
    with pytest.raises(ValidationError):
        svc.reset_password("samordnare", "demo-samordnare", admin())


def test_user_fields_are_validated_in_one_place(demo_db):
    with pytest.raises(ValidationError) as err:
        svc.add_user("Bad Name", "x" * 121, "not-an-email", "king", PW, actor=admin())
    assert set(err.value.problems) == {"username", "name", "email", "role"}
    with pytest.raises(ValidationError) as err:
        svc.add_user("cli", "Namn\x00", "a@b.se", "member", PW, actor=admin())
    assert set(err.value.problems) == {"username", "name"}
    with pytest.raises(ValidationError, match="redan"):
        svc.add_user("ledamot", "Ny", "a@b.se", "member", PW, actor=admin())
    with pytest.raises(NotFound):
        svc.disable_user("ingen-alls", admin())


def test_own_password_change(demo_db):
    user = users_db.get_user("ledamot")
    with pytest.raises(ValidationError, match="nuvarande"):
        accounts.change_password(user, "fel", PW, PW)
    with pytest.raises(ValidationError, match="inte lika"):
        accounts.change_password(user, "demo-ledamot", PW, PW + "x")
    svc.reset_password("ledamot", "tillfälligt-123", admin())
    accounts.change_password(user, "tillfälligt-123", PW, PW)
    assert not users_db.get_user("ledamot").must_change_password
    with transaction() as cur:
        assert passwords.check_password(PW, users_db.password_hash(cur, "ledamot"))
    entry = log("change_password").iloc[0]
    assert entry["actor"] == "ledamot"


def test_audit_filters_and_csv_safety(demo_db):
    from datetime import date, timedelta

    svc.disable_user("ledamot", admin())
    actors, entities = svc.audit_choices(admin())
    assert "admin" in actors and "users" in entities
    assert len(svc.audit_log(admin(), who="admin", entity="users")) == 1
    assert svc.audit_log(admin(), since=date.today() + timedelta(days=1)).empty
    assert len(svc.audit_log(admin(), since=date.today(), until=date.today())) >= 1


def test_audited_transaction_rolls_back_change_and_entry_together(demo_db):
    before = len(audit.entries())
    with pytest.raises(RuntimeError):
        with audit.audited_transaction("admin", "update", "users", "ledamot") as (cur, ch):
            users_db.set_role(cur, "ledamot", "admin")
            ch["after"] = {"role": "admin"}
            raise RuntimeError("boom")
    assert users_db.get_user("ledamot").role == "member"
    assert len(audit.entries()) == before
