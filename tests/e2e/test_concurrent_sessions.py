"""Many sessions saving at once against a real server: no errors and no lost updates.

Uses the concurrency benchmark's websocket sessions (the protocol a browser speaks) with
eight sessions on the demo plan's six activities: more sessions than activities, so
some saves are refused as stale and made again.
"""

from __future__ import annotations

import pytest

from bench.concurrent import lost_and_unaccounted, measure

pytestmark = pytest.mark.e2e


def test_simultaneous_saves_lose_nothing() -> None:
    outcome, stored, _ = measure(sessions=8)
    assert outcome.errors == []
    assert len(outcome.saved) == 8  # every session got its update saved in the end
    assert outcome.refused >= 1  # sessions sharing an activity collided at least once
    assert lost_and_unaccounted(outcome, stored) == ([], [])
    assert len(stored) == 8
