"""User management: validation, hashing once, audit of every change."""

from __future__ import annotations

import re

import pandas as pd

from portal.auth import ROLES
from portal.db import audit
from portal.db import users as users_db
from portal.db.connection import transaction
from portal.errors import NotFound, ValidationError
from portal.services.passwords import hash_password

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 12


def validate_password(username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"the password must be at least {MIN_PASSWORD} characters")
    if password.strip().lower() == username.lower():
        raise ValidationError("the password must not be the username")


def add_user(username: str, name: str, email: str, role: str, password: str,
             actor: str, must_change_password: bool = False) -> None:
    problems = {}
    if not USERNAME.match(username or ""):
        problems["username"] = "2-40 characters: a-z, 0-9, '.', '_' or '-', lower case"
    if role not in ROLES:
        problems["role"] = f"one of {', '.join(ROLES)}"
    if not name.strip() or len(name) > 120:
        problems["name"] = "required, at most 120 characters"
    if not EMAIL.match(email or ""):
        problems["email"] = "not a valid e-mail address"
    if problems:
        raise ValidationError("invalid user", problems)
    validate_password(username, password)
    with transaction() as cur:
        if users_db.get_user_row_exists(cur, username):
            raise ValidationError(f"the user {username} already exists")
        users_db.insert_user(cur, username, name.strip(), email, role, hash_password(password),
                             must_change_password=must_change_password)
        audit.record(cur, actor, "create", "users", username, None,
                     {"username": username, "name": name, "email": email, "role": role})


def disable_user(username: str, actor: str) -> None:
    with transaction() as cur:
        if not users_db.set_active(cur, username, False):
            raise NotFound(f"no user named {username}")
        audit.record(cur, actor, "disable", "users", username, {"active": True},
                     {"active": False})


def list_users() -> pd.DataFrame:
    return users_db.list_users()
