"""Roles, permissions and the page registry. Pure data and checks, no Streamlit.

The role matrix from the design brief lives here once; pages and services both ask
`can(role, permission)` so the server enforces what the navigation merely hides.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal import ROOT, config
from portal.errors import PermissionDenied

ROLES = ("admin", "coordinator", "process_leader", "member", "partner")
MUNICIPAL = frozenset({"admin", "coordinator", "process_leader", "member"})
EDITORS = frozenset({"admin", "coordinator", "process_leader"})
COORDINATION = frozenset({"admin", "coordinator"})
ANONYMOUS = None  # role of a visitor who is not logged in
# A signed-in person without a role: someone who came in by single sign-on whose claims
# map to no portal role, until an administrator assigns one. Sees /stod and /konto only.
NO_ROLE = "none"

PERMISSIONS: dict[str, frozenset[str]] = {
    "support.view": frozenset(ROLES),
    "directory.view": frozenset(ROLES),
    "directory.view_internal": MUNICIPAL,
    "directory.edit": EDITORS,
    "overview.view": MUNICIPAL,
    "plan.view": MUNICIPAL,
    "plan.edit": EDITORS,
    "meetings.view": MUNICIPAL,
    "meetings.edit": EDITORS,
    "situation.view": MUNICIPAL,
    "situation.edit": COORDINATION,
    "situation.exact_numbers": COORDINATION,
    "signals.report": MUNICIPAL,
    "signals.handle": COORDINATION,
    "report.view": MUNICIPAL,
    "report.finalize": EDITORS,
    "admin.manage": frozenset({"admin"}),
    "account.manage": frozenset((*ROLES, NO_ROLE)),
}
PUBLIC_PERMISSIONS = frozenset({"support.view"})


def can(role: str | None, permission: str) -> bool:
    """Whether `role` (None for a visitor without login) has `permission`."""
    if permission in PUBLIC_PERMISSIONS:
        return True
    if permission == "signals.handle" and role is not None and role != NO_ROLE:
        # The receiving function is configurable; admin always keeps access.
        receiver = config.get("PORTAL_SIGNAL_RECEIVER_ROLE")
        return role == "admin" or role == receiver
    return role is not None and role in PERMISSIONS[permission]


def require(role: str | None, permission: str) -> None:
    """Raise PermissionDenied unless `role` has `permission`. Services call this on writes."""
    if not can(role, permission):
        raise PermissionDenied(permission)


@dataclass(frozen=True)
class PageSpec:
    key: str  # message key pages.<key> and AppTest name
    path: str  # file under the project root
    url_path: str  # stable URL from the interface contract
    permission: str
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview", "app_pages/overview.py", "oversikt", "overview.view", ":material/dashboard:"
    ),
    PageSpec("plan", "app_pages/plan.py", "handlingsplan", "plan.view", ":material/checklist:"),
    PageSpec("meetings", "app_pages/meetings.py", "moten", "meetings.view", ":material/groups:"),
    PageSpec(
        "situation", "app_pages/situation.py", "lagesbild", "situation.view", ":material/insights:"
    ),
    PageSpec("signals", "app_pages/signals.py", "signaler", "signals.report", ":material/report:"),
    PageSpec("report", "app_pages/report.py", "uppfoljning", "report.view", ":material/summarize:"),
    PageSpec(
        "directory",
        "app_pages/directory.py",
        "stodkatalog",
        "directory.view",
        ":material/support_agent:",
    ),
    PageSpec("support", "app_pages/support.py", "stod", "support.view", ":material/help:"),
    PageSpec("account", "app_pages/account.py", "konto", "account.manage", ":material/person:"),
    PageSpec(
        "admin", "app_pages/admin.py", "admin", "admin.manage", ":material/admin_panel_settings:"
    ),
)


def built(spec: PageSpec) -> bool:
    """A page is listed only once its file exists (pages not built yet are not shown)."""
    return (ROOT / spec.path).exists()


def pages_for(role: str | None) -> list[PageSpec]:
    """The pages a role may open, in navigation order."""
    return [p for p in PAGES if built(p) and can(role, p.permission)]


def default_page(role: str | None) -> str:
    """The page served at '/': overview for municipal roles, directory for partners."""
    if role in MUNICIPAL:
        return "overview"
    if role == "partner":
        return "directory"
    if role == NO_ROLE:
        return "account"
    return "login"
