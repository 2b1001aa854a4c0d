"""The signal routine: the façade other code uses. Signal text never leaves it except
to the receiving function and the reporter."""

from __future__ import annotations

from portal.signals import _hints, _seed
from portal.signals._core import (
    MAX_DESCRIPTION as MAX_DESCRIPTION,
    MAX_NOTE as MAX_NOTE,
    advance as advance,
    my_reports as my_reports,
    open_details as open_details,
    report as report,
)
from portal.signals._db.signals import count_by_reporter as count_by_reporter
from portal.signals._identity import Finding as Finding
from portal.signals._queue import (
    STATUSES as STATUSES,
    awaiting_ids as awaiting_ids,
    page as page,
    totals as totals,
)
from portal.signals._retention import purge_now as purge_now, purge_on_startup as purge_on_startup
from portal.signals._stats import (
    chart_data as chart_data,
    has_signals as has_signals,
    pivot as pivot,
    quarter_totals as quarter_totals,
    year_summary as year_summary,
)
from portal.signals._steps import (
    KINDS as KINDS,
    OUTCOMES as OUTCOMES,
    REFERRED_TO as REFERRED_TO,
    URGENCIES as URGENCIES,
    next_steps as next_steps,
)

# Names and street addresses: a warning before saving, never a refusal.
hints_before_saving = _hints.before_saving
hint_kinds = _hints.kinds

# The embedded default and demo data (portal/setup.py loads every feature's seeder).
seeder = _seed
