"""The signals page from the reporter's side (issue 17): what is stored, what the reporter
sees of the handling, and the gentle warning about names and addresses (AppTest)."""

from portal.db.connection import cursor
from portal.signals import _core as svc
from tests.app.helpers import app_as, errors, texts
from tests.app.signal_page import (
    PAGE,
    member_reports,
    on as _on,
    signal_count as _signal_count,
    submit_report as _submit_report,
)
from tests.signal_helpers import WORD, audit_text, captured_logs


def test_page_shows_and_logs_no_signal_text(demo_db):
    """Issue 17, item 4, through the page: a unique word is stored for the receiver, and is
    in no audit entry, log record or message, even when the write fails in DuckDB with a
    message quoting it."""
    with captured_logs() as logs:
        text = f"En elev har skrivit {WORD} på skåpen."
        at = _submit_report(app_as("ledamot", PAGE), text)
        assert "Din anmälan har nummer" in texts(at)
        with cursor() as cur:
            stored = cur.execute("SELECT count(*) FROM signals WHERE description = ?", [text])
            assert stored.fetchone()[0] == 1
            cur.execute("CREATE UNIQUE INDEX one_text ON signals (description)")
        at = _submit_report(app_as("ledamot", PAGE), text)  # the same text again: refused
        assert not at.exception
        assert any("Det gick inte att spara" in e for e in errors(at))
        assert WORD not in texts(at) + " ".join(str(x.value) for x in at.exception)
        assert at.text_area[0].value == text  # kept for the writer
        assert WORD not in audit_text()
        assert not any(WORD in line for line in logs.lines)


def _handle(signal_id: int, path: list[tuple[str, dict]], note: str) -> None:
    """The coordinator moves a signal along `path`, writing `note` at every step."""
    for version, (target, extra) in enumerate(path, start=1):
        svc.advance("samordnare", "coordinator", signal_id, version, target, note, **extra)


def _mine(at) -> dict[int, tuple[str, str]]:
    table = at.table[0].value
    return {
        int(n): (s, o)
        for n, s, o in zip(table["Nummer"], table["Status"], table["Utfall"], strict=True)
    }


def test_reporter_sees_step_and_outcome_category_but_no_notes(demo_db):
    """Issue 17, item 3: the reporter's own list shows each report's step and, once it is
    closed, the outcome category; never a handling note."""
    ids = [
        member_reports(f"Oro nummer {n} på rasten.", kind="statements", urgency="soon")
        for n in range(4)
    ]
    note = f"Handläggarens anteckning {WORD}"
    start = [("received", {}), ("assessment", {})]
    _handle(ids[0], start, note)
    _handle(
        ids[1],
        [*start, ("referred", {"referred_to": "social_services"})]
        + [("closed", {"outcome": "handed_over"})],
        note,
    )
    _handle(ids[2], [*start, ("closed", {"outcome": "no_concern"})], note)
    at = _on(app_as("ledamot", PAGE), "Mina anmälningar")
    assert not at.exception
    assert _mine(at) == {
        ids[0]: ("Inledande bedömning", ""),
        ids[1]: ("Avslutad", "Överlämnad till socialtjänsten"),
        ids[2]: ("Avslutad", "Ingen grund för oro"),
        ids[3]: ("Ny, ej mottagen", ""),
    }
    cells = " ".join(str(v) for col in at.table[0].value.columns for v in at.table[0].value[col])
    assert WORD not in texts(at) + cells
    assert "anteckningar visas inte" in texts(at)


NAMED = "Anna Svensson i årskurs 9 har visat symboler på rasten."


def _hint(at) -> str:
    """The name/address warning, if shown (the demo banner is a warning too)."""
    return " ".join(w.value for w in at.warning if "ser ut att innehålla" in w.value)


def _audit_rows() -> int:
    with cursor() as cur:
        return cur.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_a_name_is_warned_about_before_saving_and_can_be_rewritten(demo_db):
    """Issue 17, item 2: a likely name gives a gentle warning; nothing is saved until the
    reporter rewrites the text (or confirms)."""
    at = app_as("ledamot", PAGE)
    before, audited = _signal_count(), _audit_rows()
    at = _submit_report(at, NAMED)
    assert not at.exception
    warning = _hint(at)
    assert "ser ut att innehålla ett namn" in warning
    assert "Anna Svensson" not in warning and "An•• ••••••••" in warning
    assert (_signal_count(), _audit_rows()) == (before, audited)  # nothing stored
    assert at.text_area[0].value == NAMED  # kept for rewriting
    assert [c.label for c in at.checkbox] == ["Skicka ändå – texten pekar inte ut någon person"]
    at = _submit_report(at, "En elev i årskurs 9 har visat symboler på rasten.")
    assert "Din anmälan har nummer" in texts(at)
    assert not _hint(at) and _signal_count() == before + 1


def test_the_reporter_may_send_a_warned_text_anyway_and_nothing_extra_is_stored(demo_db):
    at = _submit_report(app_as("ledamot", PAGE), "Skadegörelse vid Storgatan 12 i natt.")
    assert "en gatuadress" in _hint(at)
    before = _signal_count()
    at.checkbox[0].check()
    at = _submit_report(at, "Skadegörelse vid Storgatan 12 i natt.")
    assert "Din anmälan har nummer" in texts(at)
    assert not _hint(at) and not at.checkbox  # a fresh form, no warning left
    with cursor() as cur:
        (signal_id,) = cur.execute("SELECT max(id) FROM signals").fetchone()
        stored = cur.execute("SELECT description FROM signals WHERE id = ?", [signal_id])
        assert stored.fetchone()[0] == "Skadegörelse vid Storgatan 12 i natt."
        audit = cur.execute(
            "SELECT after_json FROM audit_log WHERE entity = 'signal' AND entity_id = ?",
            [str(signal_id)],
        ).fetchall()
    assert _signal_count() == before + 1
    assert len(audit) == 1 and "hint" not in audit[0][0] and "Storgatan" not in audit[0][0]
