"""One template mechanism for every PDF: Typst templates fed with JSON data.

A template in portal/exports/templates/ reads its data with
`json(bytes(sys.inputs.data))`, so user text only ever arrives as JSON strings and is
never parsed as Typst markup. Only the packaged DejaVu fonts are used (system and
Typst's own fonts are left out), so a document looks the same on every machine.
Images travel as files in a private temporary folder and are read with
`read(name, encoding: none)`, then placed with `image(bytes, alt: ...)`.
The PDFs are tagged PDF/UA-1 documents: Typst refuses to write one without a title,
a language or alt text for an image.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from functools import cache
from pathlib import Path

import typst

from portal.exports.fonts import FONT_DIR
from portal.i18n import get_lang, t

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _fonts() -> typst.Fonts:
    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONT_DIR)]
    )


def labels(lang: str) -> dict[str, str]:
    """Catalog texts the shared template needs (the page footer)."""
    return {"page_of": t("common.page_of", lang=lang)}


def render_pdf(template: str, data: dict, images: dict[str, bytes] | None = None) -> bytes:
    """The PDF that templates/<template>.typ makes of `data`.

    `images` maps a name to image bytes (PNG, JPEG or SVG); the template finds the file
    name under `data["images"][name]`. `data["lang"]` defaults to the session language.
    """
    lang = data.get("lang") or get_lang()
    with tempfile.TemporaryDirectory(prefix="typeset-") as tmp:
        root = Path(tmp)
        for source in TEMPLATES.glob("*.typ"):
            shutil.copyfile(source, root / source.name)
        files = {}
        for n, (name, content) in enumerate((images or {}).items()):
            files[name] = f"image-{n}"
            (root / files[name]).write_bytes(content)
        payload = {**data, "lang": lang, "labels": labels(lang), "images": files}
        pdf = typst.compile(
            str(root / f"{template}.typ"),
            root=str(root),
            format="pdf",
            font_paths=_fonts(),
            ignore_system_fonts=True,
            sys_inputs={"data": json.dumps(payload, ensure_ascii=False)},
            pdf_standards="ua-1",
        )
    assert isinstance(pdf, bytes)
    return pdf
