"""Shared fixtures: a real temporary DuckDB per test, built by the real init code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from portal.db.connection import close_all
from portal.services.setup import init_database


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty, migrated database file in a temp folder, set as PORTAL_DB."""
    path = tmp_path / "portal.duckdb"
    monkeypatch.setenv("PORTAL_DB", str(path))
    monkeypatch.setenv("PORTAL_COOKIE_KEY", "test-cookie-key-" + "x" * 32)
    monkeypatch.setenv("PORTAL_LOGIN_SLEEP", "0")
    init_database()
    yield path
    close_all()


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    """The embedded default plus the demo data and demo users."""
    init_database(demo=True)
    return db_path
