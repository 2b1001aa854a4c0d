"""A meeting's minutes (attendees, agenda, minutes text, decisions, action items) as a
Word document (python-docx, real heading styles) and a PDF (fpdf2 with DejaVu Sans, so
å, ä, ö and other characters render).

The minutes are Markdown; here only headings (#) and list items (-, *) are carried over
as document structure, everything else is written as literal text: nothing a user typed
is interpreted as markup in either format.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
from docx import Document
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from portal.exports.fonts import font_path
from portal.i18n import t
from portal.meetings import api as db
from portal.meetings.api import fmt_date, get, type_label


@dataclass
class Minutes:
    meeting: dict
    present: list[str]
    absent: list[str]
    agenda: list[str]
    decisions: list[str]
    actions: pd.DataFrame


def _when(m: dict) -> str:
    start, end = m["starts_at"], m["ends_at"]
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} (Europe/Stockholm)"


def collect(meeting_id: int) -> Minutes:
    m = get(meeting_id)
    people = db.attendees(meeting_id)

    def fmt(row) -> str:
        return f"{row.name} ({row.organisation})" if row.organisation else row.name

    present = [fmt(r) for r in people.itertuples() if r.present]
    absent = [fmt(r) for r in people.itertuples() if r.invited and not r.present]
    agenda = [
        f"{int(r.position)}. {r.title}" + (f" – {r.presenter}" if r.presenter else "")
        for r in db.agenda(meeting_id).itertuples()
    ]
    decisions = [f"§ {int(r.number)}. {r.text}" for r in db.decisions(meeting_id).itertuples()]
    return Minutes(m, present, absent, agenda, decisions, db.actions(meeting_id=meeting_id))


def _action_rows(actions: pd.DataFrame) -> list[list[str]]:
    rows = []
    for r in actions.itertuples():
        due = fmt_date(r.due)
        rows.append([r.text, r.owner, due, t(f"meetings.action_statuses.{r.status}")])
    return rows


def _action_header() -> list[str]:
    return [t("meetings.action"), t("meetings.owner"), t("meetings.due"), t("meetings.status")]


def _markdown_blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) per line: 'h' heading, 'li' list item, 'p' paragraph."""
    blocks = []
    for line in (text or "").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            blocks.append(("h", stripped.lstrip("#").strip()))
        elif stripped[:2] in ("- ", "* "):
            blocks.append(("li", stripped[2:].strip()))
        else:
            blocks.append(("p", stripped))
    return blocks


def docx_bytes(meeting_id: int) -> bytes:
    mn = collect(meeting_id)
    m = mn.meeting
    doc = Document()
    doc.core_properties.title = m["title"]
    doc.add_heading(m["title"], level=0)
    doc.add_paragraph(f"{type_label(m['type'])} · {_when(m)}")
    if m["place"] or m["link"]:
        doc.add_paragraph(" · ".join(x for x in (m["place"], m["link"]) if x))

    doc.add_heading(t("meetings.attendance"), level=1)
    doc.add_heading(t("meetings.present"), level=2)
    for name in mn.present or [t("meetings.nobody")]:
        doc.add_paragraph(name, style="List Bullet")
    if mn.absent:
        doc.add_heading(t("meetings.absent"), level=2)
        for name in mn.absent:
            doc.add_paragraph(name, style="List Bullet")

    doc.add_heading(t("meetings.agenda"), level=1)
    for line in mn.agenda or [t("meetings.nothing")]:
        doc.add_paragraph(line)

    doc.add_heading(t("meetings.minutes"), level=1)
    for kind, text in _markdown_blocks(m["minutes"]) or [("p", t("meetings.nothing"))]:
        if kind == "h":
            doc.add_heading(text, level=2)
        elif kind == "li":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text)

    doc.add_heading(t("meetings.decisions"), level=1)
    for line in mn.decisions or [t("meetings.nothing")]:
        doc.add_paragraph(line)

    doc.add_heading(t("meetings.actions"), level=1)
    rows = _action_rows(mn.actions)
    if rows:
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, _action_header(), strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    else:
        doc.add_paragraph(t("meetings.nothing"))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


class _PDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.cell(0, 8, f"{self.page_no()}", align="C")


def pdf_bytes(meeting_id: int) -> bytes:
    mn = collect(meeting_id)
    m = mn.meeting
    pdf = _PDF(format="A4")
    pdf.add_font("DejaVu", "", str(font_path()))
    pdf.add_font("DejaVu", "B", str(font_path(bold=True)))
    pdf.set_title(m["title"])
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()

    def heading(text: str, size: int = 14) -> None:
        pdf.ln(2)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 11)

    def para(text: str, bullet: bool = False) -> None:
        pdf.multi_cell(0, 6, ("• " if bullet else "") + text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    heading(m["title"], 18)
    para(f"{type_label(m['type'])} · {_when(m)}")
    if m["place"] or m["link"]:
        para(" · ".join(x for x in (m["place"], m["link"]) if x))
    heading(t("meetings.attendance"))
    para(f"{t('meetings.present')}: " + (", ".join(mn.present) or t("meetings.nobody")))
    if mn.absent:
        para(f"{t('meetings.absent')}: " + ", ".join(mn.absent))
    heading(t("meetings.agenda"))
    for line in mn.agenda or [t("meetings.nothing")]:
        para(line)
    heading(t("meetings.minutes"))
    for kind, text in _markdown_blocks(m["minutes"]) or [("p", t("meetings.nothing"))]:
        if kind == "h":
            heading(text, 12)
        else:
            para(text, bullet=kind == "li")
    heading(t("meetings.decisions"))
    for line in mn.decisions or [t("meetings.nothing")]:
        para(line)
    heading(t("meetings.actions"))
    rows = _action_rows(mn.actions)
    if rows:
        with pdf.table(col_widths=(50, 20, 15, 15), text_align="LEFT") as table:
            pdf.set_font("DejaVu", "B", 10)
            table.row(_action_header())
            pdf.set_font("DejaVu", "", 10)
            for row in rows:
                table.row(row)
    else:
        para(t("meetings.nothing"))
    return bytes(pdf.output())
