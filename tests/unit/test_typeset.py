"""The Typst mechanism behind every PDF: data as JSON, packaged fonts, tagged A4 output."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from docx import Document
from PIL import Image

from portal.exports import richtext
from portal.exports.typeset import render_pdf
from portal.i18n import set_lang
from tests.outputs import (
    assert_accessible_a4,
    blank_pages,
    ink_outside,
    mm_to_px,
    pdf_page_images,
    problems_in,
    text_of,
)

MARKUP = '#import "x.typ": * *fet* $x^2$ #set text(red) _kursiv_ <b>b</b> \\ ] [ } @ref'


def _block(kind: str, text: str = "", **kw) -> dict:
    return {"kind": kind, "text": text, "headers": [], "rows": [], "widths": [], **kw}


def _report(blocks: list[dict], title: str = "Rapport") -> dict:
    return {
        "title": title,
        "author": "Tjörns kommun",
        "municipality": "Tjörns kommun",
        "logo_alt": "Logotyp",
        "blocks": blocks,
    }


def _png(width: int = 300, height: int = 150) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    for x in range(20, 120):
        for y in range(40, 140):
            image.putpixel((x, y), (30, 80, 160))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _alt_texts(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    found = []
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, pypdf.generic.ArrayObject):
            stack.extend(node)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                stack.append(node["/K"])
    return found


def test_user_text_with_typst_markup_is_printed_literally():
    blocks = [
        _block("h1", MARKUP),
        _block("p", MARKUP),
        _block("table", headers=["Rubrik", MARKUP], rows=[[MARKUP, "1"]]),
    ]
    data = render_pdf("report", _report(blocks, title=MARKUP))
    text = " ".join(text_of(data, "pdf").split())
    assert text.count(MARKUP) >= 3  # heading (and its outline entry), paragraph
    assert "#import" in text and "*fet*" in text and "$x^2$" in text and "#set" in text


def test_pdf_is_tagged_a4_with_embedded_fonts_language_and_title():
    blocks = [_block("h1", "Sammanfattning"), _block("p", "Åäö ÅÄÖ é ü"), _block("pagebreak")]
    blocks += [_block("h1", "Andra delen"), _block("p", "Text.")]
    data = render_pdf("report", _report(blocks, title="Uppföljning 2020"))
    assert_accessible_a4(data, "Uppföljning 2020", "sv")
    text = text_of(data, "pdf")
    assert "Åäö ÅÄÖ é ü" in text
    assert "Sida 2 av 2" in text
    assert "Sida 1" not in text  # the first page (the cover) carries no page number
    assert problems_in(text) == []


def test_english_documents_say_so():
    blocks = [_block("h1", "Summary"), _block("pagebreak"), _block("p", "x")]
    set_lang("en")
    try:
        data = render_pdf("report", _report(blocks))
    finally:
        set_lang("sv")
    assert_accessible_a4(data, "Rapport", "en")
    assert "Page 2 of 2" in text_of(data, "pdf")


def test_image_from_bytes_with_alt_text_and_caption():
    blocks = [_block("h1", "Lägesbild"), _block("image", "Signaler per kvartal", image="c")]
    blocks[1]["width_mm"] = 120
    data = render_pdf("report", _report(blocks), {"c": _png()})
    assert "Signaler per kvartal" in _alt_texts(data)
    assert "Signaler per kvartal" in text_of(data, "pdf")
    page = pdf_page_images(data)[-1]
    colours = page.getcolors(maxcolors=1 << 20) or []
    assert any(b > 120 and r < 80 for _, (r, _g, b) in colours)  # the blue square is drawn


def test_long_table_repeats_its_header_on_every_page_and_keeps_words_whole():
    rows = [
        [f"4.{n}.1", f"Aktivitet nummer {n} med en längre beskrivning", "Pågår", "60"]
        for n in range(120)
    ]
    headers = ["Nr", "Aktivitet", "Status", "Framsteg (%)"]
    blocks = [
        _block("h1", "Tabell"),
        _block("table", headers=headers, rows=rows, widths=[5, 80, 10, 5]),
    ]
    data = render_pdf("report", _report(blocks))
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    assert len(pages) >= 3
    assert all("Framsteg" in p and "Aktivitet" in p for p in pages)  # repeated header row
    text = text_of(data, "pdf")
    assert re.search(r"Framsteg\s", text) and not re.search(r"Framste\s", text)
    assert all(f"Aktivitet nummer {n} " in " ".join(text.split()) for n in (0, 119))


def test_narrow_columns_never_break_a_word():
    words = ["Säkerhetssamordnaren", "Kompetensutvecklingsinsatser", "Framsteg"]
    rows = [[w, w, w, w] for w in words]
    blocks = [
        _block("table", headers=["A", "B", "C", "Framsteg (%)"], rows=rows, widths=[70, 10, 10, 10])
    ]
    data = render_pdf("report", _report(blocks))
    tokens = set(text_of(data, "pdf").split())
    assert set(words) <= tokens
    broken = [t for t in tokens if t not in words and any(w.startswith(t) for w in words)]
    assert broken == []
    assert ink_outside(pdf_page_images(data), mm_to_px(5)) == []


def test_no_blank_page_and_nothing_in_the_outer_margin():
    blocks = [
        _block("title", "Uppföljning"),
        _block("cover", "Till kommunledningsgruppen", rows=[["Kommun", "Tjörns kommun"]]),
        _block("pagebreak"),
        _block("toc", "Innehåll"),
        _block("pagebreak"),
        _block("h1", "Sammanfattning"),
        _block("pagebreak"),
        _block("pagebreak"),
        _block("h1", "Slut", newpage=True),
        _block("p", "x " * 400),
    ]
    images = pdf_page_images(render_pdf("report", _report(blocks)))
    assert len(images) == 4
    assert blank_pages(images) == []
    assert ink_outside(images, mm_to_px(5)) == []


def test_blank_and_margin_helpers_can_fail():
    white = Image.new("RGB", (100, 140), "white")
    inked = white.copy()
    inked.putpixel((1, 1), (0, 0, 0))
    assert blank_pages([white, inked]) == [1, 2]
    assert ink_outside([white, inked], 3) == [2]


def test_markdown_becomes_blocks_and_runs_never_markup():
    blocks = richtext.parse(
        "**Närvarande:** Åsa\n\n# Läget\n### Djupt\n- ett <b>x</b>\n- två\n  1. under\n\n"
        "![bild](http://x/y.png) [länk](https://example.org)",
        top_level=2,
    )
    assert blocks[0]["runs"][0] == {"text": "Närvarande:", "bold": True, "italic": False}
    assert [b["level"] for b in blocks if b["kind"] == "heading"] == [2, 3]  # no skipped level
    items = blocks[3]["items"]
    assert items[0][0]["runs"][0]["text"] == "ett <b>x</b>"
    assert items[1][1]["ordered"] is True
    assert richtext.plain(blocks[4:]) == "bild länk (https://example.org)"


@pytest.mark.parametrize("source", ["**fet** och *kursiv*", "- **fet** och *kursiv*"])
def test_markdown_runs_in_word(source):
    doc = Document()
    richtext.to_docx(doc, richtext.parse(source))
    runs = doc.paragraphs[-1].runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("fet", True, None),
        (" och ", None, None),
        ("kursiv", None, True),
    ]
