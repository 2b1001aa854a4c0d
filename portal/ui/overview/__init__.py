"""Sections of the overview page, one module per domain, discovered and shown in ORDER.

Each module defines ORDER (int), PERMISSION (str) and `render(user)`. A feature adds its
own section here without editing the page or other features' sections.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def sections() -> list[ModuleType]:
    mods = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return sorted(mods, key=lambda m: getattr(m, "ORDER", 100))
