"""The report as a PDF (fpdf2, pure Python) with an embedded Unicode font.

DejaVu Sans renders å, ä, ö; headings become PDF bookmarks and fill a real table of
contents. Text is written as plain text (markdown off), so user text is never markup.
"""

from __future__ import annotations

from io import BytesIO

from fpdf import FPDF
from fpdf.fonts import FontFace
from fpdf.outline import TableOfContents

from portal.exports.fonts import font_path
from portal.exports.report_outline import Block, image_size, outline
from portal.i18n import t
from portal.report.api import Report, clean

FONT = "DejaVu"
MAX_IMAGE_MM = 110
SIZES = {"title": 22, "h1": 16, "h2": 12.5, "h3": 11, "p": 10}


class _PDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(0, 8, t("report.page", n=self.page_no()), align="C")


def render(report: Report) -> bytes:
    pdf = _PDF(format="A4")
    pdf.add_font(FONT, "", str(font_path()))
    pdf.add_font(FONT, "B", str(font_path(bold=True)))
    pdf.set_title(clean(t("report.doc_title", year=report.content["year"])))
    pdf.set_author(clean(report.content["cover"]["municipality"]))
    pdf.set_lang("sv")
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for block in outline(report):
        _add(pdf, block)
    buffer = BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()


def _text(
    pdf: FPDF, text: str, size: float = SIZES["p"], bold: bool = False, gap: float = 2
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5, clean(text), markdown=False, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _add(pdf: FPDF, block: Block) -> None:
    if block.kind == "title":
        pdf.ln(40)
        _text(pdf, block.text, SIZES["title"], bold=True, gap=8)
    elif block.kind == "cover":
        _text(pdf, block.text, SIZES["h2"], gap=6)
        _table(pdf, [], block.rows, block.widths)
    elif block.kind == "pagebreak":
        pdf.add_page()
    elif block.kind == "toc":
        _text(pdf, block.text, SIZES["h1"], bold=True, gap=4)
        pdf.set_font(FONT, "", SIZES["p"])
        pdf.insert_toc_placeholder(
            TableOfContents().render_toc, allow_extra_pages=True, reset_page_indices=False
        )
    elif block.kind in ("h1", "h2"):
        if block.kind == "h1" and pdf.get_y() > 60:
            pdf.add_page()
        pdf.start_section(clean(block.text), level=0 if block.kind == "h1" else 1)
        _text(pdf, block.text, SIZES[block.kind], bold=True, gap=3)
    elif block.kind == "h3":
        _text(pdf, block.text, SIZES["h3"], bold=True, gap=1)
    elif block.kind == "p":
        _text(pdf, block.text)
    elif block.kind == "note":
        _text(pdf, block.text, 9)
    elif block.kind == "table":
        _table(pdf, block.headers, block.rows, block.widths)
    elif block.kind == "image":
        width, height = image_size(block.image, pdf.epw, MAX_IMAGE_MM)
        if pdf.get_y() + height + 12 > pdf.page_break_trigger:
            pdf.add_page()
        pdf.image(BytesIO(block.image), w=width, h=height)
        _text(pdf, block.text, 9, gap=4)


def _table(
    pdf: FPDF, headers: list[str], rows: list[list[str]], widths: list[int] | None = None
) -> None:
    pdf.set_font(FONT, "", 9)
    ncols = len(headers) if headers else max((len(r) for r in rows), default=1)
    col_widths = tuple(widths) if widths and len(widths) == ncols else None
    with pdf.table(
        first_row_as_headings=bool(headers),
        markdown=False,
        col_widths=col_widths,
        headings_style=FontFace(emphasis="BOLD"),
        line_height=5,
        text_align="LEFT",
    ) as table:
        for row in ([headers] if headers else []) + rows:
            cells = table.row()
            for value in row:
                cells.cell(clean(value) or " ")
    pdf.ln(3)
