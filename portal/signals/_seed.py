"""Demo signals (only with --demo): invented, marked [Demo], with no personal data.

They are spread over 2025-2026 in every step, reported by the demo process leader and
the demo coordinator, and handled by the demo coordinator. One was closed long ago so
the startup purge shows how a purged signal looks. The demo member has no reports, so
what they see on /signaler is only what they report themselves.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from portal import SEED_DIR
from portal.db.connection import Cursor, scalar
from portal.signals import _identity as identity_check
from portal.signals._core import quarter_of
from portal.signals._db import signals as signals_db

DEMO_FILE = SEED_DIR / "demo" / "signals.json"
HANDLER = "samordnare"


def load_default(cur: Cursor) -> None:
    """No default signals: a real deployment starts with an empty routine."""


def load_demo(cur: Cursor) -> None:
    if scalar(cur, "SELECT count(*) FROM signals WHERE is_demo"):
        return
    items = json.loads(DEMO_FILE.read_text(encoding="utf-8"))["signals"]
    _refuse_identity_data(items)
    for item in items:
        observed = date.fromisoformat(item["observed_on"])
        reported = datetime.fromisoformat(item["reported_at"])
        signal_id = signals_db.insert_signal(
            cur,
            item["reporter"],
            observed,
            quarter_of(observed),
            item["setting"],
            item["milieu"],
            item["kind"],
            item["urgency"],
            item["description"],
            reported_at=reported,
            is_demo=True,
        )
        version = 1
        for step in item.get("steps", []):
            made = datetime.fromisoformat(step["made_at"])
            signals_db.set_step(
                cur,
                signal_id,
                version,
                step["step"],
                HANDLER,
                made,
                step.get("referred_to"),
                step.get("outcome"),
            )
            signals_db.insert_step(
                cur,
                signal_id,
                step["step"],
                HANDLER,
                made,
                step["note"],
                step.get("referred_to"),
                step.get("outcome"),
            )
            version += 1


def _refuse_identity_data(items: list[dict]) -> None:
    """The same rule as the form: no identity-number shape, phone number or e-mail in any
    imported text. The error names the item and field, never the text."""
    for n, item in enumerate(items, start=1):
        texts = [("description", item.get("description"))]
        texts += [("note", step.get("note")) for step in item.get("steps", [])]
        for field, text in texts:
            if identity_check.find(text):
                raise ValueError(f"{DEMO_FILE.name}: signal {n}, {field} holds identity data")
