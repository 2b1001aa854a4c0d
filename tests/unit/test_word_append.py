"""The constant-time appends the long report uses put blocks where python-docx's own
methods would: in order, before the body's closing section properties, with the style
asked for, and the file opens again with the same text."""

from io import BytesIO

import docx
from docx.oxml.ns import qn

from portal.exports import word


def test_appended_blocks_keep_order_style_and_section() -> None:
    doc = word.new_document("Prov")
    word.add_heading(doc, "Rubrik", 1)
    word.add_paragraph(doc, "Brödtext")
    word.table(doc, ["A", "B"], [["1", "2"]])
    word.add_paragraph(doc, "Bildtext", "Caption")
    body = doc.element.body
    assert body[-1].tag == qn("w:sectPr")  # the section still closes the body
    again = docx.Document(BytesIO(word.save(doc)))
    paras = [(p.style.name, p.text) for p in again.paragraphs if p.text]
    assert paras == [("Heading 1", "Rubrik"), ("Normal", "Brödtext"), ("Caption", "Bildtext")]
    assert again.tables[0].style.name == "Table Grid"
    assert [c.text for c in again.tables[0].rows[1].cells] == ["1", "2"]
    kinds = [child.tag.split("}")[1] for child in again.element.body]
    assert kinds == ["p", "p", "tbl", "p", "sectPr"]
