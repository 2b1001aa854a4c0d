"""Cached reads: computed once, forgotten after every committed write, per database."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.db import cache
from portal.db.connection import cursor, transaction
from portal.setup import init_database


def _counting_reader():
    calls = []

    @cache.cached_read
    def read_users(extra: int = 0) -> list[str]:
        calls.append(extra)
        with cursor() as cur:
            return [r[0] for r in cur.execute("SELECT username FROM users ORDER BY 1").fetchall()]

    return read_users, calls


def test_read_is_computed_once_until_a_write(db_path: Path) -> None:
    read_users, calls = _counting_reader()
    assert read_users() == read_users()
    assert len(calls) == 1
    with transaction() as cur:
        cur.execute(
            "INSERT INTO users (username, name, role, password_hash) VALUES (?, ?, ?, ?)",
            ["ny", "Ny", "member", "x"],
        )
    assert "ny" in read_users()
    assert len(calls) == 2


def test_a_rolled_back_write_keeps_the_cache(db_path: Path) -> None:
    read_users, calls = _counting_reader()
    read_users()
    with pytest.raises(RuntimeError), transaction() as cur:
        cur.execute("DELETE FROM users")
        raise RuntimeError("abort")
    read_users()
    assert len(calls) == 1


def test_arguments_and_database_file_are_part_of_the_key(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_users, calls = _counting_reader()
    read_users(1)
    read_users(2)
    assert calls == [1, 2]
    other = tmp_path / "other.duckdb"
    monkeypatch.setenv("PORTAL_DB", str(other))
    init_database()
    read_users(1)
    assert calls == [1, 2, 1]


def test_callers_cannot_change_what_the_next_caller_gets(db_path: Path) -> None:
    read_users, _ = _counting_reader()
    first = read_users()
    first.append("ändrad")
    assert "ändrad" not in read_users()
