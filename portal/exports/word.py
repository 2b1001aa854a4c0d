"""What every Word file the portal writes has: A4 pages with the municipality's margins,
the document language (sv-SE, en-US in English), honest metadata (the municipality as
author, the real date, never python-docx's 2013 template values), a footer "Sida N av M"
with PAGE and NUMPAGES fields, tables whose columns fit their content and whose header
row repeats on every page, and alt text on every picture.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from io import BytesIO
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Emu, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement

from portal import config
from portal.i18n import get_lang, t

PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Mm(25), Mm(22), Mm(22)
TEXT_W = PAGE_W - 2 * MARGIN_SIDE  # 160 mm
LANGS = {"sv": "sv-SE", "en": "en-US"}
# Characters per column below which a column counts as narrow (numbers, dates, codes).
_MIN_CHARS, _MAX_CHARS = 6, 60


def lang_tag() -> str:
    return LANGS.get(get_lang(), "sv-SE")


def author() -> str:
    return (config.get("PORTAL_MUNICIPALITY") or "").strip() or "SOS-portalen"


def new_document(title: str) -> DocxDocument:
    """An empty A4 document in the UI's language with the portal's metadata and footer."""
    doc = Document()
    _page_setup(doc)
    _language(doc, lang_tag())
    _metadata(doc, title)
    _footer(doc)
    return doc


def save(doc: DocxDocument) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page_setup(doc: DocxDocument) -> None:
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_W, PAGE_H
        section.left_margin = section.right_margin = MARGIN_SIDE
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        section.header_distance = section.footer_distance = Mm(10)
    doc.styles["Normal"].font.size = Pt(11)


def _language(doc: DocxDocument, tag: str) -> None:
    """w:lang in the document defaults and on the Normal style, so spelling and
    hyphenation follow the document's language."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr, tag)
    _set_lang(doc.styles["Normal"].element.get_or_add_rPr(), tag)


def _set_lang(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), "ar-SA")


def _metadata(doc: DocxDocument, title: str) -> None:
    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title = title
    props.author = props.last_modified_by = author()
    props.created = props.modified = now
    props.revision = 1
    props.language = lang_tag()
    props.comments = props.keywords = props.subject = props.category = ""
    _package_parts(doc)


def _package_parts(doc: DocxDocument) -> None:
    """The template's thumbnail (a picture of another document) goes, and the extended
    properties name the portal and the municipality instead of "Microsoft Macintosh
    Word"."""
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_xml()


def _app_xml() -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties">'
        f"<Application>SOS-portalen</Application><Company>{escape(author())}</Company>"
        "</Properties>"
    ).encode()


def _footer(doc: DocxDocument) -> None:
    """ "Sida N av M" at the foot of every page (the words come from the catalog)."""
    para = doc.sections[0].footer.paragraphs[0]
    para.alignment = 2  # right
    parts = re.split(r"(\{n\}|\{m\})", t("office.page_of", n="{n}", m="{m}"))
    for part in parts:
        if part == "{n}":
            field(para, "PAGE", "1")
        elif part == "{m}":
            field(para, "NUMPAGES", "1")
        elif part:
            para.add_run(part)
    para.style.font.size = Pt(9)  # the Footer style, so the field results match


def field(para: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (w:fldSimple) that Word and LibreOffice compute when they lay out."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    simple.append(run)
    para._p.append(simple)


def _place(doc: DocxDocument, element) -> None:
    """Put a block at the end of the body, before its closing section properties, in
    constant time. python-docx's own add_paragraph/add_table look for that point (and
    the page width) by scanning the whole body, which makes a long report quadratic:
    the 100x annual report took eight minutes."""
    body = doc.element.body
    try:
        last = body[-1]  # lxml reaches the last child directly
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)


# Style name -> id. Every document here starts from python-docx's template, so a name's
# id is the same in all; python-docx looks it up anew (an XPath over every style) for
# each paragraph and table, which was more than half of a long report's time.
_STYLE_IDS: dict[str, str] = {}


def style_id(doc: DocxDocument, name: str) -> str:
    if name not in _STYLE_IDS:
        _STYLE_IDS[name] = str(doc.styles[name].style_id)
    return _STYLE_IDS[name]


def add_paragraph(doc: DocxDocument, text: str = "", style: str | None = None) -> Paragraph:
    """Like doc.add_paragraph, in constant time (see _place and _STYLE_IDS)."""
    para = Paragraph(OxmlElement("w:p"), doc._body)
    _place(doc, para._p)
    if text:
        para.add_run(text)
    if style:
        para._p.style = style_id(doc, style)
    return para


def add_heading(doc: DocxDocument, text: str, level: int) -> Paragraph:
    """Like doc.add_heading (Title for level 0), in constant time."""
    return add_paragraph(doc, text, "Title" if level == 0 else f"Heading {level}")


def table(
    doc: DocxDocument,
    headers: list[str],
    rows: list[list[str]],
    widths: list[int] | None = None,
) -> Table:
    """A Table Grid table with fixed column widths that fit the content; a header row
    (bold) repeats on every page the table runs over."""
    cols = len(headers) if headers else max((len(r) for r in rows), default=1)
    if widths and len(widths) == cols:
        emus = [int(TEXT_W * w / (sum(widths) or 1)) for w in widths]
    else:
        chars = fitted_widths(headers, rows, cols)
        # About 2 mm a character at 11 pt plus the cell's padding; a table that needs
        # less than the text width stays narrow, a wider one shares the text width.
        natural = [Mm(2 * c + 3) for c in chars]
        scale = min(1.0, TEXT_W / sum(natural))
        emus = [int(n * scale) for n in natural]
    tbl = Table(CT_Tbl.new_tbl(0, cols, Emu(TEXT_W)), doc._body)
    _place(doc, tbl._tbl)
    tbl._tbl.tblStyle_val = style_id(doc, "Table Grid")
    tbl.alignment = WD_TABLE_ALIGNMENT.LEFT
    tbl.autofit = False
    _fixed_layout(tbl, emus)
    twips = [str(round(emu / 635)) for emu in emus]  # as python-docx rounds
    if headers:
        tbl._tbl.append(_row(headers, twips, header=True))
    for row in rows:
        tbl._tbl.append(_row(row, twips))
    return tbl


def _row(values: list[str], twips: list[str], header: bool = False) -> BaseOxmlElement:
    """One table row built as XML in one pass: python-docx's add_row, cell lookup and
    width setters rescan the table for every cell (most of the 100x report's time). The
    row is the same XML they make: no split across pages, a width on every cell, the
    text in one run (bold in a header row, which repeats on every page)."""
    tr = OxmlElement("w:tr")
    tr_pr = SubElement(tr, qn("w:trPr"))
    SubElement(tr_pr, qn("w:cantSplit"))
    if header:
        SubElement(tr_pr, qn("w:tblHeader"), {qn("w:val"): "true"})
    padded = [*values[: len(twips)], *[""] * (len(twips) - len(values))]
    for value, width in zip(padded, twips, strict=True):
        tc = SubElement(tr, qn("w:tc"))
        tc_pr = SubElement(tc, qn("w:tcPr"))
        SubElement(tc_pr, qn("w:tcW"), {qn("w:w"): width, qn("w:type"): "dxa"})
        para = SubElement(tc, qn("w:p"))
        if value:
            _run(para, value, bold=header)
    return tr


def _run(para: BaseOxmlElement, text: str, bold: bool) -> None:
    """A run holding `text`; line breaks and tabs become Word's own, as cell.text does."""
    run = SubElement(para, qn("w:r"))
    if bold:
        SubElement(SubElement(run, qn("w:rPr")), qn("w:b"))
    for n, line in enumerate(text.split("\n")):
        if n:
            SubElement(run, qn("w:br"))
        for m, part in enumerate(line.split("\t")):
            if m:
                SubElement(run, qn("w:tab"))
            if part:
                node = SubElement(run, qn("w:t"))
                node.text = part
                if part != part.strip():
                    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def fitted_widths(headers: list[str], rows: list[list[str]], cols: int) -> list[int]:
    """Relative widths: long text gets room, numbers and dates stay narrow. A column is
    as wide as its longest word at least, then shares the rest by its typical length."""
    out = []
    for i in range(cols):
        texts = [r[i] for r in rows if i < len(r) and r[i]]
        head = headers[i] if i < len(headers) else ""
        words = [w for text in [head, *texts] for w in text.split()]
        longest_word = max((len(w) for w in words), default=_MIN_CHARS)
        typical = sorted(len(x) for x in texts)[len(texts) * 9 // 10] if texts else len(head)
        out.append(max(_MIN_CHARS, longest_word + 1, min(_MAX_CHARS, typical)))
    return out


def _fixed_layout(tbl: Table, emus: list[int]) -> None:
    tbl_pr = tbl._tbl.tblPr
    if tbl_pr.find(qn("w:tblLayout")) is None:  # table.autofit = False adds it
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        # The schema fixes the order inside tblPr; Word refuses a file that breaks it.
        tbl_pr.insert_element_before(layout, "w:tblCellMar", "w:tblLook", "w:tblCaption")
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), str(sum(emus) // 635))  # twentieths of a point
    width.set(qn("w:type"), "dxa")
    for col, emu in zip(tbl.columns, emus, strict=True):
        col.width = Emu(emu)


def picture(doc: DocxDocument, png: bytes, width_cm: float, height_cm: float, alt: str) -> None:
    """A picture with alt text (wp:docPr descr and title) for screen readers."""
    shape = doc.add_picture(BytesIO(png), width=Cm(width_cm), height=Cm(height_cm))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", alt)


def toc(doc: DocxDocument, entries: list[tuple[int, str]]) -> None:
    """A real TOC field over Heading 1-3. Until Word updates it (settings ask it to on
    opening) the field shows the headings themselves, never an empty box."""
    lines = entries or [(1, t("office.toc_placeholder"))]
    for n, (level, text) in enumerate(lines):
        para = add_paragraph(doc)
        para.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        if n == 0:
            _field_char(para, "begin")
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-3" \\h \\z \\u '
            para.add_run()._r.append(instr)
            _field_char(para, "separate")
        para.add_run(text)
        if n == len(lines) - 1:
            _field_char(para, "end")


def _field_char(para: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    para.add_run()._r.append(char)
