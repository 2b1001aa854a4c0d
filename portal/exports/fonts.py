"""The shared Unicode font for PDF exports (DejaVu Sans, shipped in portal/assets/fonts).

fpdf2's built-in core fonts are Latin-1 only; a TTF font renders å, ä, ö and every other
character people type. The files travel with the package so nothing depends on the
machine's fonts (DejaVu's licence permits redistribution; see LICENSE-DejaVu.txt).
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"


def font_path(bold: bool = False) -> Path:
    """Path of DejaVuSans.ttf, or DejaVuSans-Bold.ttf when `bold`."""
    return FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
