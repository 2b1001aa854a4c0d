"""Demo users (only with --demo). Each password is 'demo-' + username, stored hashed."""

from __future__ import annotations

from portal.admin._db import users as users_db
from portal.admin._demo import DEMO_USERS
from portal.admin._passwords import hash_password
from portal.db.connection import Cursor


def load_default(cur: Cursor) -> None:
    """No default users: a real deployment creates its own with `user add`."""


def load_demo(cur: Cursor) -> None:
    for username, name, role in DEMO_USERS:
        if cur.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
            continue
        users_db.insert_user(
            cur,
            username,
            name,
            f"{username}@demo.invalid",
            role,
            hash_password(f"demo-{username}"),
            is_demo=True,
        )
