"""The loopback route through which the command line has the running portal do its work
(`POST /_portal/cli`), and the server start-up that publishes where to find it.

While the portal runs it holds the database file (DuckDB lets one process open it), so
`python -m portal export ...` and the like send their request here instead (see
portal/commands and portal/cli/_bridge.py). A request is served only when it comes from
this machine's loopback address, not through a proxy, and carries the secret that the
server wrote beside the database at start (owner-only file), compared in constant time.
Anything else is 403, the same answer whatever was wrong.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from portal import commands, startup
from portal.errors import DatabaseLocked

log = logging.getLogger(__name__)

LOOPBACK = frozenset({"127.0.0.1", "::1", "::ffff:127.0.0.1"})
# A proxy on this machine also connects from loopback: a forwarded request is not local.
_FORWARDED = ("forwarded", "x-forwarded-for", "x-real-ip")
_published: dict[str, commands.Bridge] = {}


def _forbidden() -> JSONResponse:
    return JSONResponse({"error": "forbidden"}, status_code=403)


def _allowed(request: Request) -> bool:
    bridge = _published.get("bridge")
    client = request.client.host if request.client else ""
    if bridge is None or client not in LOOPBACK:
        return False
    if any(name in request.headers for name in _FORWARDED):
        return False
    given = request.headers.get(commands.SECRET_HEADER, "")
    return hmac.compare_digest(given.encode("utf-8"), bridge.secret.encode("utf-8"))


async def run_command(request: Request) -> JSONResponse:
    if not _allowed(request):
        return _forbidden()
    try:
        body = await request.json()
        name = str(body["command"])
        params = body.get("params") or {}
        raw = body.get("payload")
        payload = base64.b64decode(raw, validate=True) if raw is not None else None
        if not isinstance(params, dict):
            raise TypeError("params")
    except (ValueError, KeyError, TypeError, binascii.Error):
        return JSONResponse({"error": "bad request"}, status_code=400)
    if name not in commands.COMMANDS:
        return JSONResponse({"error": "unknown command"}, status_code=404)
    try:
        outcome = await run_in_threadpool(commands.run, name, params, payload, True)
    except DatabaseLocked:
        outcome = commands.Outcome(1, err="error: the portal could not open its database\n")
    return JSONResponse(outcome.to_json())


def loopback_host(address: str) -> str | None:
    """Where the command line reaches a server bound to `address` on this machine."""
    if address in ("", "0.0.0.0", "127.0.0.1", "localhost"):
        return "127.0.0.1"
    if address in ("::", "::1"):
        return "::1"
    return None  # bound to another interface only: loopback cannot reach it


def lifespan(
    address: Callable[[], tuple[str, int]],
) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """The server's start-up and shutdown: run the start-up tasks (which open the
    database, so the portal holds it from the start), then publish the bridge file;
    remove it on shutdown. `address()` gives the configured (address, port)."""

    @asynccontextmanager
    async def span(_app: Any) -> AsyncIterator[None]:
        await run_in_threadpool(startup.run_once)
        host, port = address()
        loopback = loopback_host(host)
        if loopback is None:
            log.warning("server.address %s is not loopback: the CLI cannot reach it", host)
        else:
            _published["bridge"] = commands.write_bridge(loopback, port)
        try:
            yield
        finally:
            bridge = _published.pop("bridge", None)
            if bridge is not None:
                commands.remove_bridge(bridge)

    return span


ROUTES: list[BaseRoute] = [Route(commands.ROUTE_PATH, run_command, methods=["POST"])]
