"""The Unicode TTF font for the PDF report (å, ä, ö must render).

Uses the portal's bundled font (portal.exports.fonts.font_path) when that module exists,
else the Debian package fonts-dejavu-core.
"""

from __future__ import annotations

import importlib
from pathlib import Path

SYSTEM_DIR = Path("/usr/share/fonts/truetype/dejavu")


def font_path(bold: bool = False) -> Path:
    try:
        fonts = importlib.import_module("portal.exports.fonts")
    except ModuleNotFoundError:
        fonts = None
    if fonts is not None and hasattr(fonts, "font_path"):
        path = Path(fonts.font_path(bold=bold))
        if path.exists():
            return path
    path = SYSTEM_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: install the Debian package fonts-dejavu-core"
        )
    return path
