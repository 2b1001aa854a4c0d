"""Retention: closed signals lose their free text after the retention period; the
counts (quarter, milieu, setting, kind) stay the same."""

import uuid
from datetime import date, datetime

import pytest

from portal.db.connection import cursor, transaction
from portal.signals import _core as svc, _retention as signal_retention, _stats as signal_stats

TEXT = "En besökare på fritidsgården delade propaganda."


def _closed(closed_at: datetime, observed=date(2023, 2, 1), milieu="far_right") -> int:
    signal_id = svc.report(
        "ledamot",
        "member",
        observed_on=observed,
        setting="leisure",
        milieu=milieu,
        kind="online",
        urgency="low",
        description=TEXT,
        today=observed,
    )
    for version, (step, extra) in enumerate(
        [("received", {}), ("assessment", {}), ("closed", {"outcome": "no_concern"})], 1
    ):
        svc.advance(
            "samordnare",
            "coordinator",
            signal_id,
            version,
            step,
            f"Not {step}",
            now=closed_at,
            **extra,
        )
    return signal_id


def _texts(signal_id):
    with cursor() as cur:
        desc, purged = cur.execute(
            "SELECT description, purged_at FROM signals WHERE id = ?", [signal_id]
        ).fetchone()
        notes = [
            r[0]
            for r in cur.execute(
                "SELECT note FROM signal_steps WHERE signal_id = ? ORDER BY id", [signal_id]
            ).fetchall()
        ]
    return desc, notes, purged


def test_purge_removes_text_and_keeps_counts(db_path):
    old = _closed(datetime(2023, 3, 1))
    recent = _closed(datetime(2026, 1, 10), observed=date(2025, 12, 1), milieu="islamist")
    open_one = svc.report(
        "ledamot",
        "member",
        observed_on=date(2023, 1, 5),
        setting="school",
        milieu="other",
        kind="relative",
        urgency="soon",
        description=TEXT,
        today=date(2023, 1, 5),
    )
    before = signal_stats.quarterly_counts(exact=True)
    summary_before = signal_stats.year_summary(2023, exact=True)

    now = datetime(2026, 6, 1)
    assert signal_retention.purge(now) == 1

    desc, notes, purged = _texts(old)
    assert desc is None and notes == [None, None, None] and purged == now
    assert _texts(recent)[0] == TEXT and None not in _texts(recent)[1]
    assert _texts(open_one)[0] == TEXT  # open signals are never purged
    after = signal_stats.quarterly_counts(exact=True)
    assert after.equals(before)
    assert signal_stats.year_summary(2023, exact=True) == summary_before
    with cursor() as cur:
        step, outcome, actors = cur.execute(
            "SELECT s.step, s.outcome, list(st.actor) FROM signals s JOIN signal_steps st"
            " ON st.signal_id = s.id WHERE s.id = ? GROUP BY ALL",
            [old],
        ).fetchone()
    assert (step, outcome, set(actors)) == ("closed", "no_concern", {"samordnare"})
    # the purge itself is audited, without any text
    with cursor() as cur:
        actor, after_json = cur.execute(
            "SELECT actor, after_json FROM audit_log WHERE action = 'purge'"
        ).fetchone()
    assert actor == "system" and TEXT not in after_json and str(old) in after_json
    # a second run has nothing left to do
    assert signal_retention.purge(now) == 0


def test_purged_details_still_open_for_the_receiver(db_path):
    old = _closed(datetime(2023, 3, 1))
    signal_retention.purge(datetime(2026, 6, 1))
    detail = svc.open_details("samordnare", "coordinator", old)
    assert detail["description"] is None and detail["purged_at"] is not None


@pytest.mark.parametrize(("months", "purged"), [("24", 0), ("12", 1), ("0", 2)])
def test_retention_is_configurable(db_path, monkeypatch, months, purged):
    monkeypatch.setenv("PORTAL_SIGNAL_RETENTION_MONTHS", months)
    _closed(datetime(2025, 1, 10))
    _closed(datetime(2026, 5, 31, 12, 0))
    assert signal_retention.purge(datetime(2026, 6, 1)) == purged


def test_boundary_is_exactly_the_retention_period(db_path):
    signal_id = _closed(datetime(2024, 6, 1, 12, 0))
    assert signal_retention.purge(datetime(2026, 6, 1, 12, 0)) == 0  # not yet past
    assert signal_retention.purge(datetime(2026, 6, 1, 12, 1)) == 1
    assert _texts(signal_id)[0] is None


@pytest.mark.parametrize(
    ("now", "months", "expected"),
    [
        (datetime(2026, 3, 31), 1, datetime(2026, 2, 28)),
        (datetime(2026, 1, 15), 24, datetime(2024, 1, 15)),
        (datetime(2028, 2, 29), 12, datetime(2027, 2, 28)),
        (datetime(2026, 5, 10), 0, datetime(2026, 5, 10)),
    ],
)
def test_months_before(now, months, expected):
    assert signal_retention.months_before(now, months) == expected


def test_cli_and_startup(db_path):
    old = _closed(datetime(2020, 1, 1))
    assert signal_retention.purge_now().startswith("purged the text of 1 closed signal(s)")
    assert _texts(old)[0] is None
    another = _closed(datetime(2020, 2, 1))
    signal_retention.purge_on_startup()
    assert _texts(another)[0] is None


def test_cli_command_through_main(db_path, capsys):
    from portal.cli import main

    _closed(datetime(2020, 1, 1))
    assert main(["purge-signals"]) == 0
    assert "purged the text of 1" in capsys.readouterr().out


def test_startup_failure_does_not_stop_the_portal(db_path, monkeypatch, caplog):
    monkeypatch.setenv("PORTAL_SIGNAL_RETENTION_MONTHS", "many")
    signal_retention.purge_on_startup()  # logs, does not raise
    assert "failed" in caplog.text


def test_purged_text_is_not_left_in_the_database_file(db_path):
    """The raw bytes of the file (and its WAL) hold none of the purged words."""
    words = [f"Spårord{n}x{uuid.uuid4().hex[:12]}" for n in range(8)]
    kept = f"Behållet{uuid.uuid4().hex[:12]}"
    ids = []
    for n, word in enumerate(words):
        ids.append(_closed(datetime(2023, 3, 1), milieu="far_right"))
        with transaction() as cur:
            cur.execute("UPDATE signals SET description = ? WHERE id = ?", [f"{word} {n}", ids[-1]])
            cur.execute("UPDATE signal_steps SET note = ? WHERE signal_id = ?", [word, ids[-1]])
    recent = _closed(datetime(2026, 1, 10), observed=date(2025, 12, 1))
    with transaction() as cur:
        cur.execute("UPDATE signals SET description = ? WHERE id = ?", [kept, recent])
    with cursor() as cur:
        cur.execute("CHECKPOINT")
    assert all(w.encode() in db_path.read_bytes() for w in words)  # the test can see them

    assert signal_retention.purge(datetime(2026, 6, 1)) == 8

    files = [db_path, db_path.with_name(db_path.name + ".wal")]
    raw = b"".join(f.read_bytes() for f in files if f.exists())
    assert [w for w in words if w.encode() in raw] == []
    assert [w for w in words if w.encode("utf-16-le") in raw] == []
    assert _texts(recent)[0] == kept  # what is kept is still there, and in the file
    assert kept.encode() in db_path.read_bytes()
    assert [_texts(i)[0] for i in ids] == [None] * 8
    with cursor() as cur:  # the rewritten tables keep their keys and defaults
        new_id = svc.report(
            "ledamot",
            "member",
            observed_on=date(2026, 5, 1),
            setting="school",
            milieu="other",
            kind="relative",
            urgency="soon",
            description="Ny efter rensning",
            today=date(2026, 5, 1),
        )
        assert new_id > recent
        assert (
            cur.execute(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE "
                "'%filler%' OR table_name LIKE '%\\_\\_new' ESCAPE '\\'"
            ).fetchone()[0]
            == 0
        )
