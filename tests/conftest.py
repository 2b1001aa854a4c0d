"""Shared fixtures: a real temporary DuckDB per test, built by the real init code.

Building a database runs every migration and seeder (and, for the demo, hashes five
passwords), so each kind is built once per test session into a template file and
copied for every test that asks for it: each test still gets its own real file.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# bcrypt at full cost is most of the time of building a demo database; tests (and the
# servers and CLI processes they start, which inherit the environment) hash at cost 4.
os.environ.setdefault("PORTAL_BCRYPT_ROUNDS", "4")

from portal.admin import api as admin_api
from portal.db.connection import close_all
from portal.setup import init_database

COOKIE_KEY = "test-cookie-key-" + "x" * 32


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An empty (migrated, default data) and a demo database, each built once."""
    folder = tmp_path_factory.mktemp("templates")
    built: dict[str, Path] = {}
    saved = os.environ.get("PORTAL_DB")
    try:
        for kind, demo in (("empty", False), ("demo", True)):
            path = folder / f"{kind}.duckdb"
            os.environ["PORTAL_DB"] = str(path)
            os.environ.setdefault("PORTAL_COOKIE_KEY", COOKIE_KEY)
            init_database(demo=demo)
            close_all()
            built[kind] = path
    finally:
        if saved is None:
            os.environ.pop("PORTAL_DB", None)
        else:
            os.environ["PORTAL_DB"] = saved
    return built


def _database(
    kind: str, templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    path = tmp_path / "portal.duckdb"
    shutil.copyfile(templates[kind], path)
    monkeypatch.setenv("PORTAL_DB", str(path))
    monkeypatch.setenv("PORTAL_COOKIE_KEY", COOKIE_KEY)
    monkeypatch.setenv("PORTAL_LOGIN_SLEEP", "0")
    admin_api.forget_clients()  # the per-client login counter is process memory
    admin_api.forget_cookies()  # and so is each login cookie's last activity
    return path


@pytest.fixture
def db_path(
    _templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """An empty, migrated database file (with the embedded default) set as PORTAL_DB."""
    path = _database("empty", _templates, tmp_path, monkeypatch)
    init_database()  # a no-op on a current template; keeps the fixture's contract
    yield path
    close_all()


@pytest.fixture
def demo_db(
    _templates: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The embedded default plus the demo data and demo users."""
    path = _database("demo", _templates, tmp_path, monkeypatch)
    yield path
    close_all()
