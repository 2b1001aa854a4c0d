"""The shared Unicode font for PDF exports (DejaVu Sans, shipped in portal/assets/fonts).

Typst (portal/exports/typeset.py) uses only these files, never the machine's fonts, so a
PDF looks the same everywhere and renders å, ä, ö and every other character people type
(DejaVu's licence permits redistribution; see LICENSE-DejaVu.txt).
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"


def font_path(bold: bool = False) -> Path:
    """Path of DejaVuSans.ttf, or DejaVuSans-Bold.ttf when `bold`."""
    return FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
