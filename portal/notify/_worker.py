"""The running portal's own sender: a daemon thread that makes a pass right after a
committed write (invitations, minutes and signal alerts go out within seconds, without
slowing the page that wrote) and a full pass, digests included, every
PORTAL_NOTIFY_INTERVAL seconds.

It starts only when an SMTP host is set. A message queued when the server stops stays
in the outbox and goes out with the next pass, here or from `python -m portal notify`.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import date, datetime

from portal import config
from portal.db import cache
from portal.notify import _mail
from portal.notify._run import run_pass

log = logging.getLogger("portal.notify")
DEBOUNCE_SECONDS = 1.0  # a save often commits twice in a row; look once

_wake = threading.Event()
_stop = threading.Event()
_lock = threading.Lock()
_thread: threading.Thread | None = None
_listening = False


def start() -> bool:
    """Start the sender once per process; False when no SMTP host is configured."""
    global _thread
    if not _mail.configured():
        return False
    with _lock:
        if _thread is not None:
            return True
        global _listening
        if not _listening:
            cache.on_write(_wake.set)
            _listening = True
        _stop.clear()
        _thread = threading.Thread(target=_loop, name="portal-notify", daemon=True)
        _thread.start()
    return True


def stop(timeout: float = 30.0) -> None:
    """Stop the sender after its current pass (tests; a server simply exits)."""
    global _thread
    with _lock:
        thread, _thread = _thread, None
    if thread is not None:
        _stop.set()
        _wake.set()
        thread.join(timeout)


def _digests_due(now: datetime) -> bool:
    return now.hour >= config.get_int("PORTAL_DIGEST_HOUR")


def _loop() -> None:
    interval = max(config.get_int("PORTAL_NOTIFY_INTERVAL"), 10)
    next_full = 0.0
    while not _stop.is_set():
        woke = _wake.wait(timeout=max(next_full - time.monotonic(), 0))
        if _stop.is_set():
            return
        if woke:
            time.sleep(DEBOUNCE_SECONDS)
        _wake.clear()
        full = time.monotonic() >= next_full
        now = datetime.now()
        try:
            report = run_pass(date.today(), now, digests=full and _digests_due(now))
        except Exception:  # the thread must survive a bad pass; the next one retries
            log.exception("notification pass failed")
        else:
            for line in report.lines():
                log.info(line)  # kinds, usernames, addresses: never a message's content
        if full:
            next_full = time.monotonic() + interval
