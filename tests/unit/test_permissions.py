import pytest

from portal import auth
from portal.errors import PermissionDenied

MATRIX = {
    # permission: roles that have it (from the design brief's role matrix)
    "support.view": {"admin", "coordinator", "process_leader", "member", "partner", None},
    "directory.view_internal": {"admin", "coordinator", "process_leader", "member"},
    "directory.edit": {"admin", "coordinator", "process_leader"},
    "plan.view": {"admin", "coordinator", "process_leader", "member"},
    "plan.edit": {"admin", "coordinator", "process_leader"},
    "meetings.edit": {"admin", "coordinator", "process_leader"},
    "situation.edit": {"admin", "coordinator"},
    "signals.report": {"admin", "coordinator", "process_leader", "member"},
    "signals.handle": {"admin", "coordinator"},
    "report.view": {"admin", "coordinator", "process_leader", "member"},
    "admin.manage": {"admin"},
}


@pytest.mark.parametrize("permission", sorted(MATRIX))
@pytest.mark.parametrize("role", [*auth.ROLES, None])
def test_role_matrix(role, permission):
    assert auth.can(role, permission) == (role in MATRIX[permission])


def test_partner_sees_directory_but_not_internal():
    assert auth.can("partner", "directory.view")
    assert not auth.can("partner", "directory.view_internal")
    assert not auth.can(None, "directory.view")


def test_require_raises_for_forbidden_role():
    with pytest.raises(PermissionDenied):
        auth.require("member", "plan.edit")
    auth.require("process_leader", "plan.edit")


def test_signal_receiver_role_is_configurable(monkeypatch):
    monkeypatch.setenv("PORTAL_SIGNAL_RECEIVER_ROLE", "process_leader")
    assert auth.can("process_leader", "signals.handle")
    assert not auth.can("coordinator", "signals.handle")
    assert auth.can("admin", "signals.handle")


def test_logged_out_visitor_gets_only_public_pages():
    assert [p.key for p in auth.pages_for(None)] == ["support"]


def test_partner_never_gets_plan_or_overview():
    keys = {p.key for p in auth.pages_for("partner")}
    assert not keys & {"overview", "plan", "meetings", "situation", "signals", "report", "admin"}


def test_default_pages():
    assert auth.default_page("member") == "overview"
    assert auth.default_page("partner") == "directory"
    assert auth.default_page(None) == "login"


def test_url_paths_are_the_contracts():
    urls = {p.key: p.url_path for p in auth.PAGES}
    assert urls["plan"] == "handlingsplan"
    assert urls["meetings"] == "moten"
    assert urls["directory"] == "stodkatalog"
    assert urls["situation"] == "lagesbild"
    assert urls["signals"] == "signaler"
    assert urls["report"] == "uppfoljning"
    assert urls["admin"] == "admin"
    assert urls["support"] == "stod"
