"""User administration: create, change role, disable/enable, reset password, list.

A role change, disabling and a password reset end every session of that user (all
devices): the revocation time is written in the same transaction as the change.

Every write checks `admin.manage` on the server (whatever the page showed) and is
audited in the same transaction. `actor` is the acting person (the logged-in User) or
the command line's explicit system actor (`portal.actor.SYSTEM`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pandas as pd

from portal import auth, validation
from portal.actor import Actor
from portal.admin._db import users as users_db
from portal.admin._passwords import hash_password, validate_password
from portal.auth import ROLES
from portal.db import audit, meta
from portal.db.connection import Cursor
from portal.errors import NotFound, PermissionDenied, ValidationError
from portal.i18n import t

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Names of system actors (the command line, start-up jobs), which no login may take.
RESERVED = frozenset({"cli", "system", "anonymous", "test"})


def acting(actor: Actor, permission: str = "admin.manage") -> str:
    """The actor's name for the audit log, after checking `permission` on the server.

    A person is re-read from the database, so a disabled user or a changed role counts
    at once; the command line's system actor is checked by its own explicit role.
    """
    if actor.system:
        actor.require(permission)
        return actor.username
    current = users_db.get_user(actor.username)
    if current is None or not current.active:
        raise PermissionDenied(permission)
    auth.require(current.role, permission)
    return current.username


def _lang(actor: Actor) -> str | None:
    # The command line and scripts speak English; pages use the session's language.
    return "en" if actor.system else None


def add_user(
    username: str,
    name: str,
    email: str,
    role: str,
    password: str,
    actor: Actor,
    must_change_password: bool = False,
) -> None:
    who = acting(actor)
    lang = _lang(actor)
    problems = {}
    if not USERNAME.match(username or "") or username in RESERVED:
        problems["username"] = t("admin.bad_username", lang)
    if role not in ROLES:
        problems["role"] = t("admin.bad_role", lang, roles=", ".join(ROLES))
    name_problem = validation.text_problem(name, 120, required=True, lang=lang)
    if name_problem:
        problems["name"] = name_problem
    if not EMAIL.match(email or "") or len(email) > 200:
        problems["email"] = t("admin.bad_email", lang)
    if problems:
        raise ValidationError(t("admin.invalid_user", lang), problems)
    validate_password(username, password, meta.is_demo(), lang=lang, name=name)
    with audit.audited_transaction(who, "create", "users", username) as (cur, change):
        if users_db.get_user_row_exists(cur, username):
            raise ValidationError(
                t("admin.exists", lang, username=username),
                {"username": t("admin.exists", lang, username=username)},
            )
        users_db.insert_user(
            cur,
            username,
            name.strip(),
            email,
            role,
            hash_password(password),
            must_change_password=must_change_password,
        )
        change["after"] = users_db.snapshot(cur, username)


def set_role(username: str, role: str, actor: Actor) -> None:
    who = acting(actor)
    if role not in ROLES:
        raise ValidationError(t("admin.bad_role", _lang(actor), roles=", ".join(ROLES)))
    with audit.audited_transaction(who, "change_role", "users", username) as (cur, change):
        before = _existing(cur, username, actor)
        if before["role"] == "admin" and role != "admin":
            _keep_an_admin(cur, actor)
        users_db.set_role(cur, username, role)
        users_db.revoke_sessions(cur, username, datetime.now())  # open tabs log in anew
        change["before"] = {"role": before["role"]}
        change["after"] = {"role": role}


def set_active(username: str, active: bool, actor: Actor) -> None:
    who = acting(actor)
    with audit.audited_transaction(who, "enable" if active else "disable", "users", username) as (
        cur,
        change,
    ):
        before = _existing(cur, username, actor)
        if not active and before["role"] == "admin" and before["active"]:
            _keep_an_admin(cur, actor)
        users_db.set_active(cur, username, active)
        if not active:
            users_db.revoke_sessions(cur, username, datetime.now())
        change["before"] = {"active": before["active"]}
        change["after"] = {"active": active}


def disable_user(username: str, actor: Actor) -> None:
    set_active(username, False, actor)


def enable_user(username: str, actor: Actor) -> None:
    set_active(username, True, actor)


def reset_password(username: str, new_password: str, actor: Actor) -> None:
    """Set a temporary password; the user must choose their own at the next login."""
    who = acting(actor)
    existing = users_db.get_user(username)
    validate_password(
        username,
        new_password,
        meta.is_demo(),
        lang=_lang(actor),
        name=existing.name if existing else "",
    )
    if existing is not None and existing.sso:
        raise ValidationError(t("admin.sso_no_password", _lang(actor)))
    with audit.audited_transaction(who, "reset_password", "users", username) as (cur, change):
        _existing(cur, username, actor)
        users_db.set_password(cur, username, hash_password(new_password), must_change=True)
        # An old cookie must not work again once the user has chosen a new password.
        users_db.revoke_sessions(cur, username, datetime.now())
        change["after"] = {"must_change_password": True}  # never the password itself


def list_users(actor: Actor) -> pd.DataFrame:
    acting(actor)
    return users_db.list_users()


def _existing(cur: Cursor, username: str, actor: Actor) -> dict[str, Any]:
    before = users_db.snapshot(cur, username)
    if before is None:
        raise NotFound(t("admin.no_such_user", _lang(actor), username=username))
    return before


def _keep_an_admin(cur: Cursor, actor: Actor) -> None:
    if users_db.count_active_admins(cur) <= 1:
        raise ValidationError(t("admin.last_admin", _lang(actor)))


def audit_log(
    actor: Actor,
    who: str | None = None,
    entity: str | None = None,
    since=None,
    until=None,
    limit: int = 5000,
) -> pd.DataFrame:
    """The audit log for the admin page (admins only), newest first, filtered."""
    acting(actor)
    return audit.entries(actor=who, entity=entity, since=since, until=until, limit=limit)


def audit_choices(actor: Actor) -> tuple[list[str], list[str]]:
    """(actors, entities) present in the log, for the filters."""
    acting(actor)
    return audit.distinct_values("actor"), audit.distinct_values("entity")
