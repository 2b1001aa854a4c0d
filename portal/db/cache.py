"""Cached reads that every committed write invalidates.

Streamlit reruns a page for every click, and fifteen people in one meeting rerun the
same pages; most of those reruns read data nobody has changed. A read wrapped in
`cached_read` is computed once per (arguments, data generation, day, database file) and
shared by all sessions of the process. `transaction()` bumps the generation after every commit, so
nobody sees stale data after a save — there is no time-based expiry to tune.

The day is part of the key because derived state (overdue, stale, retention) changes at
midnight without any write.

Only the portal process writes to its database (DuckDB allows one writing process per
file), so a process-wide counter is enough: the CLI writes only when the server is not
running, or through the server.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from portal import config

F = TypeVar("F", bound=Callable[..., Any])

_lock = threading.Lock()
_generation = 0
_MAX_ENTRIES = 256  # per cached function; keys differ by arguments (year, role, page …)
_caches: list[OrderedDict[Any, Any]] = []
_listeners: list[Callable[[], None]] = []


def invalidate() -> None:
    """Forget every cached read; called after each committed write."""
    global _generation
    with _lock:
        _generation += 1
        for cache in _caches:
            cache.clear()
        listeners = list(_listeners)
    for listener in listeners:
        listener()


def on_write(listener: Callable[[], None]) -> None:
    """Call `listener` (which must return at once) after every committed write: the
    notification sender wakes up to look for messages the write caused."""
    with _lock:
        _listeners.append(listener)


def cached_read(fn: F) -> F:
    """Cache `fn`'s result per arguments until the next committed write or midnight.

    Arguments must be hashable. Results are handed out as copies of pandas frames
    (cheap under copy-on-write) and deep copies of lists and dicts, so a caller that
    changes what it got cannot change what the next session sees.
    """
    cache: OrderedDict[Any, Any] = OrderedDict()
    with _lock:
        _caches.append(cache)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = (
            _generation,
            dt.date.today(),
            str(config.db_path()),
            args,
            tuple(sorted(kwargs.items())),
        )
        with _lock:
            if key in cache:
                cache.move_to_end(key)
                return _handed_out(cache[key])
        value = fn(*args, **kwargs)
        with _lock:
            if key[0] == _generation:  # a write during the read: do not keep it
                cache[key] = value
                while len(cache) > _MAX_ENTRIES:
                    cache.popitem(last=False)
        return _handed_out(value)

    return wrapper  # type: ignore[return-value]


def _handed_out(value: Any) -> Any:
    if hasattr(value, "copy") and hasattr(value, "columns"):  # a pandas DataFrame
        return value.copy(deep=False)
    if isinstance(value, (list, dict, set)):
        return copy.deepcopy(value)
    return value
