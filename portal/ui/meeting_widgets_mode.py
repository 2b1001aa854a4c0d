"""Meeting mode: the agenda one item at a time for a shared screen, with live data beside
it and quick entry of decisions and action items without leaving the view.

The situation-picture chart and the signals overview are those features' own widgets.
On a projector the page fills the screen (the shell collapses the sidebar and leaves out
the demo banner for `lage=1`), body text is large and lists are text blocks that wrap
(meeting_widgets_screen), so nothing is cut off.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from portal.errors import PortalError
from portal.i18n import t
from portal.i18n.formats import number
from portal.meetings import api as db, api as lists, api as svc
from portal.plan import api as plan_api
from portal.ui import meeting_widgets_screen as screen, signal_widgets, situation_widgets
from portal.ui.meeting_widgets import paged_actions, show_error, when_text
from portal.ui.meeting_widgets_entry import meeting_records, quick_entry
from portal.ui.text import escape_md, user_markdown

LATE_SHOWN = 10  # overdue activities shown live; the rest are counted


def _show_widget(widget: Callable[[], None]) -> None:
    try:
        widget()
    except PortalError as exc:  # another feature's widget must not stop the meeting
        st.warning(str(exc))


def late_activities() -> None:
    """The longest-overdue activities, live (derived in SQL), and how many more there are."""
    plan = plan_api.current_plan()
    late, total = (
        plan_api.overdue(int(plan["id"]), date.today(), LATE_SHOWN) if plan else (pd.DataFrame(), 0)
    )
    if late.empty:
        st.success(t("meetings.no_late"))
        return
    # One block per activity: who, by when and how far in bold, then the description,
    # which wraps; nothing is cut at a cell's edge.
    for r in late.itertuples():
        facts = [screen.text(r.responsible_label), screen.text(r.due_month)]
        facts.append(f"{int(r.progress)} %")
        st.markdown(
            "**"
            + " · ".join(escape_md(f) for f in facts if f)
            + "**  \n"
            + escape_md(screen.text(r.description))
        )
    if total > len(late):
        st.caption(t("overview.and_more", n=number(total - len(late)), total=number(total)))


def linked_activity(activity_id: int) -> None:
    plan = plan_api.current_plan()
    r = plan_api.activity(int(plan["id"]), activity_id, date.today()) if plan else None
    if r is None:
        return
    st.markdown(f"**{t('meetings.linked_activity')}**")
    st.text(r.description)
    status = t(f"plan.statuses.{r.status}")
    st.progress(r.progress / 100, text=f"{status} · {r.progress} %")


def live_data(item: dict, editor: bool) -> None:
    """What the group needs beside this agenda item, read now (not when it was planned)."""
    st.markdown(f"### {t('meetings.live')}")
    kind = item["kind"]
    if kind == "actions":
        paged_actions(
            "mt_mode_actions",
            lists.open_count(),
            lists.open_page,
            editor,
            key="mode",
            compact=True,
            size=10,
        )
    elif kind == "late_activities":
        late_activities()
    elif kind == "situation":
        _show_widget(situation_widgets.compact_chart)
    elif kind == "signals":
        _show_widget(signal_widgets.aggregate_summary)
    activity = item.get("activity_id")
    if activity is not None and not pd.isna(activity):
        linked_activity(int(activity))


def _step(key: str, delta: int, total: int) -> None:
    st.session_state[key] = max(0, min(total - 1, st.session_state.get(key, 0) + delta))


def render(m: dict, editor: bool) -> None:
    """Meeting mode, in large type inside the scoped container (see screen.style)."""
    screen.style()
    with st.container(key=screen.KEY):
        _render(m, editor)


def _render(m: dict, editor: bool) -> None:
    st.header(escape_md(m["title"]))
    st.caption(f"{svc.type_label(m['type'])} · {when_text(m)}")
    agenda = db.agenda(m["id"]).to_dict("records")
    key = f"mt_mode_item_{m['id']}"
    if agenda:
        total = len(agenda)
        index = min(st.session_state.get(key, 0), total - 1)
        nav = st.columns([1, 2, 1], vertical_alignment="center")
        nav[0].button(
            t("meetings.previous"),
            on_click=_step,
            args=(key, -1, total),
            disabled=index == 0,
            icon=":material/arrow_back:",
            width="stretch",
        )
        nav[1].markdown(
            f"**{t('meetings.item_of', n=index + 1, total=total)}**", text_alignment="center"
        )
        nav[2].button(
            t("meetings.next"),
            on_click=_step,
            args=(key, 1, total),
            disabled=index == total - 1,
            icon=":material/arrow_forward:",
            width="stretch",
        )
        item = agenda[index]
        left, right = st.columns(2, gap="large")
        with left:
            agenda_item(index, item)
        with right:
            live_data(item, editor)
    else:
        st.info(t("meetings.nothing"))

    st.divider()
    if editor:
        st.subheader(t("meetings.quick_entry"))
        quick_entry(m["id"])
        if m["status"] == "planned" and st.button(
            t("meetings.mark_held"), icon=":material/task_alt:"
        ):
            try:
                svc.set_status(st.session_state["user"], m["id"], "held", int(m["version"]))
                st.toast(t("meetings.marked_held"))
                st.rerun()
            except PortalError as exc:
                show_error(exc)
    meeting_records(m["id"], editor, compact=True)


def agenda_item(index: int, item: dict) -> None:
    """The item as a large block: number and title, time and presenter, its notes."""
    st.title(f"{index + 1}. {escape_md(screen.text(item['title']))}")
    meta = [f"{int(item['duration_min'])} min" if screen.text(item["duration_min"]) else ""]
    meta.append(escape_md(screen.text(item["presenter"])))
    st.caption(" · ".join(m for m in meta if m))
    notes = screen.text(item["notes"])
    if notes:
        st.markdown(user_markdown(notes))  # Markdown: no raw HTML, no images
