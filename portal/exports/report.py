"""The annual report in every format: Word, PDF and Excel, from one assembled Report."""

from __future__ import annotations

from collections.abc import Callable

from portal.errors import ValidationError
from portal.exports import report_docx, report_pdf, report_xlsx
from portal.report.api import Report

Renderer = Callable[[Report], bytes]

FORMATS: dict[str, tuple[Renderer, str]] = {
    "docx": (
        report_docx.render,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (report_pdf.render, "application/pdf"),
    "xlsx": (
        report_xlsx.render,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


# The formats that show the situation picture's charts (the Excel appendix has its data).
WITH_CHARTS = frozenset({"docx", "pdf"})


def file_name(year: int, fmt: str, version: int | None = None) -> str:
    suffix = f"-v{version}" if version else ""
    return f"uppfoljning-{year}{suffix}.{fmt}"


def mime(fmt: str) -> str:
    return FORMATS[fmt][1]


def render(report: Report, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValidationError(f"unknown format: {fmt}", {"format": fmt})
    return FORMATS[fmt][0](report)


def render_all(report: Report) -> dict[str, bytes]:
    return {fmt: render(report, fmt) for fmt in FORMATS}
