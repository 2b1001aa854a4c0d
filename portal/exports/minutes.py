"""A meeting's minutes (attendees, agenda, minutes text, decisions, action items) as a
Word document (python-docx, real heading styles) and a PDF (templates/minutes.typ, in
the usual form of a Swedish protokoll, with lines for the signatures).

The minutes are Markdown: portal/exports/richtext.py parses them into blocks and runs,
so headings, lists, bold and italic carry over as document structure and formatting in
both formats while nothing a user typed is ever interpreted as markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from portal import config
from portal.exports import richtext, word
from portal.exports.typeset import render_pdf
from portal.i18n import t
from portal.meetings import api as db
from portal.meetings.api import fmt_date, get, type_label


@dataclass
class Minutes:
    meeting: dict
    present: list[str]
    absent: list[str]
    agenda: list[str]
    decisions: list[tuple[int, str]]
    actions: pd.DataFrame


def _text(value: object) -> str:
    """A database value as text: missing values (None, NaN) are empty, never "nan"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _when(m: dict) -> str:
    start, end = m["starts_at"], m["ends_at"]
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} (Europe/Stockholm)"


def collect(meeting_id: int) -> Minutes:
    m = get(meeting_id)
    people = db.attendees(meeting_id)

    def fmt(row) -> str:
        org = _text(row.organisation)
        return f"{row.name} ({org})" if org else _text(row.name)

    present = [fmt(r) for r in people.itertuples() if r.present]
    absent = [fmt(r) for r in people.itertuples() if r.invited and not r.present]
    agenda = [
        f"{int(r.position)}. {r.title}" + (f" – {_text(r.presenter)}" if _text(r.presenter) else "")
        for r in db.agenda(meeting_id).itertuples()
    ]
    decisions = [(int(r.number), _text(r.text)) for r in db.decisions(meeting_id).itertuples()]
    return Minutes(m, present, absent, agenda, decisions, db.actions(meeting_id=meeting_id))


def _decision_line(number: int, text: str) -> str:
    return f"§ {number}. {text}"


def _action_rows(actions: pd.DataFrame) -> list[list[str]]:
    rows = []
    for r in actions.itertuples():
        due = fmt_date(r.due)
        status = t(f"meetings.action_statuses.{r.status}")
        rows.append([_text(r.text), _text(r.owner), due, status])
    return rows


def _action_header() -> list[str]:
    return [t("meetings.action"), t("meetings.owner"), t("meetings.due"), t("meetings.status")]


def _place(m: dict) -> str:
    return " · ".join(x for x in (_text(m["place"]), _text(m["link"])) if x)


def docx_bytes(meeting_id: int) -> bytes:
    mn = collect(meeting_id)
    m = mn.meeting
    doc = word.new_document(_text(m["title"]))
    doc.add_heading(m["title"], level=0)
    doc.add_paragraph(f"{type_label(m['type'])} · {_when(m)}")
    if _place(m):
        doc.add_paragraph(_place(m))

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
    notes = richtext.parse(_text(m["minutes"]), top_level=2)
    if notes:
        richtext.to_docx(doc, notes)
    else:
        doc.add_paragraph(t("meetings.nothing"))

    doc.add_heading(t("meetings.decisions"), level=1)
    for line in [_decision_line(*d) for d in mn.decisions] or [t("meetings.nothing")]:
        doc.add_paragraph(line)

    doc.add_heading(t("meetings.actions"), level=1)
    rows = _action_rows(mn.actions)
    if rows:
        word.table(doc, _action_header(), rows, [50, 22, 14, 14])
    else:
        doc.add_paragraph(t("meetings.nothing"))
    _docx_signatures(doc)
    return word.save(doc)


def _docx_signatures(doc) -> None:
    doc.add_heading(t("meetings.signing"), level=1)
    line = "_" * 34
    for label in (t("meetings.recorded_by"), t("meetings.adjusted"), t("meetings.adjusted")):
        doc.add_paragraph(f"{label}:")
        doc.add_paragraph(f"{line}\n{t('meetings.name_clarification')}, {t('meetings.date')}")


def pdf_bytes(meeting_id: int) -> bytes:
    """The minutes as a tagged A4 PDF in the form of a Swedish protokoll."""
    mn = collect(meeting_id)
    m = mn.meeting
    facts = [
        [t("meetings.type"), type_label(m["type"])],
        [t("meetings.when"), _when(m)],
    ]
    if _place(m):
        facts.append([t("meetings.place"), _place(m)])
    data = {
        "title": _text(m["title"]),
        "author": config.get("PORTAL_MUNICIPALITY"),
        "kind": t("meetings.minutes"),
        "facts": facts,
        "present": mn.present,
        "absent": mn.absent,
        "agenda": mn.agenda,
        "notes": richtext.parse(_text(m["minutes"]), top_level=3),
        "decisions": [[f"§ {n}", text] for n, text in mn.decisions],
        "actions": {"headers": _action_header(), "rows": _action_rows(mn.actions)},
        "text": {
            key: t(f"meetings.{key}")
            for key in (
                "attendance",
                "present",
                "absent",
                "nobody",
                "agenda",
                "minutes_notes",
                "decisions",
                "actions",
                "nothing",
                "signing",
                "recorded_by",
                "adjusted",
                "name_clarification",
                "date",
            )
        },
    }
    return render_pdf("minutes", data)
