"""Work done once per server process at startup (not on every rerun).

Each entry names "module:function"; a feature that is not present is skipped. Features
add their own entry here (e.g. purging signal texts past retention).
"""

from __future__ import annotations

import importlib
import logging
import threading

STARTUP_TASKS: list[str] = [
    "portal.services.signal_retention:purge_on_startup",
    "portal.services.backup:start_watcher",
]

_done = False
_lock = threading.Lock()
log = logging.getLogger(__name__)


def run_once() -> None:
    global _done
    with _lock:
        if _done:
            return
        _done = True
        for entry in STARTUP_TASKS:
            module_name, func = entry.split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name == module_name:
                    continue
                raise
            getattr(module, func)()
