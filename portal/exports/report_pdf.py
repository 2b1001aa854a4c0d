"""The report as a PDF: the report's blocks typeset by templates/report.typ.

A cover (with the municipality's logo when PORTAL_LOGO is set), a table of contents
that Typst fills from the headings (also PDF bookmarks), tables whose header rows repeat
on every page, and the charts with alt text. Every text goes to Typst as JSON data.
"""

from __future__ import annotations

import typst

from portal import config
from portal.exports.report_outline import Block, image_size, outline
from portal.exports.typeset import render_pdf
from portal.i18n import t
from portal.report.api import Report, clean

TEXT_WIDTH_MM = 168  # A4 minus the template's side margins
MAX_IMAGE_MM = 110


def _block(block: Block, images: dict[str, bytes]) -> dict:
    item: dict = {
        "kind": block.kind,
        "text": clean(block.text),
        "headers": [clean(h) for h in block.headers],
        "rows": [[clean(v) for v in row] for row in block.rows],
        "widths": list(block.widths),
    }
    if block.kind == "image" and block.image:
        name = f"chart-{len(images)}"
        images[name] = block.image
        item["image"] = name
        item["width_mm"] = round(image_size(block.image, TEXT_WIDTH_MM, MAX_IMAGE_MM)[0], 1)
    elif block.kind == "image":
        item["kind"] = "p"  # a chart that could not be drawn: its title alone
    return item


def _mark_new_pages(blocks: list[dict]) -> None:
    """A main section starts a new page unless it is only a heading and a short note
    (a section without data would otherwise leave a page almost empty)."""
    for n, item in enumerate(blocks):
        if item["kind"] != "h1":
            continue
        rest = blocks[n + 1 :]
        end = next((i for i, b in enumerate(rest) if b["kind"] == "h1"), len(rest))
        section = rest[:end]
        item["newpage"] = len(section) > 2 or any(b["kind"] in ("table", "image") for b in section)


def render(report: Report) -> bytes:
    cover = report.content["cover"]
    images: dict[str, bytes] = {}
    logo = config.logo_path()
    if logo:
        images["logo"] = logo.read_bytes()
    blocks = [_block(b, images) for b in outline(report)]
    _mark_new_pages(blocks)
    title = clean(t("report.doc_title", year=report.content["year"]))
    municipality = clean(cover["municipality"])
    data = {
        "title": title,
        "author": municipality,
        "municipality": municipality,
        "logo_alt": t("report.logo_alt", municipality=municipality),
        "blocks": blocks,
    }
    try:
        return render_pdf("report", data, images)
    except typst.TypstError:
        if "logo" not in images:
            raise
        del images["logo"]  # a logo file Typst cannot read leaves the cover without it
        return render_pdf("report", data, images)
