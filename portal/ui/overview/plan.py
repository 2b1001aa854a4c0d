"""Overview section: the current plan's progress per dimension, my activities, what is
overdue or stale, and the latest updates. Figures and the first rows of each list come
from SQL, so the section costs the same for a plan of ten or ten thousand activities."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from portal.admin import api as admin_api
from portal.charts.plan import dimension_progress
from portal.i18n import t, tn
from portal.i18n.formats import number
from portal.plan import api as plan_api
from portal.ui import plan_widgets, widgets
from portal.ui.text import escape_md

PERMISSION = "plan.view"
RECENT = 5


def render(user) -> None:
    plan = plan_api.current_plan()
    if plan is None:
        st.info(t("plan.no_plan"))
        return
    today = date.today()
    summary = plan_api.summary(plan, today)

    st.subheader(f"{t('overview.plan_progress')}: {plan['title']}")
    plan_widgets.summary_metrics(summary, t("overview.overall"))

    progress = pd.DataFrame(
        [
            {"name": f"{d.number} {d.name}", "progress": round(d.progress or 0.0)}
            for d in summary.dimensions
        ]
    )
    st.altair_chart(
        dimension_progress(progress, t("overview.per_dimension"), t("plan.progress") + " (%)", ""),
        width="stretch",
    )
    table = progress.rename(
        columns={"name": t("overview.dimension"), "progress": t("plan.progress") + " (%)"}
    )
    widgets.expander(
        t("overview.table_alternative"),
        "overview_plan_table",
        lambda: st.dataframe(table, hide_index=True),
    )

    days = plan_api.stale_days()
    lists = plan_api.short_lists(int(plan["id"]), today, days, user.role, plan_api.SHORT)
    _short_list(
        t("overview.my_activities"),
        *lists["mine"],
        lambda: st.caption(t("overview.my_activities_none")),
    )
    _short_list(
        t("overview.overdue_list"),
        *lists["overdue"],
        lambda: st.success(t("overview.none_overdue")),
    )
    _short_list(
        tn("overview.stale_list", days),
        *lists["stale"],
        lambda: st.success(t("overview.none_stale")),
    )

    recent_updates(int(plan["id"]))


def _short_list(heading: str, rows: pd.DataFrame, total: int, when_empty) -> None:
    """The first rows of a list and how many more there are ("och 37 till")."""
    if rows.empty:
        st.subheader(heading)
        when_empty()
        return
    # Heading, list and count one Markdown block, not a heading, a grid and a caption: a
    # dashboard's short list reads as lines, and each element adds to a page load in
    # the browser (docs/PERFORMANCE.md).
    parts = [f"### {escape_md(heading)}", "\n".join(_item(row) for row in rows.itertuples())]
    if total > len(rows):
        more = t("overview.and_more", n=number(total - len(rows)), total=number(total))
        parts.append(widgets.small(more))
    st.markdown("\n\n".join(parts))


def recent_updates(plan_id: int) -> None:
    """The latest history entries as short lines; the comment is user text, escaped."""
    recent = plan_api.recent_updates(plan_id, RECENT)
    heading = f"### {escape_md(t('overview.recent_updates'))}"
    if recent.empty:
        st.markdown(f"{heading}\n\n{widgets.small(t('overview.no_updates'))}")
        return
    lines = [heading]
    for upd in recent.itertuples():
        when = pd.Timestamp(upd.made_at).strftime("%Y-%m-%d")
        head = (
            f"{when} · {admin_api.display_name(upd.actor)} · {upd.dimension_number} "
            f"{_short(upd.description)}: {t(f'plan.statuses.{upd.new_status}')}, "
            f"{int(upd.new_progress)} %"
        )
        line = escape_md(head)
        if upd.comment:
            line += f"  \n{escape_md(_short(upd.comment, 160))}"
        lines.append(line)
    st.markdown("\n\n".join(lines))  # one element: each costs the browser a render


def _item(row) -> str:
    """'- **4.1** Föra en dialog med … · Pågår – Försenad · 14 % · 2020-12 · Processledaren'"""
    due = plan_api.due_label(
        row.due_month if isinstance(row.due_month, str) else None,
        bool(row.ongoing),
        t("plan.ongoing"),
    )
    facts = [
        plan_widgets.status_text(row.status, bool(row.overdue), bool(row.stale)),
        f"{int(row.progress)} %",
        f"{t('plan.due')}: {due}",
        str(row.responsible_label or ""),
    ]
    text = " · ".join([_short(row.description, 110), *[f for f in facts if f]])
    return f"- **{escape_md(row.dimension_number)}** {escape_md(text)}"


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
