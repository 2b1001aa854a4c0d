"""Cooperation meetings: the façade pages, ui, exports, the CLI and other features use."""

from __future__ import annotations

from portal.meetings import _seed
from portal.meetings._actions import (
    ACTION_STATUSES as ACTION_STATUSES,
    add_action as add_action,
    add_decision as add_decision,
    set_action_status as set_action_status,
)
from portal.meetings._agenda import (
    create_meeting as create_meeting,
    save_agenda as save_agenda,
    save_attendance as save_attendance,
)
from portal.meetings._core import (
    KINDS as KINDS,
    STATUSES as STATUSES,
    TYPES as TYPES,
    TZ as TZ,
    as_date as as_date,
    fmt_date as fmt_date,
    get as get,
    now_local as now_local,
    save_minutes as save_minutes,
    set_status as set_status,
    type_label as type_label,
    update_meeting as update_meeting,
)
from portal.meetings._db.find import find as find
from portal.meetings._db.meetings import (
    OPEN as OPEN,
    actions as actions,
    agenda as agenda,
    attendance_by_org as attendance_by_org,
    attendees as attendees,
    decisions as decisions,
    meeting as meeting,
    meeting_years as meeting_years,
    meetings as meetings,
    next_meeting as next_meeting,
    upcoming as upcoming,
)
from portal.meetings._lists import (
    meeting_counts as meeting_counts,
    meeting_page as meeting_page,
    my_open_count as my_open_count,
    my_open_page as my_open_page,
    open_count as open_count,
    open_page as open_page,
    overdue_count as overdue_count,
    overdue_page as overdue_page,
)
from portal.meetings._summary import year_summary as year_summary

# The embedded default and demo data (portal/setup.py loads every feature's seeder).
seeder = _seed
