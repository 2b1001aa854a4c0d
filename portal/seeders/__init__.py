"""The embedded default and the demo data, one module per domain.

Each module defines ORDER (int), `load_default(cur)` (real data, always loaded into a
new database) and `load_demo(cur)` (clearly marked demo rows, only with `init --demo`).
Modules are discovered, so a new domain adds its own seeder without touching others.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def seeders() -> list[ModuleType]:
    mods = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return sorted(mods, key=lambda m: getattr(m, "ORDER", 100))
