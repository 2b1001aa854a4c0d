"""The action plan follow-up: the façade pages, ui, exports, meetings, the report and
the CLI use. Everything else in portal.plan is private to the feature."""

from __future__ import annotations

from portal.plan import _seed
from portal.plan._core import (
    CLOSED as CLOSED,
    STATUSES as STATUSES,
    PlanSummary as PlanSummary,
    activity_history as activity_history,
    current_plan as current_plan,
    current_plan_view as current_plan_view,
    derive as derive,
    dimensions as dimensions,
    due_label as due_label,
    indicators_for_activity as indicators_for_activity,
    indicators_for_plan as indicators_for_plan,
    plan_header as plan_header,
    plan_view as plan_view,
    recent_updates as recent_updates,
    stale_days as stale_days,
    weighted_progress as weighted_progress,
)
from portal.plan._db.find import find as find
from portal.plan._db.plans import (
    all_plans as all_plans,
    plan_sections as plan_sections,
)
from portal.plan._edit import (
    MAX_COMMENT as MAX_COMMENT,
    MAX_LINK as MAX_LINK,
    MAX_NAME as MAX_NAME,
    MAX_UNIT as MAX_UNIT,
    add_indicator as add_indicator,
    record_indicator_value as record_indicator_value,
    record_update as record_update,
)
from portal.plan._period import (
    record_adoption as record_adoption,
    start_new_period as start_new_period,
    suggested as suggested,
)
from portal.plan._read import (
    PAGE_SIZE as PAGE_SIZE,
    SHORT as SHORT,
    STATE_FILTERS as STATE_FILTERS,
    activity as activity,
    carry_over_preview as carry_over_preview,
    choices as choices,
    chosen as chosen,
    dimension_pages as dimension_pages,
    overdue as overdue,
    progress_over_time as progress_over_time,
    short_lists as short_lists,
    status_counts as status_counts,
    summary as summary,
)
from portal.plan._seed import (
    load_plan_document as load_plan_document,
)
from portal.plan._structure import (
    FIELDS as FIELDS,
    MAX_DESCRIPTION as MAX_DESCRIPTION,
    MAX_LABEL as MAX_LABEL,
    RESPONSIBLE_ROLES as RESPONSIBLE_ROLES,
    add_activity as add_activity,
    cancel_activity as cancel_activity,
    delete_activity as delete_activity,
    edit_activity as edit_activity,
    edit_dimension as edit_dimension,
    has_history as has_history,
    move_activity as move_activity,
)
from portal.plan.records import Activity as Activity

# The embedded default and demo data (portal/setup.py loads every feature's seeder).
seeder = _seed
