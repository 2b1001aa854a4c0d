"""Read generated files the way their readers do, and find what should never be in them.

text_of() opens PDF (pdftotext), Word (python-docx), Excel (openpyxl) and CSV files;
problems_in() lists raw values that leaked into a document; the page helpers render a
PDF with pdftoppm and look at the pixels.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import tempfile
from pathlib import Path

import docx
import openpyxl
from PIL import Image

from portal.i18n import catalog

Source = bytes | str | Path

_RAW = re.compile(
    r"\b(?:nan|NaN|None|NaT)\b"  # missing values printed as text
    r"|\[\]|\[\s*['\"\d-][^\[\]\n]*\]"  # a Python list ("[Demo]" is a label)
    r"|\{[^{}\n]*\}"  # a dict or an unformatted {placeholder}
    r"|[{}]"  # a lone brace
)
_DOMAINS = {key.split(".", 1)[0] for key in catalog("sv")}
_DOTTED = re.compile(r"\b[a-z]+(?:\.[a-z_0-9]+)+\b")


def _bytes(source: Source) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


def text_of(source: Source, kind: str) -> str:
    """The text of a pdf, docx, xlsx or csv file (bytes or a path)."""
    data = _bytes(source)
    if kind == "pdf":
        return subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    if kind == "docx":
        doc = docx.Document(io.BytesIO(data))
        parts = [p.text for p in doc.paragraphs]
        parts += [c.text for table in doc.tables for row in table.rows for c in row.cells]
        return "\n".join(parts)
    if kind == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(
            "\t".join("" if v is None else str(v) for v in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    if kind == "csv":
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
        return "\n".join("\t".join(row) for row in rows)
    raise ValueError(f"unknown kind: {kind}")


def problems_in(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Raw values found in `text`: nan/None/NaT, [lists], {dicts} or braces, and
    untranslated catalog keys such as `report.page`. `allowed` texts are not reported."""
    found = [m.group(0) for m in _RAW.finditer(text)]
    found += [m.group(0) for m in _DOTTED.finditer(text) if m.group(0).split(".")[0] in _DOMAINS]
    return [f for f in found if f not in allowed]


def pdf_page_images(data: bytes, dpi: int = 40) -> list[Image.Image]:
    """Every page of a PDF rendered to an RGB image by pdftoppm."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(Path(tmp) / "page")], check=True
        )
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [Image.open(p).convert("RGB") for p in pages]


def _ink(image: Image.Image) -> int:
    """How many pixels of `image` are not (nearly) white."""
    return sum(image.convert("L").histogram()[:230])


def blank_pages(images: list[Image.Image], min_pixels: int = 30) -> list[int]:
    """1-based numbers of pages with (nearly) nothing drawn on them."""
    counts = [_ink(im) for im in images]
    return [n for n, count in enumerate(counts, start=1) if count < min_pixels]


def ink_outside(images: list[Image.Image], margin_px: int) -> list[int]:
    """1-based numbers of pages with anything drawn in the outer `margin_px` strip."""
    found = []
    for n, im in enumerate(images, start=1):
        inner = (margin_px, margin_px, im.width - margin_px, im.height - margin_px)
        if _ink(im) != _ink(im.crop(inner)):
            found.append(n)
    return found


def mm_to_px(mm: float, dpi: int = 40) -> int:
    return max(1, round(mm / 25.4 * dpi))


def pdf_info(data: bytes) -> dict[str, str]:
    """pdfinfo's fields (Title, Tagged, Page size, Pages ...)."""
    out = subprocess.run(
        ["pdfinfo", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_fonts(data: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font pdffonts lists."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(data)
        tmp.flush()
        out = subprocess.run(["pdffonts", tmp.name], capture_output=True, check=True).stdout.decode(
            "utf-8"
        )
    rows = out.splitlines()[2:]
    return [(row.split()[0], row.split()[-5] == "yes") for row in rows if row.strip()]


def pdf_lang(data: bytes) -> str:
    """The document language (/Lang of the catalog)."""
    import pypdf

    return str(pypdf.PdfReader(io.BytesIO(data)).root_object.get("/Lang", ""))


def assert_accessible_a4(data: bytes, title: str, lang: str = "sv") -> None:
    """Tagged, A4 on every page, fonts embedded, language and title set."""
    info = pdf_info(data)
    assert info["Tagged"] == "yes"
    assert info["Page size"].startswith("595.276 x 841.89")
    assert info["Title"] == title
    fonts = pdf_fonts(data)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert pdf_lang(data) == lang
