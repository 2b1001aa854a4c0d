"""The Unicode font for the family leaflet PDF (å, ä, ö need a TrueType font in fpdf2).

Prefers the font bundled with the portal (portal/assets/fonts/, added by the shared
fonts work) and falls back to Debian's fonts-dejavu-core.
"""

from __future__ import annotations

from pathlib import Path

from portal.errors import ConfigError

_BUNDLED = Path(__file__).resolve().parent.parent / "assets" / "fonts"
_SYSTEM = Path("/usr/share/fonts/truetype/dejavu")


def leaflet_font_path(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in (_BUNDLED, _SYSTEM):
        if (folder / name).exists():
            return folder / name
    if bold:
        return leaflet_font_path(False)  # a regular face is better than no leaflet
    raise ConfigError("DejaVuSans.ttf not found: install fonts-dejavu-core")
