"""The report as an editable Word document (python-docx).

Headings use Word's built-in Heading 1/2/3 styles and the contents page is a real TOC
field, so Word builds (and later updates) the table of contents from the headings.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from portal.exports.report_outline import Block, image_size, outline
from portal.i18n import t
from portal.report.api import Report, clean

SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def render(report: Report) -> bytes:
    doc = Document()
    doc.core_properties.title = clean(t("report.doc_title", year=report.content["year"]))
    doc.core_properties.author = clean(report.content["cover"]["municipality"])
    doc.core_properties.language = "sv-SE"
    _ask_word_to_update_fields(doc)
    for block in outline(report):
        _add(doc, block)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _add(doc, block: Block) -> None:
    text = clean(block.text)
    if block.kind == "title":
        doc.add_heading(text, level=0)
    elif block.kind == "cover":
        doc.add_paragraph(text, style="Subtitle")
        _table(doc, [], block.rows)
    elif block.kind == "pagebreak":
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif block.kind == "toc":
        # Not a heading style: the contents page must not list itself.
        para = doc.add_paragraph()
        run = para.add_run(text)
        run.bold = True
        run.font.size = Pt(16)
        _toc_field(doc.add_paragraph())
    elif block.kind in ("h1", "h2", "h3"):
        doc.add_heading(text, level=int(block.kind[1]))
    elif block.kind == "p":
        doc.add_paragraph(text)
    elif block.kind == "note":
        doc.add_paragraph(text).runs[0].italic = True
    elif block.kind == "table":
        _table(doc, block.headers, block.rows)
    elif block.kind == "image":
        width, height = image_size(block.image, 16.0, 11.0)
        doc.add_picture(BytesIO(block.image), width=Cm(width), height=Cm(height))
        doc.add_paragraph(text, style="Caption")


def _table(doc, headers: list[str], rows: list[list[str]]) -> None:
    cols = len(headers) if headers else max((len(r) for r in rows), default=1)
    table = doc.add_table(rows=0, cols=cols)
    table.style = "Table Grid"
    if headers:
        cells = table.add_row().cells
        for cell, value in zip(cells, headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(clean(value)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = clean(value)
    doc.add_paragraph()


def _toc_field(paragraph) -> None:
    """A TOC field over Heading 1-3; Word fills it in when fields are updated."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-3" \\h \\z \\u'
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = t("report.toc_hint")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    # One element per run, the way Word itself writes a field.
    for element in (begin, instr, separate, placeholder, end):
        paragraph.add_run()._r.append(element)


def _ask_word_to_update_fields(doc) -> None:
    """Word then offers to update the TOC when the document is opened."""
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # The schema fixes the order of settings; Word rejects a misplaced element.
    settings.insert_element_before(update, *SETTINGS_AFTER_UPDATE_FIELDS)
