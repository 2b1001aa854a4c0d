"""Widgets of the annual report page: building with progress, preview, downloads, snapshots."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from portal.admin import api as admin_api
from portal.exports import report as files_of
from portal.exports.report_outline import Block, outline
from portal.i18n import t
from portal.report import api as snaps
from portal.report.api import build_report
from portal.ui import widgets
from portal.ui.text import escape_md, plain

FORMAT_LABELS = {
    "docx": "report.download_docx",
    "pdf": "report.download_pdf",
    "xlsx": "report.download_xlsx",
}


def build(year: int) -> dict[str, Any]:
    """Build the report and its three files, showing progress while it works."""
    bar = st.progress(0, text=t("report.building"))
    report = build_report(year)
    files: dict[str, bytes] = {}
    for step, fmt in enumerate(files_of.FORMATS, start=1):
        bar.progress(
            step / (len(files_of.FORMATS) + 1),
            text=f"{t('report.building')} {t(FORMAT_LABELS[fmt])}",
        )
        files[fmt] = files_of.render(report, fmt)
    bar.progress(1.0, text=t("report.built"))
    return {"year": year, "report": report, "files": files}


def downloads(year: int, files: dict[str, bytes], key: str, version: int | None = None) -> None:
    cols = st.columns(len(files))
    for col, (fmt, data) in zip(cols, files.items(), strict=True):
        col.download_button(
            t(FORMAT_LABELS[fmt]),
            data=data,
            file_name=files_of.file_name(year, fmt, version),
            mime=files_of.mime(fmt),
            icon=":material/download:",
            key=f"{key}-{fmt}",
            on_click="ignore",
        )


def preview(built: dict[str, Any]) -> None:
    """The same outline the documents are made from, shown in the page."""
    with st.container(border=True):
        for block in outline(built["report"]):
            _show(block)


def _show(block: Block) -> None:
    if block.kind == "title":
        st.subheader(escape_md(block.text))
    elif block.kind == "cover":
        st.caption(escape_md(block.text))
        for label, value in block.rows:
            st.markdown(f"**{escape_md(label)}:** {escape_md(value)}")
    elif block.kind in ("h1", "h2", "h3"):
        level = {"h1": "####", "h2": "#####", "h3": "######"}[block.kind]
        st.markdown(f"{level} {escape_md(block.text)}")
    elif block.kind == "p":
        plain(block.text)
    elif block.kind == "note":
        st.caption(escape_md(block.text))
    elif block.kind == "table":
        if block.headers:
            st.dataframe(pd.DataFrame(block.rows, columns=_unique(block.headers)), hide_index=True)
        else:
            for label, value in block.rows:
                st.markdown(f"**{escape_md(label)}:** {escape_md(value)}")
    elif block.kind == "image":
        # The alternative text says what the chart shows (axe image-alt, WCAG 1.1.1).
        st.image(block.image, caption=block.text, alt=t("report.chart_alt", title=block.text))


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        seen[h] = seen.get(h, 0) + 1
        out.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
    return out


def finalize_form(user, year: int) -> None:
    with st.form("report-finalize"):
        st.caption(t("report.finalize_help"))
        note = st.text_input(t("report.finalize_note"), max_chars=500)
        if st.form_submit_button(t("report.finalize"), icon=":material/verified:"):
            with st.spinner(t("report.building")):
                _snap_id, version = snaps.finalize(user, year, files_of.render_all, note)
            st.success(t("report.finalized", version=version, year=year))


def snapshot_list() -> None:
    st.subheader(t("report.snapshots"))
    df = snaps.snapshots()
    if df.empty:
        st.info(t("report.no_snapshots"))
        return
    labels = {
        int(r.id): t(
            "report.snapshot_label",
            year=r.year,
            version=r.version,
            created_on=pd.Timestamp(r.created_on).strftime("%Y-%m-%d %H:%M"),
            created_by=admin_api.display_name(r.created_by),
        )
        for r in df.itertuples()
    }
    st.dataframe(df.rename(columns={"year": t("report.year")}), hide_index=True)
    chosen = widgets.select(
        t("report.choose_snapshot"),
        list(labels),
        format_func=labels.__getitem__,
        key="report-snapshot",
    )
    row = df[df["id"] == chosen].iloc[0]
    files = {fmt: snaps.snapshot_file(int(chosen), fmt) for fmt in files_of.FORMATS}
    downloads(int(row["year"]), files, key=f"snap-{chosen}", version=int(row["version"]))
