"""Helpers for the report tests: open generated files with their own libraries."""

from __future__ import annotations

from io import BytesIO

import docx
import openpyxl
import pypdf

# The exact shapes the other domains' year_summary functions return.
MEETINGS = {
    "held": 7,
    "by_type": [
        {"type": "sos", "label": "SOS-möte", "count": 5},
        {"type": "police", "label": "Möte med polisen", "count": 2},
    ],
    "attendance_by_org": [
        {"organisation": "Socialtjänsten", "count": 6},
        {"organisation": "Polisen", "count": 4},
    ],
    "decisions": [
        {
            "date": "2020-03-04",
            "meeting": "SOS-möte mars",
            "number": "§ 3",
            "text": "Rutinen för signaler antas <b>som</b> utkast.",
        }
    ],
    "open_actions": [
        {
            "text": "Boka utbildning för fritidsgårdar",
            "owner": "Processledaren",
            "due": "2021-02-01",
            "status": "open",
        }
    ],
}
SITUATION = {
    "status": "approved",
    "approved_on": "2020-11-30",
    "made_with": "Polisen (kommunpolisen)",
    "assessments": [
        {
            "milieu": "far_right",
            "milieu_label": "Högerextremism",
            "level": "low",
            "level_label": "Låg",
            "trend": "same",
            "trend_label": "Oförändrad",
            "narrative": "Enstaka klistermärken i hamnområdet.",
            "sources_used": "Polisen",
            "sources_not_used": "Skolans elevenkät",
        },
    ],
    "indicators": [{"milieu_label": "Högerextremism", "source_label": "Polisen", "count": "<3"}],
}
SIGNALS = {
    "total": "11",
    "by_milieu": [
        {"label": "Högerextremism", "count": "8"},
        {"label": "Våldsbejakande islamism", "count": "<3"},
    ],
    "by_setting": [{"label": "Skola", "count": "9"}],
    "by_quarter": [{"label": "2020 K1", "count": "<3"}, {"label": "2020 K2", "count": "6"}],
}


def docx_paragraphs(data: bytes) -> list:
    return docx.Document(BytesIO(data)).paragraphs


def docx_text(data: bytes) -> str:
    doc = docx.Document(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def docx_headings(data: bytes, level: int) -> list[str]:
    return [p.text for p in docx_paragraphs(data) if p.style.name == f"Heading {level}"]


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def xlsx(data: bytes):
    return openpyxl.load_workbook(BytesIO(data))
