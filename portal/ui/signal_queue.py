"""The receiving function's queue: signals (no text) a page at a time, filtered by status
and milieu; open one to see its details (recorded in the audit log) and move it on."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from portal import vocab
from portal.admin import api as admin_api
from portal.errors import PortalError
from portal.i18n import t
from portal.i18n.formats import number
from portal.signals import api as queue_service, api as signal_service
from portal.signals.api import OUTCOMES, REFERRED_TO, next_steps
from portal.ui import pager, widgets
from portal.ui.signal_widgets import label
from portal.ui.text import plain

_OPEN = "signal_open"  # the details of the opened signal (loaded once per opening)
_SAVED = "signal_saved"


_PAGE = "signal_queue_page"


def queue_section(user) -> None:
    st.subheader(t("signals.queue.heading"))
    everywhere = queue_service.totals(user.role)
    if everywhere["all"] == 0:
        st.info(t("signals.queue.none"))
        return
    st.caption(t("signals.queue.new_count", count=everywhere["new"]))
    status, milieu = _filters()
    totals = queue_service.totals(user.role, milieu) if milieu else everywhere
    st.caption(
        " · ".join(f"{label('steps', s)}: {number(totals[s])}" for s in queue_service.STATUSES[2:])
    )
    total = totals[status]
    if total == 0:
        st.info(t("signals.queue.none_filtered"))
        return
    first = pager.offset(_PAGE, total, filters=(status, milieu))
    df = queue_service.page(user.role, status, milieu, first, pager.PAGE_SIZE)
    st.dataframe(_table(df), hide_index=True, width="stretch")
    pager.controls(_PAGE, total, first, len(df))
    _open_form(user, df)
    detail = st.session_state.get(_OPEN)
    if detail is not None:
        _details(user, detail)


def _filters() -> tuple[str, str | None]:
    cols = st.columns(2)
    status = widgets.on(cols[0]).select(
        t("signals.queue.filter_status"),
        queue_service.STATUSES,
        key="signal_filter_status",
        format_func=lambda s: (
            t(f"signals.queue.statuses.{s}") if s in ("open", "all") else label("steps", s)
        ),
    )
    milieu = widgets.on(cols[1]).select(
        t("signals.form.milieu"),
        [None, *vocab.MILIEUS],
        key="signal_filter_milieu",
        format_func=lambda k: t("signals.queue.all_milieus") if k is None else label("milieus", k),
    )
    return status, milieu


def _open_form(user, df: pd.DataFrame) -> None:
    """Choose one of the signals on this page and open its details (audited)."""
    ids = [int(i) for i in df["id"]]
    names = {
        int(r.id): f"{r.id} – {label('kinds', r.kind)} – {label('steps', r.step)}"
        for r in df.itertuples()
    }
    cols = st.columns([3, 1])
    chosen = widgets.on(cols[0]).select(
        t("signals.queue.select"), ids, format_func=names.__getitem__, key="signal_choice"
    )
    if cols[1].button(
        t("signals.queue.open"), help=t("signals.queue.open_help"), key="signal_open_button"
    ):
        try:
            st.session_state[_OPEN] = signal_service.open_details(user.username, user.role, chosen)
        except PortalError as exc:
            st.error(str(exc))
        st.session_state.pop(_SAVED, None)


def _table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("signals.mine.number"): df["id"].astype(int),
            t("signals.mine.reported"): [d.strftime("%Y-%m-%d") for d in df["reported_at"]],
            t("signals.mine.observed"): [d.strftime("%Y-%m-%d") for d in df["observed_on"]],
            t("signals.form.urgency"): [label("urgencies", u) for u in df["urgency"]],
            t("signals.form.kind"): [label("kinds", k) for k in df["kind"]],
            t("signals.form.setting"): [label("settings", k) for k in df["setting"]],
            t("signals.form.milieu"): [label("milieus", k) for k in df["milieu"]],
            t("signals.mine.status"): [label("steps", s) for s in df["step"]],
        }
    )


def _details(user, d: dict[str, Any]) -> None:
    with st.container(border=True):
        st.markdown(f"### {t('signals.queue.details', id=d['id'])}")
        if st.session_state.get(_SAVED):
            st.success(st.session_state[_SAVED], icon=":material/check_circle:")
        st.caption(
            " · ".join(
                [
                    f"{t('signals.queue.reporter')}: {d['reporter']}",
                    f"{t('signals.mine.observed')}: {d['observed_on']:%Y-%m-%d}",
                    label("settings", d["setting"]),
                    label("milieus", d["milieu"]),
                    label("kinds", d["kind"]),
                    label("urgencies", d["urgency"]),
                    f"{t('signals.mine.status')}: {label('steps', d['step'])}",
                ]
            )
        )
        st.markdown(f"**{t('signals.queue.description')}**")
        if d.get("purged_at") is not None:
            st.info(t("signals.queue.purged", date=f"{d['purged_at']:%Y-%m-%d}"))
        else:
            plain(d.get("description"))
        _history(d["history"])
        _step_form(user, d)
        if st.button(t("signals.queue.close_details"), key="signal_close_details"):
            st.session_state.pop(_OPEN, None)
            st.session_state.pop(_SAVED, None)
            st.rerun()


def _history(history: pd.DataFrame) -> None:
    st.markdown(f"**{t('signals.queue.history')}**")
    if history.empty:
        st.caption(t("common.empty"))
        return
    names = admin_api.display_names()
    details = [
        label("referred_to", r)
        if isinstance(r, str)
        else (label("outcomes", o) if isinstance(o, str) else "")
        for r, o in zip(history["referred_to"], history["outcome"], strict=True)
    ]
    st.dataframe(
        pd.DataFrame(
            {
                t("signals.queue.step"): [label("steps", s) for s in history["step"]],
                t("signals.queue.when"): [f"{m:%Y-%m-%d %H:%M}" for m in history["made_at"]],
                t("signals.queue.who"): [names.get(a, a) for a in history["actor"]],
                t("signals.queue.referred_to") + " / " + t("signals.queue.outcome"): details,
                t("signals.queue.note"): history["note"].fillna(""),
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _step_form(user, d: dict[str, Any]) -> None:
    options = next_steps(d["step"])
    if not options:
        st.info(t("signals.queue.closed"))
        return
    target = st.radio(
        t("signals.queue.next_step"),
        options,
        horizontal=True,
        format_func=lambda s: label("steps", s),
        key=f"signal_next_{d['id']}",
    )
    with st.form(f"signal_step_{d['id']}_{d['version']}"):
        referred_to = outcome = None
        if target == "referred":
            referred_to = widgets.select(
                t("signals.queue.referred_to"),
                REFERRED_TO,
                format_func=lambda k: label("referred_to", k),
            )
        if target == "closed":
            outcome = widgets.select(
                t("signals.queue.outcome"), OUTCOMES, format_func=lambda k: label("outcomes", k)
            )
        note = widgets.helped(
            st.text_area,
            t("signals.queue.note"),
            help=t("signals.form.description_help", max=signal_service.MAX_NOTE),
        )
        submitted = st.form_submit_button(t("signals.queue.save"), type="primary")
    if not submitted:
        return
    try:
        fresh = signal_service.advance(
            user.username,
            user.role,
            int(d["id"]),
            int(d["version"]),
            target,
            note,
            referred_to,
            outcome,
        )
    except PortalError as exc:
        for problem in (getattr(exc, "problems", {}) or {"": str(exc)}).values():
            st.error(problem, icon=":material/error:")
        return
    st.session_state[_OPEN] = fresh
    st.session_state[_SAVED] = t(
        "signals.queue.saved", id=fresh["id"], step=label("steps", fresh["step"])
    )
    st.rerun()
