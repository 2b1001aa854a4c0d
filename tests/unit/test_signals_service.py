"""Reporting and handling signals against a real DuckDB: validation, access, audit."""

import json
from datetime import date, datetime, timedelta

import pytest

from portal.db.connection import cursor
from portal.errors import NotFound, PermissionDenied, StaleEdit, ValidationError
from portal.signals import _core as svc
from tests.db_helpers import count_rows

TODAY = date(2026, 6, 15)
TEXT = "En elev i årskurs 8 har visat symboler från en högerextrem organisation."


def _report(actor="ledamot", role="member", **over):
    data = {
        "observed_on": date(2026, 6, 10),
        "setting": "school",
        "milieu": "far_right",
        "kind": "symbols",
        "urgency": "soon",
        "description": TEXT,
    }
    data.update(over)
    return svc.report(actor, role, today=TODAY, **data)


def _count(table: str = "signals") -> int:
    return count_rows(table)


def _audit(action):
    with cursor() as cur:
        return cur.execute(
            "SELECT actor, entity, entity_id, before_json, after_json FROM audit_log"
            " WHERE action = ? AND entity = 'signal' ORDER BY id",
            [action],
        ).fetchall()


def test_report_is_stored_as_new_with_quarter_and_audited(db_path):
    signal_id = _report()
    with cursor() as cur:
        row = cur.execute(
            "SELECT reporter, quarter, step, description FROM signals WHERE id = ?", [signal_id]
        ).fetchone()
    assert row == ("ledamot", "2026-Q2", "new", TEXT)
    (entry,) = _audit("create")
    assert entry[:3] == ("ledamot", "signal", str(signal_id))
    assert TEXT not in (entry[4] or "")  # the log never holds the free text


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"description": "   "}, "description"),
        ({"description": "x" * (svc.MAX_DESCRIPTION + 1)}, "description"),
        ({"description": "Gäller 19121212-1212 i klass 8B"}, "description"),
        ({"description": "Ring mamman på 070-123 45 67"}, "description"),
        ({"description": "Skriv till elev@skola.se"}, "description"),
        ({"observed_on": TODAY + timedelta(days=1)}, "observed_on"),
        ({"observed_on": None}, "observed_on"),
        ({"milieu": "unknown"}, "milieu"),
        ({"setting": "home"}, "setting"),
        ({"kind": ""}, "kind"),
        ({"urgency": "whenever"}, "urgency"),
    ],
)
def test_bad_input_writes_nothing(db_path, over, field):
    with pytest.raises(ValidationError) as exc:
        _report(**over)
    assert field in exc.value.problems
    assert _count() == 0
    assert not _audit("create")


def test_identity_message_is_clear(db_path):
    with pytest.raises(ValidationError, match="personnummer"):
        _report(description="Eleven 19121212-1212 har hotat")


def test_today_and_max_length_are_accepted(db_path):
    _report(observed_on=TODAY, description="x" * svc.MAX_DESCRIPTION)
    assert _count() == 1


def test_partner_and_visitor_cannot_report(db_path):
    for role in ("partner", None):
        with pytest.raises(PermissionDenied):
            _report(actor="partner", role=role)
    assert _count() == 0


@pytest.mark.parametrize("role", ["admin", "coordinator", "process_leader", "member"])
def test_every_municipal_role_can_report(db_path, role):
    _report(actor=f"user-{role}", role=role)
    assert len(svc.my_reports(f"user-{role}", role)) == 1


def test_reporter_sees_only_own_and_no_text(db_path):
    mine = _report(actor="ledamot")
    theirs = _report(actor="processledare", role="process_leader")
    df = svc.my_reports("ledamot", "member")
    assert list(df["id"]) == [mine]
    assert "description" not in df.columns
    assert svc.own_status("ledamot", "member", mine)["step"] == "new"
    with pytest.raises(NotFound):
        svc.own_status("ledamot", "member", theirs)


@pytest.mark.parametrize("role", ["member", "process_leader", "partner", None])
def test_only_the_receiving_function_handles(db_path, role):
    signal_id = _report()
    with pytest.raises(PermissionDenied):
        svc.queue(role)
    with pytest.raises(PermissionDenied):
        svc.open_details("someone", role, signal_id)
    with pytest.raises(PermissionDenied):
        svc.advance("someone", role, signal_id, 1, "received", "Mottagen")
    assert not _audit("view") and not _audit("step")


def test_receiver_role_is_configurable(db_path, monkeypatch):
    signal_id = _report()
    monkeypatch.setenv("PORTAL_SIGNAL_RECEIVER_ROLE", "process_leader")
    assert len(svc.queue("process_leader")) == 1
    assert len(svc.queue("admin")) == 1  # admin always keeps access
    with pytest.raises(PermissionDenied):
        svc.open_details("samordnare", "coordinator", signal_id)


def test_viewing_details_is_audited(db_path):
    signal_id = _report()
    detail = svc.open_details("samordnare", "coordinator", signal_id)
    assert detail["description"] == TEXT
    assert detail["history"].empty
    (entry,) = _audit("view")
    assert entry[:3] == ("samordnare", "signal", str(signal_id))


def test_full_routine_records_who_when_note(db_path):
    signal_id = _report()
    now = datetime(2026, 6, 16, 9, 0)
    steps = [
        ("received", {}),
        ("assessment", {}),
        ("referred", {"referred_to": "social_services"}),
        ("closed", {"outcome": "handed_over"}),
    ]
    version = 1
    for i, (step, extra) in enumerate(steps):
        detail = svc.advance(
            "samordnare",
            "coordinator",
            signal_id,
            version,
            step,
            f"Anteckning {i}",
            now=now + timedelta(hours=i),
            **extra,
        )
        version = detail["version"]
        assert detail["step"] == step
    history = detail["history"]
    assert list(history["step"]) == [s for s, _ in steps]
    assert set(history["actor"]) == {"samordnare"}
    assert list(history["note"]) == [f"Anteckning {i}" for i in range(4)]
    assert detail["referred_to"] == "social_services"
    assert detail["outcome"] == "handed_over"
    assert detail["closed_at"] == now + timedelta(hours=3)
    assert len(_audit("step")) == 4
    assert all("Anteckning" not in (a[4] or "") for a in _audit("step"))
    assert svc.own_status("ledamot", "member", signal_id)["step"] == "closed"


def test_out_of_order_step_changes_nothing(db_path):
    signal_id = _report()
    with pytest.raises(ValidationError, match="ordning"):
        svc.advance(
            "samordnare", "coordinator", signal_id, 1, "closed", "Klar", outcome="no_concern"
        )
    with cursor() as cur:
        assert cur.execute("SELECT step, version FROM signals").fetchone() == ("new", 1)
    assert _count("signal_steps") == 0
    assert not _audit("step")


@pytest.mark.parametrize("note", ["", "x" * (svc.MAX_NOTE + 1), "Mamman: 0701234567"])
def test_bad_note_changes_nothing(db_path, note):
    signal_id = _report()
    with pytest.raises(ValidationError) as exc:
        svc.advance("samordnare", "coordinator", signal_id, 1, "received", note)
    assert "note" in exc.value.problems
    assert _count("signal_steps") == 0


def test_stale_version_is_refused(db_path):
    signal_id = _report()
    svc.advance("samordnare", "coordinator", signal_id, 1, "received", "Mottagen")
    with pytest.raises(StaleEdit):
        svc.advance("admin", "admin", signal_id, 1, "received", "Mottagen igen")
    assert _count("signal_steps") == 1


def test_unknown_signal(db_path):
    with pytest.raises(NotFound):
        svc.open_details("samordnare", "coordinator", 999)
    with pytest.raises(NotFound):
        svc.advance("samordnare", "coordinator", 999, 1, "received", "x")


def test_quarter_of():
    assert [svc.quarter_of(date(2026, m, 1)) for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [
        "2026-Q1",
        "2026-Q1",
        "2026-Q2",
        "2026-Q2",
        "2026-Q3",
        "2026-Q3",
        "2026-Q4",
        "2026-Q4",
    ]


def test_queue_keeps_every_open_signal_but_only_recent_closed_ones(db_path):
    from datetime import date, datetime

    from portal.db.connection import transaction
    from portal.signals._db import signals as signals_db

    with transaction() as cur:
        ids = [
            signals_db.insert_signal(
                cur,
                "ledamot",
                date(2025, 1, 1),
                "2025-Q1",
                "school",
                "other",
                "symbols",
                "low",
                "Text.",
            )
            for _ in range(7)
        ]
        for n, sid in enumerate(ids[:5]):  # five closed, on different days
            cur.execute(
                "UPDATE signals SET step = 'closed', closed_at = ? WHERE id = ?",
                [datetime(2025, 2, n + 1), sid],
            )
    df = signals_db.queue(closed_limit=2)
    assert set(df[df["step"] != "closed"]["id"]) == set(ids[5:])
    assert list(df[df["step"] == "closed"]["id"]) == [ids[4], ids[3]]
    assert len(signals_db.by_reporter("ledamot", limit=3)) == 3


def test_demo_import_holds_no_identity_data_and_refuses_it(db_path, tmp_path, monkeypatch):
    from portal.signals import _seed

    items = json.loads(_seed.DEMO_FILE.read_text(encoding="utf-8"))["signals"]
    _seed._refuse_identity_data(items)  # the shipped demo data passes the shape rule
    items[0]["steps"] = [
        {"step": "received", "made_at": "2026-01-01T10:00", "note": "Gäller 19900101-1234"}
    ]
    bad = tmp_path / "signals.json"
    bad.write_text(json.dumps({"signals": items}), encoding="utf-8")
    monkeypatch.setattr(_seed, "DEMO_FILE", bad)
    with cursor() as cur, pytest.raises(ValueError, match="signal 1, note") as exc:
        _seed.load_demo(cur)
    assert "19900101" not in str(exc.value)
    assert _count() == 0
