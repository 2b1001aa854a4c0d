"""Widgets of the signal routine: the report form, the reporter's own list and the
aggregate view. The receiving function's queue is in portal/ui/signal_queue.py."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from portal import vocab
from portal.charts.signals import quarterly_bars
from portal.errors import PortalError
from portal.i18n import t
from portal.signals import api as signal_service, api as signal_stats
from portal.signals.api import KINDS, URGENCIES, Finding
from portal.suppression import threshold
from portal.ui import chart_cache, widgets
from portal.ui.text import escape_md

_FORM_GEN = "signal_form_gen"  # bumped after a successful report: fresh, empty widgets
_SENT = "signal_sent"
_WARNED = "signal_hint"  # the name/address warning shown before saving (session only)


def label(vocabulary: str, key: str | None) -> str:
    """The display label of a vocabulary value (milieus/settings are shared in common)."""
    if key is None or (isinstance(key, float) and pd.isna(key)):
        return ""
    domain = "common" if vocabulary in ("milieus", "settings") else "signals"
    return t(f"{domain}.{vocabulary}.{key}")


def guidance() -> None:
    """What to write, what not to write, and 112 for an acute threat."""
    st.error(t("signals.acute"), icon=":material/emergency:")
    cols = st.columns(2)
    with cols[0]:
        st.markdown(f"**{t('signals.form.write_heading')}**")
        st.markdown(t("signals.form.write"))
    with cols[1]:
        st.markdown(f"**{t('signals.form.dont_heading')}**")
        st.markdown(t("signals.form.dont"))
    st.caption(t("signals.form.no_name"))


def report_form(user) -> None:
    """The form for reporting a concern; nothing is stored unless the service accepts it."""
    st.subheader(t("signals.form.heading"))
    if st.session_state.get(_SENT):
        st.success(
            t("signals.form.sent", id=st.session_state[_SENT]), icon=":material/check_circle:"
        )
    guidance()
    warning = st.session_state.get(_WARNED)
    if warning:
        st.warning(warning, icon=":material/visibility_off:")
    gen = st.session_state.get(_FORM_GEN, 0)
    today = date.today()
    with st.form(f"signal_report_{gen}"):
        observed = widgets.date(
            t("signals.form.observed_on"),
            value=today,
            max_value=today,
            format="YYYY-MM-DD",
            key=f"sig_observed_{gen}",
        )
        cols = st.columns(2)
        setting = widgets.on(cols[0]).select(
            t("signals.form.setting"),
            vocab.SETTINGS,
            format_func=lambda k: label("settings", k),
            key=f"sig_setting_{gen}",
        )
        milieu = widgets.on(cols[1]).select(
            t("signals.form.milieu"),
            vocab.MILIEUS,
            index=vocab.MILIEUS.index("other"),
            format_func=lambda k: label("milieus", k),
            key=f"sig_milieu_{gen}",
        )
        kind = widgets.on(cols[0]).select(
            t("signals.form.kind"),
            KINDS,
            format_func=lambda k: label("kinds", k),
            key=f"sig_kind_{gen}",
        )
        urgency = widgets.on(cols[1]).select(
            t("signals.form.urgency"),
            URGENCIES,
            index=1,
            format_func=lambda k: label("urgencies", k),
            key=f"sig_urgency_{gen}",
        )
        description = widgets.helped(
            st.text_area,
            t("signals.form.description"),
            height=160,
            key=f"sig_description_{gen}",
            help=t("signals.form.description_help", max=signal_service.MAX_DESCRIPTION),
        )
        # Offered once a warning was shown: the reporter may send the text as it is.
        confirmed = bool(warning) and st.checkbox(
            t("signals.hints.confirm"), key=f"sig_confirm_{gen}"
        )
        submitted = st.form_submit_button(
            t("signals.form.submit"), type="primary", icon=":material/send:"
        )
    if not submitted:
        return
    hints = signal_service.hints_before_saving(description)
    if hints and not confirmed:
        st.session_state[_WARNED] = hint_message(description, hints)
        st.rerun()  # show the warning and the "send anyway" box; nothing is saved
    st.session_state.pop(_WARNED, None)
    try:
        signal_id = signal_service.report(
            user.username,
            user.role,
            observed_on=observed,
            setting=setting,
            milieu=milieu,
            kind=kind,
            urgency=urgency,
            description=description,
        )
    except PortalError as exc:
        st.session_state.pop(_SENT, None)
        problems = getattr(exc, "problems", {}) or {"": str(exc)}
        for problem in problems.values():
            st.error(problem, icon=":material/error:")
        return
    st.session_state[_SENT] = signal_id
    st.session_state[_FORM_GEN] = gen + 1
    st.rerun()


def outcome_label(step: str, outcome: object, referred_to: object) -> str:
    """What a reporter is told became of their concern: the outcome category once the
    signal is closed (where it was handed over, if it was), never a handling note."""
    if step != "closed" or not isinstance(outcome, str):
        return ""
    if outcome == "handed_over" and isinstance(referred_to, str):
        return t(f"signals.mine.handed_over_to.{referred_to}")
    return label("outcomes", outcome)


def hint_message(text: str, hints: list[Finding]) -> str:
    """The gentle warning about a likely name or street address, with the found words
    masked so the reporter can find them without the text being echoed."""
    found = ", ".join(t(f"signals.hints.{k}") for k in signal_service.hint_kinds(hints))
    where = ", ".join(escape_md(h.masked(text)) for h in hints)  # user text stays inert
    return t("signals.hints.warning", found=found, where=where)


def my_reports(user) -> None:
    """The reporter's own signals, their step and, once closed, the outcome category;
    nothing else (no free text, no handling notes)."""
    st.subheader(t("signals.mine.heading"))
    df = signal_service.my_reports(user.username, user.role)
    if df.empty:
        st.info(t("signals.mine.none"))
        return
    table = pd.DataFrame(
        {
            t("signals.mine.number"): df["id"].astype(int),
            t("signals.mine.reported"): [d.strftime("%Y-%m-%d") for d in df["reported_at"]],
            t("signals.mine.observed"): [d.strftime("%Y-%m-%d") for d in df["observed_on"]],
            t("signals.form.kind"): [label("kinds", k) for k in df["kind"]],
            t("signals.form.setting"): [label("settings", k) for k in df["setting"]],
            t("signals.mine.status"): [label("steps", s) for s in df["step"]],
            t("signals.mine.outcome"): [
                outcome_label(r.step, r.outcome, r.referred_to) for r in df.itertuples()
            ],
        }
    )
    # A static table: few rows, readable by screen readers; cells hold only our own
    # labels and dates, never user text (st.table renders Markdown).
    st.table(table, hide_index=True)
    st.caption(t("signals.mine.outcome_help"))


def aggregate_summary() -> None:
    """Signals per quarter by milieu and by setting, small numbers suppressed; no details.
    Used on the signals page and by meeting mode (a shared screen: never exact)."""
    stats_section(exact=False, charts=False)


def stats_section(exact: bool = False, charts: bool = True) -> None:
    st.subheader(t("signals.stats.heading"))
    st.caption(t("signals.stats.intro", limit=threshold()))
    if not signal_stats.has_signals():
        st.info(t("signals.stats.none"))
        return
    for by in ("milieu", "setting"):
        st.markdown(f"**{t(f'signals.stats.by_{by}')}**")
        data = signal_stats.chart_data(by, exact) if charts else None
        # A chart whose every bar is suppressed says nothing: show the table instead.
        if data is not None and data["count"].notna().any():
            chart_cache.show(
                quarterly_bars,
                data,
                t(f"signals.stats.chart_{by}"),
                t("signals.stats.quarter"),
                t("signals.stats.count"),
                t(f"signals.stats.{by}"),
            )
            with st.expander(t("signals.stats.table_alternative")):
                st.dataframe(signal_stats.pivot(by, exact), hide_index=True, width="stretch")
        else:
            st.dataframe(signal_stats.pivot(by, exact), hide_index=True, width="stretch")
