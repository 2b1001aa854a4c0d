"""Administration, accounts and login: the façade other code uses."""

from __future__ import annotations

import pandas as pd

from portal.admin import _seed
from portal.admin._accounts import (
    change_password as change_password,
    log_out as log_out,
    login_credentials as login_credentials,
    login_failed as login_failed,
    record_login as record_login,
)
from portal.admin._backup import (
    backup_in_process as backup_in_process,
    backup_standalone as backup_standalone,
    backup_zip as backup_zip,
    restore as restore,
)
from portal.admin._db import users as _users_db
from portal.admin._db.users import User as User, get_user as get_user
from portal.admin._demo import DEMO_USERS
from portal.admin._health import Health as Health, health as health
from portal.admin._passwords import MIN_PASSWORD as MIN_PASSWORD
from portal.admin._sessions import (
    EXPIRED as EXPIRED,
    IDLE as IDLE,
    REVOKED as REVOKED,
    Limits as Limits,
    cookie_active as cookie_active,
    cookie_issued_at as cookie_issued_at,
    cookie_last_seen as cookie_last_seen,
    end_reason as end_reason,
    forget_cookies as forget_cookies,
    revoked as revoked,
)
from portal.admin._sso import (
    SsoIdentity as SsoIdentity,
    SsoRules as SsoRules,
    sso_rules as sso_rules,
    sso_sign_in as sso_sign_in,
)
from portal.admin._throttle import (
    client_blocked_until as client_blocked_until,
    client_failed as client_failed,
    forget_clients as forget_clients,
)
from portal.admin._users import (
    add_user as add_user,
    audit_choices as audit_choices,
    audit_log as audit_log,
    disable_user as disable_user,
    list_users as list_users,
    reset_password as reset_password,
    set_active as set_active,
    set_role as set_role,
)
from portal.db import meta
from portal.db.cache import cached_read


def people() -> pd.DataFrame:
    """Every user's username, name, role and whether active (no e-mail, no hashes): for
    pickers that name people, such as an action item's owner."""
    return _users_db.list_users()[["username", "name", "role", "active"]]


@cached_read  # read wherever a history names who did something
def display_names() -> dict[str, str]:
    """Every account's username mapped to the person's name."""
    people_now = _users_db.list_users()
    return {
        str(u): str(n) for u, n in zip(people_now["username"], people_now["name"], strict=True) if n
    }


def display_name(username: str | None) -> str:
    """The person's name for a username kept in a history, audit entry or version
    ("Sara Lind", not "samordnare"); a username without an account (the command
    line's system actor, a removed account) is shown as it is, None as "–"."""
    if not username:
        return "–"
    return display_names().get(username, username)


def is_demo() -> bool:
    """Whether this database holds the demo data (the portal shows a banner)."""
    return meta.is_demo()


@cached_read  # read on every rerun of the login page
def demo_accounts() -> list[tuple[str, str, str]]:
    """On a demo database only: (username, role, password) of each demo account that
    still exists and is active, for the login page; empty on a real database."""
    if not meta.is_demo():
        return []
    people_now = _users_db.list_users()
    active = set(people_now.loc[people_now["active"].astype(bool), "username"])
    return [(u, role, f"demo-{u}") for u, _name, role in DEMO_USERS if u in active]


# The embedded default and demo data (portal/setup.py loads every feature's seeder).
seeder = _seed
