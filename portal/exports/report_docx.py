"""The report as an editable Word document (python-docx).

A4, Swedish (English in English), the municipality as author (portal/exports/word.py).
Headings use Word's built-in Title and Heading 1/2/3 styles and the contents page is a
real TOC field, so Word builds (and later updates) the table of contents from the
headings; tables have fitted column widths and repeat their header row on every page.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from portal.exports import word
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
    doc = word.new_document(clean(t("report.doc_title", year=report.content["year"])))
    _ask_word_to_update_fields(doc)
    blocks = outline(report)
    headings = [(int(b.kind[1]), clean(b.text)) for b in blocks if b.kind in ("h1", "h2")]
    for block in blocks:
        _add(doc, block, headings)
    return word.save(doc)


def _add(doc: DocxDocument, block: Block, headings: list[tuple[int, str]]) -> None:
    text = clean(block.text)
    if block.kind == "title":
        word.add_heading(doc, text, 0)
    elif block.kind == "cover":
        word.add_paragraph(doc, text, "Subtitle")
        _table(doc, block)
    elif block.kind == "pagebreak":
        word.add_paragraph(doc).add_run().add_break(WD_BREAK.PAGE)
    elif block.kind == "toc":
        # Not a heading style: the contents page must not list itself.
        run = word.add_paragraph(doc).add_run(text)
        run.bold = True
        run.font.size = Pt(16)
        word.toc(doc, headings)
    elif block.kind in ("h1", "h2", "h3"):
        word.add_heading(doc, text, int(block.kind[1]))
    elif block.kind == "p":
        word.add_paragraph(doc, text)
    elif block.kind == "note":
        word.add_paragraph(doc, text).runs[0].italic = True
    elif block.kind == "table":
        _table(doc, block)
    elif block.kind == "image":
        width, height = image_size(block.image, 16.0, 11.0)
        word.picture(doc, block.image, width, height, alt=text)
        word.add_paragraph(doc, text, "Caption")


def _table(doc: DocxDocument, block: Block) -> None:
    rows = [[clean(v) for v in row] for row in block.rows]
    word.table(doc, [clean(h) for h in block.headers], rows, block.widths or None)
    word.add_paragraph(doc)


def _ask_word_to_update_fields(doc: DocxDocument) -> None:
    """Word then updates the TOC (and page numbers) when the document is opened."""
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # The schema fixes the order of settings; Word rejects a misplaced element.
    settings.insert_element_before(update, *SETTINGS_AFTER_UPDATE_FIELDS)
