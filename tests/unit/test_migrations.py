from portal.db import migrations
from portal.db.connection import close_all, connect, cursor


def test_every_migration_is_recorded_once(db_path):
    with cursor() as cur:
        rows = cur.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()
    assert [r[0] for r in rows] == [m.version for m in migrations.available()]
    assert rows[0] == (1, "core")


def test_migrating_again_applies_nothing(db_path):
    assert migrations.migrate(connect()) == []
    close_all()
    # a fresh process-level connection to the same file also finds nothing to do
    assert migrations.migrate(connect()) == []


def test_core_tables_exist(db_path):
    with cursor() as cur:
        names = {
            r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert {
        "users",
        "audit_log",
        "plans",
        "dimensions",
        "activities",
        "activity_updates",
        "meta",
    } <= names


def test_migration_numbers_are_unique_and_well_named():
    versions = [m.version for m in migrations.available()]
    assert versions == sorted(set(versions))
