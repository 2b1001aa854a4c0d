"""Sections of the overview page, one module per feature, in the order they are shown.

Each module defines PERMISSION (str) and `render(user)`.
"""

from __future__ import annotations

from types import ModuleType

from portal.ui.overview import directory, meetings, plan, signals, situation

SECTIONS: tuple[ModuleType, ...] = (plan, meetings, directory, situation, signals)
